import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApi, TestApi, TestResponse } from '../support/api';
import { docxDocument, pdfDocument } from '../support/documents';
import { expectError } from '../support/expectations';
import { createUnit, memberToken } from '../support/factories';

const FIXTURES = join(__dirname, '..', 'fixtures', 'procedures');
const CSV = readFileSync(join(FIXTURES, 'thu-tuc-xa.csv'));
const NATIONAL = readFileSync(join(FIXTURES, 'tthc-quoc-gia.json'));

interface Evidence {
  type: string;
  subject: { type: string; id: string };
  snapshot: Record<string, unknown>;
}

/** A sheet as provinces send them: header row, then one row per procedure; a date cell is a real date. */
async function xlsx(rows: (string | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('TTHC cấp xã');
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csv(rows: string[][]): Buffer {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(rows.map((r) => r.map(cell).join(',')).join('\r\n'));
}

const HEADER = [
  'Mã TTHC',
  'Tên thủ tục',
  'Lĩnh vực',
  'Thời hạn giải quyết',
  'Ngày quyết định công bố',
  'Trạng thái',
];

describe('Procedures (TTHC) (e2e)', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await api.close();
  });

  const token = (unitId: string, role: string) => memberToken(api, admin, unitId, role);

  const importFile = (
    unitId: string,
    name: string,
    bytes: Buffer,
    options: { dryRun?: boolean; as?: string } = {},
  ) =>
    api.upload(`/api/v1/units/${unitId}/procedures/import${options.dryRun ? '?dryRun=true' : ''}`, {
      token: options.as ?? admin,
      file: { name, bytes },
    });

  async function list(unitId: string, query = ''): Promise<{ items: any[]; total: number }> {
    const res = await api.request('GET', `/api/v1/units/${unitId}/procedures?pageSize=200${query}`, {
      token: admin,
    });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function evidenceOf(unitId: string, procedureId: string): Promise<Evidence[]> {
    const res = await api.request('GET', `/api/v1/evidence?unitId=${unitId}&pageSize=200`, { token: admin });
    expect(res.status).toBe(200);
    return (res.body.items as Evidence[]).filter(
      (e) => e.subject.type === 'procedure' && e.subject.id === procedureId,
    );
  }

  function procedure(fields: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      level: 'Cấp xã',
      steps: [{ case: null, items: ['Nộp hồ sơ tại Bộ phận Một cửa', 'Nhận Giấy khai sinh'] }],
      dossier: [
        {
          case: 'Đăng ký đúng hạn',
          items: [{ name: 'Tờ khai đăng ký khai sinh', form: null, originals: 1, copies: 0 }],
        },
        {
          case: 'Trẻ bị bỏ rơi',
          items: [{ name: 'Biên bản xác nhận', form: null, originals: 1, copies: null }],
        },
      ],
      methods: [{ channel: 'Trực tiếp', timeLimit: 'Ngay trong ngày', fees: 'Miễn lệ phí', description: '' }],
      legalBasis: [
        { number: '60/2014/QH13', title: 'Luật Hộ tịch', issuedOn: '2014-11-20', issuer: 'Quốc hội' },
      ],
      onlineLevel: 'full',
      onlineUrl:
        'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193',
      decisionNumber: '1234/QĐ-UBND',
      decisionDate: '2024-03-15',
      decisionIssuer: 'UBND tỉnh Hải Dương',
      ...fields,
    };
  }

  describe('the catalogue', () => {
    it('keeps every component, with several cases, and finds it without accents', async () => {
      const unit = await createUnit(api, admin);
      const editor = await token(unit.id, 'editor');
      const res = await api.request('POST', `/api/v1/units/${unit.id}/procedures`, {
        token: editor,
        body: procedure(),
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        unitId: unit.id,
        code: '1.001193',
        status: 'active',
        publishedAt: null,
        version: 1,
        dossier: [
          {
            case: 'Đăng ký đúng hạn',
            items: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
          },
          { case: 'Trẻ bị bỏ rơi', items: [{ name: 'Biên bản xác nhận', originals: 1, copies: null }] },
        ],
        decisionDate: '2024-03-15',
      });
      await api.request('POST', `/api/v1/units/${unit.id}/procedures`, {
        token: editor,
        body: procedure({
          code: '1.003596',
          name: 'Chứng thực bản sao từ bản chính',
          field: 'Chứng thực',
          onlineLevel: 'none',
          onlineUrl: null,
        }),
      });
      expect((await list(unit.id, '&q=ho%20tich')).items.map((p) => p.code)).toEqual(['1.001193']);
      expect((await list(unit.id, '&q=chung%20thuc')).items.map((p) => p.code)).toEqual(['1.003596']);
      expect((await list(unit.id, '&q=1.003596')).items.map((p) => p.code)).toEqual(['1.003596']);
      expect((await list(unit.id, `&field=${encodeURIComponent('Hộ tịch')}`)).total).toBe(1);
      expect((await list(unit.id, '&onlineLevel=full')).items.map((p) => p.code)).toEqual(['1.001193']);
      // Another unit's catalogue is its own.
      const other = await createUnit(api, admin);
      expect((await list(other.id, '&q=ho%20tich')).total).toBe(0);
    });

    it('refuses bad input with 4xx naming the field, and keeps nothing of it', async () => {
      const unit = await createUnit(api, admin);
      const post = (body: Record<string, unknown>) =>
        api.request('POST', `/api/v1/units/${unit.id}/procedures`, { token: admin, body });
      expectError(await post(procedure({ name: '' })), 400, 'VALIDATION_FAILED', 'name');
      expectError(await post(procedure({ name: 'x'.repeat(501) })), 400, 'VALIDATION_FAILED', 'name');
      expectError(
        await post(procedure({ name: 'Khai sinh <script>alert(1)</script>' })),
        400,
        'VALIDATION_FAILED',
        'name',
      );
      expectError(
        await post(
          procedure({
            dossier: [
              {
                case: null,
                items: [{ name: '<img src=x onerror=alert(1)>', form: null, originals: 1, copies: 0 }],
              },
            ],
          }),
        ),
        400,
        'VALIDATION_FAILED',
        'dossier.0.items.0.name',
      );
      expectError(
        await post(procedure({ onlineUrl: 'javascript:alert(1)' })),
        400,
        'VALIDATION_FAILED',
        'onlineUrl',
      );
      expectError(
        await post(procedure({ decisionDate: '2024-02-30' })),
        400,
        'VALIDATION_FAILED',
        'decisionDate',
      );
      expectError(await post(procedure({ onlineLevel: 'muc-4' })), 400, 'VALIDATION_FAILED', 'onlineLevel');
      expectError(await post(procedure({ code: 'mã có dấu cách' })), 400, 'VALIDATION_FAILED', 'code');
      expectError(await post(procedure({ status: 'replaced' })), 400, 'VALIDATION_FAILED', 'replacedById');
      expect((await list(unit.id)).total).toBe(0);
      expect((await post(procedure())).status).toBe(201);
      expectError(await post(procedure({ name: 'Trùng mã' })), 409, 'CONFLICT', 'code');
      expect((await list(unit.id)).total).toBe(1);
    });

    it('lets editors and admins write, approvers and admins publish, and nobody touch another unit', async () => {
      const unit = await createUnit(api, admin);
      const other = await createUnit(api, admin);
      const path = `/api/v1/units/${unit.id}/procedures`;
      expectError(
        await api.request('POST', path, { token: await token(unit.id, 'approver'), body: procedure() }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await api.request('POST', path, { token: await token(other.id, 'editor'), body: procedure() }),
        403,
        'FORBIDDEN',
      );
      const created = await api.request('POST', path, {
        token: await token(unit.id, 'editor'),
        body: procedure(),
      });
      const id = created.body.id as string;
      expectError(
        await api.request('POST', `/api/v1/procedures/${id}/publish`, {
          token: await token(unit.id, 'editor'),
        }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await api.request('GET', `/api/v1/procedures/${id}`, { token: await token(other.id, 'admin') }),
        404,
        'NOT_FOUND',
      );
      expect(
        (
          await api.request('POST', `/api/v1/procedures/${id}/publish`, {
            token: await token(unit.id, 'approver'),
          })
        ).status,
      ).toBe(200);
    });
  });

  describe('publication, changes, abolition: evidence in the same transaction', () => {
    it('records procedure.published (first), procedure.updated with what changed, procedure.abolished', async () => {
      const unit = await createUnit(api, admin);
      const created = (
        await api.request('POST', `/api/v1/units/${unit.id}/procedures`, { token: admin, body: procedure() })
      ).body;
      // Not yet on the portal: a change leaves no evidence.
      const edited = await api.request('PATCH', `/api/v1/procedures/${created.id}`, {
        token: admin,
        body: { version: 1, timeLimit: 'Ngay trong ngày làm việc' },
      });
      expect(edited.body.version).toBe(2);
      expect(await evidenceOf(unit.id, created.id)).toEqual([]);

      const published = await api.request('POST', `/api/v1/procedures/${created.id}/publish`, {
        token: admin,
      });
      expect(published.status).toBe(200);
      expect(published.body.publishedAt).not.toBeNull();
      expectError(
        await api.request('POST', `/api/v1/procedures/${created.id}/publish`, { token: admin }),
        409,
        'INVALID_STATE',
      );
      const changed = await api.request('PATCH', `/api/v1/procedures/${created.id}`, {
        token: admin,
        body: { version: 3, fees: 'Miễn lệ phí đăng ký khai sinh đúng hạn', status: 'amended' },
      });
      expect(changed.status).toBe(200);
      expectError(
        await api.request('PATCH', `/api/v1/procedures/${created.id}`, {
          token: admin,
          body: { version: 3, fees: 'Cũ' },
        }),
        409,
        'VERSION_CONFLICT',
        'version',
      );
      const abolished = await api.request('POST', `/api/v1/procedures/${created.id}/abolish`, {
        token: admin,
        body: { reason: 'Bãi bỏ theo Quyết định số 999/QĐ-UBND' },
      });
      expect(abolished.body).toMatchObject({
        status: 'abolished',
        publishedAt: null,
        statusReason: 'Bãi bỏ theo Quyết định số 999/QĐ-UBND',
      });
      expectError(
        await api.request('POST', `/api/v1/procedures/${created.id}/publish`, { token: admin }),
        409,
        'INVALID_STATE',
      );

      const rows = await evidenceOf(unit.id, created.id);
      expect(rows.map((r) => r.type).sort()).toEqual([
        'procedure.abolished',
        'procedure.published',
        'procedure.updated',
      ]);
      const byType = Object.fromEntries(rows.map((r) => [r.type, r.snapshot]));
      expect(byType['procedure.published']).toMatchObject({
        first: true,
        code: '1.001193',
        name: 'Thủ tục đăng ký khai sinh',
        url: `/site/${unit.slug}/thu-tuc-hanh-chinh/1.001193`,
      });
      expect(byType['procedure.updated']).toMatchObject({ changed: ['fees', 'status'], status: 'amended' });
      expect(byType['procedure.abolished']).toMatchObject({
        reason: 'Bãi bỏ theo Quyết định số 999/QĐ-UBND',
      });
      const revisions = await api.request('GET', `/api/v1/procedures/${created.id}/revisions`, {
        token: admin,
      });
      expect(revisions.body.map((r: { action: string }) => r.action)).toEqual([
        'abolish',
        'update',
        'publish',
        'update',
        'create',
      ]);
      const verify = await api.request('GET', `/api/v1/evidence/verify?unitId=${unit.id}`, { token: admin });
      expect(verify.body.ok).toBe(true);
    });

    it('replaces one procedure by another: the old leaves the portal, linked to its replacement', async () => {
      const unit = await createUnit(api, admin);
      const post = (body: Record<string, unknown>) =>
        api.request('POST', `/api/v1/units/${unit.id}/procedures`, { token: admin, body });
      const old = (await post(procedure({ code: '1.000001' }))).body;
      const replacement = (
        await post(procedure({ code: '1.000002', name: 'Thủ tục đăng ký khai sinh (mới)' }))
      ).body;
      await api.request('POST', `/api/v1/procedures/${old.id}/publish`, { token: admin });
      expectError(
        await api.request('PATCH', `/api/v1/procedures/${old.id}`, {
          token: admin,
          body: { version: 2, status: 'replaced', replacedById: old.id },
        }),
        400,
        'VALIDATION_FAILED',
        'replacedById',
      );
      const res = await api.request('PATCH', `/api/v1/procedures/${old.id}`, {
        token: admin,
        body: { version: 2, status: 'replaced', replacedById: replacement.id, reason: 'QĐ 2468/QĐ-UBND' },
      });
      expect(res.body).toMatchObject({ status: 'replaced', replacedById: replacement.id, publishedAt: null });
      const rows = await evidenceOf(unit.id, old.id);
      expect(rows.find((r) => r.type === 'procedure.updated')?.snapshot).toMatchObject({
        status: 'replaced',
      });
      // Publishing everything in force publishes the replacement only.
      const all = await api.request('POST', `/api/v1/units/${unit.id}/procedures/publish-all`, {
        token: admin,
      });
      expect(all.body).toEqual({ published: 1 });
      expect((await list(unit.id, '&published=true')).items.map((p) => p.code)).toEqual(['1.000002']);
    });
  });

  describe('form files (mẫu đơn, tờ khai) of the dossier items', () => {
    /** A document uploaded the way the admin form does it (POST /units/:unitId/files). */
    async function attach(unitId: string, name: string, bytes: Buffer): Promise<Record<string, any>> {
      const res = await api.upload(`/api/v1/units/${unitId}/files`, {
        token: admin,
        file: { name, bytes },
      });
      expect(res.status).toBe(201);
      return res.body;
    }

    /** The default procedure with these form files on the first document of its second case. */
    const withForms = (forms: unknown[], fields: Record<string, unknown> = {}) =>
      procedure({
        dossier: [
          {
            case: 'Đăng ký đúng hạn',
            items: [{ name: 'Tờ khai đăng ký khai sinh', form: null, originals: 1, copies: 0 }],
          },
          {
            case: 'Trẻ bị bỏ rơi',
            items: [{ name: 'Biên bản xác nhận', form: 'Mẫu biên bản', originals: 1, copies: null, forms }],
          },
        ],
        ...fields,
      });

    it('keeps each item’s files with their real kind and size, answers [] where there are none, and removes them', async () => {
      const unit = await createUnit(api, admin);
      const pdf = pdfDocument('To khai khai sinh');
      const docx = await docxDocument('Biên bản xác nhận');
      const pdfFile = await attach(unit.id, 'Tờ khai khai sinh.pdf', pdf);
      const docxFile = await attach(unit.id, 'Biên bản xác nhận.docx', docx);
      const created = await api.request('POST', `/api/v1/units/${unit.id}/procedures`, {
        token: admin,
        body: withForms([
          // A client's kind and size are not believed: the stored file's are kept.
          { url: pdfFile.url, name: 'Tờ khai (mẫu TK-01).pdf', kind: 'xlsx', bytes: 1 },
          { url: docxFile.url, name: docxFile.name },
        ]),
      });
      expect(created.status).toBe(201);
      expect(created.body.dossier[0].items[0].forms).toEqual([]);
      expect(created.body.dossier[1].items[0].forms).toEqual([
        { url: pdfFile.url, name: 'Tờ khai (mẫu TK-01).pdf', kind: 'pdf', bytes: pdf.length },
        { url: docxFile.url, name: 'Biên bản xác nhận.docx', kind: 'docx', bytes: docx.length },
      ]);
      const read = await api.request('GET', `/api/v1/procedures/${created.body.id}`, { token: admin });
      expect(read.body.dossier).toEqual(created.body.dossier);

      const removed = await api.request('PATCH', `/api/v1/procedures/${created.body.id}`, {
        token: admin,
        body: {
          version: created.body.version,
          dossier: withForms([{ url: docxFile.url, name: docxFile.name }]).dossier,
        },
      });
      expect(removed.status).toBe(200);
      expect(removed.body.dossier[1].items[0].forms.map((f: { name: string }) => f.name)).toEqual([
        'Biên bản xác nhận.docx',
      ]);
      const revisions = await api.request('GET', `/api/v1/procedures/${created.body.id}/revisions`, {
        token: admin,
      });
      expect(revisions.body[0]).toMatchObject({ version: 2, changed: ['dossier'] });
    });

    it('refuses a file that is not an upload of this api, is not stored, or has an unsafe name: a 400 naming it, nothing written', async () => {
      const unit = await createUnit(api, admin);
      const pdfFile = await attach(unit.id, 'Tờ khai.pdf', pdfDocument('To khai'));
      const post = (forms: unknown[]) =>
        api.request('POST', `/api/v1/units/${unit.id}/procedures`, { token: admin, body: withForms(forms) });
      const at = 'dossier.1.items.0.forms';

      for (const url of [
        'https://ke-xau.example/to-khai.pdf',
        '/media/images/' + 'a'.repeat(64) + '.png',
        '/media/files/../../etc/passwd',
      ]) {
        const res = await post([{ url, name: 'Tờ khai.pdf' }]);
        expectError(res, 400, 'VALIDATION_FAILED', `${at}.0.url`);
        expect(res.body.details[0].message).toContain('Địa chỉ tệp mẫu đơn');
      }
      // The shape of an upload, but nothing stored under it.
      const missing = await post([
        { url: pdfFile.url, name: 'Tờ khai.pdf' },
        { url: `/media/files/${'0'.repeat(64)}.pdf`, name: 'Tờ khai.pdf' },
      ]);
      expectError(missing, 400, 'VALIDATION_FAILED', `${at}.1.url`);
      expect(missing.body.details).toHaveLength(1);
      expect(missing.body.details[0].message).toContain('Không tìm thấy tệp mẫu đơn');

      for (const name of [
        'Tờ khai.exe',
        'Tờ khai.docx',
        '../Tờ khai.pdf',
        'Tờ "khai".pdf',
        '',
        `${'a'.repeat(150)}.pdf`,
      ]) {
        const res = await post([{ url: pdfFile.url, name }]);
        expectError(res, 400, 'VALIDATION_FAILED', `${at}.0.name`);
        expect(res.body.details[0].message).toMatch(/Tên tệp mẫu đơn/);
      }
      // Not a string: the DTO's refusal names the field in Vietnamese too.
      const wrongType = await post([{ url: 42, name: 'Tờ khai.pdf' }]);
      expectError(wrongType, 400, 'VALIDATION_FAILED', `${at}.0.url`);
      expect(wrongType.body.details[0].message).toContain('Địa chỉ tệp mẫu đơn');
      expectError(
        await post(Array.from({ length: 11 }, () => ({ url: pdfFile.url, name: 'Tờ khai.pdf' }))),
        400,
        'VALIDATION_FAILED',
        'dossier.1.items.0.forms',
      );
      expect((await list(unit.id)).total).toBe(0);
      expect((await post([{ url: pdfFile.url, name: 'Tờ khai.pdf' }])).status).toBe(201);
    });

    it('an import of the catalogue keeps the files of the documents it still names', async () => {
      const unit = await createUnit(api, admin);
      await importFile(unit.id, 'thu-tuc-xa.csv', CSV);
      const birth = (await list(unit.id, '&q=1.001193')).items[0];
      const pdfFile = await attach(unit.id, 'Tờ khai đăng ký khai sinh.pdf', pdfDocument('To khai'));
      // Trường hợp 2, Tờ khai đăng ký khai sinh: the file is attached in the form.
      const dossier = structuredClone(birth.dossier);
      dossier[1].items[0].forms = [{ url: pdfFile.url, name: pdfFile.name }];
      const attached = await api.request('PATCH', `/api/v1/procedures/${birth.id}`, {
        token: admin,
        body: { version: birth.version, dossier },
      });
      expect(attached.status).toBe(200);
      const forms = attached.body.dossier[1].items[0].forms;
      expect(forms).toHaveLength(1);

      // The same file again (which names no files): nothing changes, the file stays.
      expect((await importFile(unit.id, 'thu-tuc-xa.csv', CSV)).body).toMatchObject({
        unchanged: 3,
        updated: 0,
      });
      // Exported and imported back: the same.
      const exported = await fetch(`${api.baseUrl}/api/v1/units/${unit.id}/procedures/export.csv`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      const csvText = await exported.text();
      expect((await importFile(unit.id, 'xuat.csv', Buffer.from(csvText))).body).toMatchObject({
        unchanged: 3,
        updated: 0,
      });
      // A row that changes the procedure keeps the file of the document it still names, only there.
      const changed = CSV.toString('utf8').replace(
        'Thủ tục đăng ký khai sinh',
        'Thủ tục đăng ký khai sinh (sửa đổi)',
      );
      expect((await importFile(unit.id, 'thu-tuc-xa.csv', Buffer.from(changed))).body).toMatchObject({
        updated: 1,
      });
      const after = await api.request('GET', `/api/v1/procedures/${birth.id}`, { token: admin });
      expect(after.body.name).toBe('Thủ tục đăng ký khai sinh (sửa đổi)');
      expect(after.body.dossier[1].items[0].forms).toEqual(forms);
      expect(after.body.dossier[0].items[0].forms).toEqual([]);
    });
  });

  describe('imports', () => {
    it('imports the CSV template: a dry run writes nothing, then the same counts are written; twice changes nothing', async () => {
      const unit = await createUnit(api, admin);
      const dry = await importFile(unit.id, 'thu-tuc-xa.csv', CSV, { dryRun: true });
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({
        dryRun: true,
        format: 'csv',
        created: 3,
        updated: 0,
        unchanged: 0,
        errors: [],
      });
      expect(dry.body.rows.map((r: { row: number; action: string }) => [r.row, r.action])).toEqual([
        [2, 'create'],
        [3, 'create'],
        [4, 'create'],
      ]);
      expect((await list(unit.id)).total).toBe(0);

      const real = await importFile(unit.id, 'thu-tuc-xa.csv', CSV);
      expect(real.body).toMatchObject({ dryRun: false, created: 3, updated: 0, unchanged: 0, errors: [] });
      const { items } = await list(unit.id);
      const birth = items.find((p) => p.code === '1.001193');
      expect(birth).toMatchObject({
        name: 'Thủ tục đăng ký khai sinh',
        field: 'Hộ tịch',
        onlineLevel: 'full',
        decisionNumber: '1234/QĐ-UBND',
        decisionDate: '2024-03-15',
        status: 'active',
        steps: [
          {
            case: null,
            items: expect.arrayContaining(['Bước 1: Người có yêu cầu nộp hồ sơ tại Bộ phận Một cửa']),
          },
        ],
        methods: [
          { channel: 'Trực tiếp', description: 'tại Bộ phận tiếp nhận và trả kết quả' },
          { channel: 'Trực tuyến', description: 'qua Cổng Dịch vụ công quốc gia' },
        ],
        dossier: [
          {
            case: 'Trường hợp 1: Đăng ký khai sinh đúng hạn',
            items: [
              { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: null },
              { name: 'Giấy chứng sinh', originals: 1, copies: null },
            ],
          },
          { case: 'Trường hợp 2: Đăng ký khai sinh cho trẻ bị bỏ rơi', items: expect.any(Array) },
        ],
        legalBasis: [
          { number: '60/2014/QH13', issuedOn: '2014-11-20' },
          { number: '123/2015/NĐ-CP', issuedOn: '2015-11-15' },
        ],
      });
      expect(items.find((p) => p.code === '1.003596')).toMatchObject({
        status: 'amended',
        onlineLevel: 'none',
      });

      const again = await importFile(unit.id, 'thu-tuc-xa.csv', CSV);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3, errors: [] });
      const after = await list(unit.id);
      expect(after.items.map((p) => p.version)).toEqual(items.map((p) => p.version));

      // One cell changed: that procedure is updated, and only that field is named.
      const changed = Buffer.from(
        CSV.toString('utf8').replace('Trong ngày làm việc', 'Trong 01 ngày làm việc'),
      );
      const update = await importFile(unit.id, 'thu-tuc-xa.csv', changed, { dryRun: true });
      expect(update.body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
      expect(update.body.rows.find((r: { code: string }) => r.code === '1.003596').changed).toEqual([
        'timeLimit',
      ]);
    });

    it('imports the national database’s JSON shape, with its cases, channels, fees and legal basis', async () => {
      const unit = await createUnit(api, admin);
      const res = await importFile(unit.id, 'tthc-quoc-gia.json', NATIONAL);
      expect(res.body).toMatchObject({ format: 'json', created: 2, errors: [] });
      const copy = (await list(unit.id, '&q=2.000635')).items[0];
      expect(copy).toMatchObject({
        name: 'Thủ tục cấp bản sao trích lục hộ tịch',
        field: 'Hộ tịch',
        level: 'Cấp xã',
        agency: 'Ủy ban nhân dân cấp xã',
        onlineLevel: 'full',
        receivingAddress: 'Bộ phận Một cửa UBND xã',
        methods: [
          { channel: 'Trực tiếp', timeLimit: '1 Ngày làm việc', fees: 'Lệ phí: 8.000 Đồng/bản' },
          { channel: 'Trực tuyến', fees: 'Lệ phí (giảm 50% khi nộp trực tuyến): 4.000 Đồng/bản' },
        ],
        dossier: [
          {
            case: 'Trường hợp người yêu cầu trực tiếp nộp',
            items: [
              { name: 'Tờ khai cấp bản sao trích lục hộ tịch', form: 'Mẫu TK-BSTL', originals: 1, copies: 0 },
            ],
          },
          {
            case: 'Trường hợp ủy quyền',
            items: [expect.any(Object), { name: 'Văn bản ủy quyền có chứng thực', form: null }],
          },
        ],
        legalBasis: [
          { number: '60/2014/QH13', title: 'Luật Hộ tịch', issuedOn: '2014-11-20', issuer: 'Quốc hội' },
          { number: '281/2016/TT-BTC', issuedOn: '2016-11-14' },
        ],
        decisionNumber: '2468/QĐ-UBND',
        decisionDate: '2024-06-01',
        result: 'Bản sao trích lục hộ tịch',
      });
      expect((await importFile(unit.id, 'tthc-quoc-gia.json', NATIONAL)).body).toMatchObject({
        created: 0,
        unchanged: 2,
      });
    });

    it('imports XLSX, with dates typed as text or stored as Excel dates', async () => {
      const unit = await createUnit(api, admin);
      const file = await xlsx([
        HEADER,
        ['1.001193', 'Thủ tục đăng ký khai sinh', 'Hộ tịch', 'Ngay trong ngày', '15/03/2024', 'Còn hiệu lực'],
        [
          '1.004227',
          'Thủ tục đăng ký kết hôn',
          'Hộ tịch',
          'Ngay trong ngày',
          new Date(Date.UTC(2024, 2, 15)),
          '',
        ],
      ]);
      const res = await importFile(unit.id, 'danh-muc.xlsx', file);
      expect(res.body).toMatchObject({ format: 'xlsx', created: 2, errors: [] });
      const rows = (await list(unit.id)).items.map((p) => [p.code, p.decisionDate, p.status]);
      expect(rows.sort()).toEqual([
        ['1.001193', '2024-03-15', 'active'],
        ['1.004227', '2024-03-15', 'active'],
      ]);
    });

    it('reports each bad row with its row and field, and still imports the good ones', async () => {
      const unit = await createUnit(api, admin);
      const file = csv([
        HEADER,
        ['1.000001', 'Thủ tục tốt', 'Hộ tịch', '', '', ''],
        ['1.000002', '', 'Hộ tịch', '', '', ''],
        ['1.000003', 'Ngày không có thật', 'Hộ tịch', '', '31/02/2024', ''],
        ['1.000004', 'Có mã HTML', 'Hộ tịch', '<script>alert(1)</script>', '', ''],
        ['1.000005', 'Trùng mã, lần một', 'Hộ tịch', '', '', ''],
        ['1.000005', 'Trùng mã, lần hai', 'Hộ tịch', '', '', ''],
        ['1.000006', 'Trạng thái lạ', 'Hộ tịch', '', '', 'Tạm dừng'],
        ['1.000007', 'Ngày sai dạng', 'Hộ tịch', '', 'tháng 5 năm 2024', ''],
        ['1.000008', 'Thủ tục tốt nữa', 'Chứng thực', '', '01/02/2023', 'Bãi bỏ'],
      ]);
      const res = await importFile(unit.id, 'co-loi.csv', file);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
      const errors = res.body.errors.map((e: { row: number; field: string }) => [e.row, e.field]);
      expect(errors).toEqual([
        [3, 'name'],
        [4, 'decisionDate'],
        [5, 'timeLimit'],
        [6, 'code'],
        [8, 'status'],
        [9, 'decisionDate'],
      ]);
      for (const error of res.body.errors) {
        expect(error.message).toMatch(
          /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i,
        );
      }
      // A repeated code is one error (on its first row, with its count), and every row of it is refused.
      expect(res.body.errors.find((e: { row: number }) => e.row === 6).message).toContain(
        '"1.000005" lặp lại 2 lần trong tệp (dòng 6, 7)',
      );
      expect(res.body.rows.filter((r: { row: number }) => r.row === 6 || r.row === 7)).toMatchObject([
        { action: 'error' },
        { action: 'error' },
      ]);
      expect(res.body).toMatchObject({ failed: 7, errorsOmitted: 0 });
      expect((await list(unit.id)).items.map((p) => p.code).sort()).toEqual(['1.000001', '1.000008']);
    });

    it('links a replaced procedure to its replacement, from the catalogue or from the same file', async () => {
      const unit = await createUnit(api, admin);
      const header = ['Mã TTHC', 'Tên thủ tục', 'Lĩnh vực', 'Trạng thái', 'Mã TTHC thay thế'];
      const res = await importFile(
        unit.id,
        'thay-the.csv',
        csv([
          header,
          ['1.000010', 'Thủ tục cũ', 'Hộ tịch', 'Thay thế', '1.000011'],
          ['1.000011', 'Thủ tục mới', 'Hộ tịch', 'Còn hiệu lực', ''],
          ['1.000012', 'Thay bằng mã không có', 'Hộ tịch', 'Thay thế', '9.999999'],
          ['1.000013', 'Thay thế mà không nói bằng gì', 'Hộ tịch', 'Thay thế', ''],
        ]),
      );
      expect(res.body).toMatchObject({ created: 2 });
      expect(res.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
        [4, 'replacedByCode'],
        [5, 'replacedByCode'],
      ]);
      const { items } = await list(unit.id);
      const byCode = Object.fromEntries(items.map((p) => [p.code, p]));
      expect(byCode['1.000010']).toMatchObject({ status: 'replaced', replacedById: byCode['1.000011'].id });
      // The same file again changes nothing.
      const again = await importFile(
        unit.id,
        'thay-the.csv',
        csv([
          header,
          ['1.000010', 'Thủ tục cũ', 'Hộ tịch', 'Thay thế', '1.000011'],
          ['1.000011', 'Thủ tục mới', 'Hộ tịch', '', ''],
        ]),
      );
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    });

    it('refuses files that are not what they say, empty, too large or without the required columns', async () => {
      const unit = await createUnit(api, admin);
      const expectFile = (res: TestResponse, status: number, code: string) =>
        expectError(res, status, code, 'file');
      expectFile(
        await importFile(unit.id, 'danh-muc.xlsx', Buffer.from('Mã TTHC,Tên thủ tục\n1,2')),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectFile(
        await importFile(unit.id, 'danh-muc.csv', await xlsx([HEADER])),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectFile(
        await importFile(unit.id, 'danh-muc.json', Buffer.from([0xff, 0xfe, 0x00, 0x01])),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectFile(await importFile(unit.id, 'danh-muc.txt', CSV), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectFile(await importFile(unit.id, 'rong.csv', Buffer.alloc(0)), 400, 'VALIDATION_FAILED');
      expectFile(await importFile(unit.id, 'chi-tieu-de.csv', csv([HEADER])), 400, 'VALIDATION_FAILED');
      const missing = await importFile(
        unit.id,
        'thieu-cot.csv',
        csv([
          ['Mã TTHC', 'Ghi chú'],
          ['1.000001', 'x'],
        ]),
      );
      expectFile(missing, 400, 'VALIDATION_FAILED');
      expect(missing.body.message).toContain('"Tên thủ tục"');
      expect(missing.body.message).toContain('"Lĩnh vực"');
      expectFile(
        await importFile(unit.id, 'hong.json', Buffer.from('[{"MATTHC": "1.0",')),
        400,
        'VALIDATION_FAILED',
      );
      expectFile(
        await importFile(unit.id, 'sai.json', Buffer.from('{"ketqua": 1}')),
        400,
        'VALIDATION_FAILED',
      );
      const big = Buffer.concat([CSV, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
      expectFile(await importFile(unit.id, 'lon.csv', big), 413, 'PAYLOAD_TOO_LARGE');
      expect((await list(unit.id)).total).toBe(0);
      expectError(
        await importFile(unit.id, 'thu-tuc-xa.csv', CSV, { as: await token(unit.id, 'reporter') }),
        403,
        'FORBIDDEN',
      );
    });

    it('imports of the same file at once take turns: each procedure is created once, no 5xx', async () => {
      const unit = await createUnit(api, admin);
      // Large enough that the writes of one overlap the planning of another.
      const rows = Array.from({ length: 1500 }, (_, i) => [
        `2.${100000 + i}`,
        `Thủ tục số ${i + 1}`,
        'Hộ tịch',
        '',
        '',
        '',
      ]);
      const file = csv([HEADER, ...rows]);
      const answers = await Promise.all([1, 2, 3].map(() => importFile(unit.id, 'lon.csv', file)));
      // They take turns: one creates, the others find everything unchanged.
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(answers.map((r) => r.body.created as number).sort()).toEqual([0, 0, 1500]);
      expect((await list(unit.id)).total).toBe(1500);
    });

    it('an import that changes a published procedure records procedure.updated', async () => {
      const unit = await createUnit(api, admin);
      await importFile(unit.id, 'thu-tuc-xa.csv', CSV);
      expect(
        (await api.request('POST', `/api/v1/units/${unit.id}/procedures/publish-all`, { token: admin })).body,
      ).toEqual({
        published: 3,
      });
      const changed = Buffer.from(
        CSV.toString('utf8').replace('Trong ngày làm việc', 'Trong 01 ngày làm việc'),
      );
      expect((await importFile(unit.id, 'thu-tuc-xa.csv', changed)).body).toMatchObject({
        updated: 1,
        unchanged: 2,
      });
      const target = (await list(unit.id, '&q=1.003596')).items[0];
      const types = (await evidenceOf(unit.id, target.id)).map((e) => e.type).sort();
      expect(types).toEqual(['procedure.published', 'procedure.updated']);
    });
  });
});
