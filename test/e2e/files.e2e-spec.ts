import { createHash } from 'node:crypto';
import { startApi, TestApi } from '../support/api';
import { docmDocument, docxDocument, pdfDocument, xlsxDocument } from '../support/documents';
import { expectError } from '../support/expectations';
import { createUnit, memberToken } from '../support/factories';

// Documents attached to articles and procedures: checked by their content, stored under their hash,
// downloaded under the name they were uploaded with.
describe('Attached files (e2e)', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await api.close();
  });

  it('stores a PDF, a DOCX and an XLSX by what they are, and serves each under its own name', async () => {
    const unit = await createUnit(api, admin);
    const editor = await memberToken(api, admin, unit.id, 'editor');
    const cases = [
      { bytes: pdfDocument(), name: 'Kế hoạch CCHC 2026.pdf', kind: 'pdf', type: 'application/pdf' },
      { bytes: await docxDocument(), name: 'Quyết định 12.docx', kind: 'docx', type: /wordprocessingml/ },
      { bytes: await xlsxDocument(), name: 'Biểu mẫu.xlsx', kind: 'xlsx', type: /spreadsheetml/ },
    ];
    for (const c of cases) {
      const res = await api.upload(`/api/v1/units/${unit.id}/files`, {
        token: editor,
        // The browser's claim is not what decides.
        file: { name: c.name, type: 'application/octet-stream', bytes: c.bytes },
      });
      expect(res.status).toBe(201);
      const sha = createHash('sha256').update(c.bytes).digest('hex');
      expect(res.body).toMatchObject({ url: `/media/files/${sha}.${c.kind}`, name: c.name, kind: c.kind });
      expect(res.body.bytes).toBe(c.bytes.length);

      const file = await fetch(`${api.baseUrl}${res.body.url}?download=${encodeURIComponent(res.body.name)}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toMatch(c.type);
      expect(file.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent(c.name)}`,
      );
      expect(Buffer.from(await file.arrayBuffer()).equals(c.bytes)).toBe(true);
    }
  });

  it('names the real kind when the file name lies', async () => {
    const unit = await createUnit(api, admin);
    const res = await api.upload(`/api/v1/units/${unit.id}/files`, {
      token: admin,
      file: { name: 'bao-cao.xlsx', bytes: pdfDocument() },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'bao-cao.pdf', kind: 'pdf' });
  });

  it('refuses macros, pages and programs with a 415 naming the file', async () => {
    const unit = await createUnit(api, admin);
    const macro = await api.upload(`/api/v1/units/${unit.id}/files`, {
      token: admin,
      file: { name: 'ke-hoach.docx', bytes: await docmDocument() },
    });
    expectError(macro, 415, 'UNSUPPORTED_MEDIA_TYPE', 'file');
    expect(macro.body.message).toMatch(/macro/);
    for (const bytes of [Buffer.from('<html><script>alert(1)</script>'), Buffer.from('MZ\x90\x00binary')]) {
      const res = await api.upload(`/api/v1/units/${unit.id}/files`, {
        token: admin,
        file: { name: 'tep.pdf', bytes },
      });
      expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'file');
    }
  });

  it('lets only the unit’s writers attach, and refuses a file over 20 MB with a 413', async () => {
    const unit = await createUnit(api, admin);
    const other = await createUnit(api, admin);
    const stranger = await memberToken(api, admin, other.id, 'editor');
    const refused = await api.upload(`/api/v1/units/${unit.id}/files`, {
      token: stranger,
      file: { name: 'a.pdf', bytes: pdfDocument() },
    });
    expect(refused.status).toBe(403);
    const big = Buffer.concat([pdfDocument(), Buffer.alloc(20 * 1024 * 1024)]);
    const tooBig = await api.upload(`/api/v1/units/${unit.id}/files`, {
      token: admin,
      file: { name: 'lon.pdf', bytes: big },
    });
    expectError(tooBig, 413, 'PAYLOAD_TOO_LARGE', 'file');
  });
});
