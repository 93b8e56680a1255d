import { randomUUID } from 'node:crypto';
import { startApi, TestApi } from '../support/api';
import { expectError } from '../support/expectations';
import { createUnit, memberToken } from '../support/factories';
import { NORMALIZE_TEXT_MAX } from '../../libs/speech/src/speech.dto';

describe('Speech: normalize and the unit lexicon (e2e)', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await api.close();
  });

  const normalize = (token: string | undefined, body: unknown) =>
    api.request('POST', '/api/v1/speech/normalize', { token, body });
  const getLexicon = (token: string, unitId: string) =>
    api.request('GET', `/api/v1/units/${unitId}/lexicon`, { token });
  const putLexicon = (token: string, unitId: string, body: unknown) =>
    api.request('PUT', `/api/v1/units/${unitId}/lexicon`, { token, body });

  describe('POST /speech/normalize', () => {
    it('answers the words the engine will say', async () => {
      const unit = await createUnit(api, admin);
      const operator = await memberToken(api, admin, unit.id, 'operator');
      const res = await normalize(operator, {
        text: 'Thực hiện Kế hoạch số 25/KH-UBND, ngày 25/12/2020 của UBND phường về CCHC; thứ 4 lúc 6h30.',
      });
      expect({ status: res.status, body: res.body }).toEqual({
        status: 200,
        body: {
          text:
            'Thực hiện Kế hoạch số hai mươi lăm, ngày hai mươi lăm tháng mười hai năm hai nghìn không trăm hai ' +
            'mươi của Ủy ban nhân dân phường về cải cách hành chính; thứ tư lúc sáu giờ ba mươi phút.',
        },
      });
    });

    it('needs a token', async () => {
      expectError(await normalize(undefined, { text: 'UBND' }), 401, 'UNAUTHENTICATED');
    });

    it('refuses empty, blank, over-long, non-text and unknown fields with 400 naming them', async () => {
      expectError(await normalize(admin, {}), 400, 'VALIDATION_FAILED', 'text');
      expectError(await normalize(admin, { text: '' }), 400, 'VALIDATION_FAILED', 'text');
      expectError(await normalize(admin, { text: '   \n ' }), 400, 'VALIDATION_FAILED', 'text');
      expectError(await normalize(admin, { text: 42 }), 400, 'VALIDATION_FAILED', 'text');
      expectError(
        await normalize(admin, { text: 'a'.repeat(NORMALIZE_TEXT_MAX + 1) }),
        400,
        'VALIDATION_FAILED',
        'text',
      );
      expectError(
        await normalize(admin, { text: 'UBND', unitId: 'xa-1' }),
        400,
        'VALIDATION_FAILED',
        'unitId',
      );
      expectError(await normalize(admin, { text: 'UBND', voice: 'x' }), 400, 'VALIDATION_FAILED', 'voice');
      const longest = await normalize(admin, { text: 'a '.repeat(NORMALIZE_TEXT_MAX / 2) });
      expect(longest.status).toBe(200);
    });

    it('applies a unit lexicon for its members only', async () => {
      const unit = await createUnit(api, admin);
      const other = await createUnit(api, admin);
      const editor = await memberToken(api, admin, unit.id, 'editor');
      const reporter = await memberToken(api, admin, unit.id, 'reporter');
      const outsider = await memberToken(api, admin, other.id, 'editor');
      expect((await putLexicon(editor, unit.id, [{ term: 'KCN', spoken: 'khu công nghiệp' }])).status).toBe(
        200,
      );
      const text = 'KCN Đại An và UBND xã';
      const withLexicon = await normalize(reporter, { text, unitId: unit.id });
      expect(withLexicon.body).toEqual({ text: 'khu công nghiệp Đại An và Ủy ban nhân dân xã' });
      // Without unitId only the built-in rules apply: the same term is spelt out.
      expect((await normalize(reporter, { text })).body).toEqual({
        text: 'ca xê en nờ Đại An và Ủy ban nhân dân xã',
      });
      expectError(await normalize(outsider, { text, unitId: unit.id }), 403, 'FORBIDDEN');
      expectError(await normalize(admin, { text, unitId: randomUUID() }), 404, 'NOT_FOUND');
    });
  });

  describe('GET|PUT /units/:unitId/lexicon', () => {
    it('starts empty, replaces the whole list in order, and keeps it NFC and trimmed', async () => {
      const unit = await createUnit(api, admin);
      const editor = await memberToken(api, admin, unit.id, 'editor');
      expect((await getLexicon(editor, unit.id)).body).toEqual([]);

      const first = [
        { term: 'Đài TT', spoken: 'Đài truyền thanh' },
        { term: '  KDC số 3 ', spoken: 'khu dân cư số ba' },
        { term: 'Nghĩa Hưng'.normalize('NFD'), spoken: 'Nghĩa Hưng' },
      ];
      const saved = await putLexicon(editor, unit.id, first);
      expect({ status: saved.status, body: saved.body }).toEqual({
        status: 200,
        body: [
          { term: 'Đài TT', spoken: 'Đài truyền thanh' },
          { term: 'KDC số 3', spoken: 'khu dân cư số ba' },
          { term: 'Nghĩa Hưng', spoken: 'Nghĩa Hưng' },
        ],
      });
      expect(saved.body[2].term).toBe('Nghĩa Hưng'.normalize('NFC'));

      const second = [{ term: 'QL1A', spoken: 'quốc lộ 1A' }];
      expect((await putLexicon(editor, unit.id, second)).body).toEqual(second);
      expect((await getLexicon(editor, unit.id)).body).toEqual(second);
      expect((await normalize(editor, { text: 'Đài TT trên QL1A', unitId: unit.id })).body).toEqual({
        text: 'Đài tê tê trên quốc lộ một A',
      });

      expect((await putLexicon(editor, unit.id, [])).body).toEqual([]);
      expect((await getLexicon(editor, unit.id)).body).toEqual([]);
    });

    it('lets every member read, and only admins, editors and operators of the unit write', async () => {
      const unit = await createUnit(api, admin);
      const other = await createUnit(api, admin);
      const entries = [{ term: 'HTX', spoken: 'hợp tác xã' }];
      for (const role of ['admin', 'editor', 'operator']) {
        const token = await memberToken(api, admin, unit.id, role);
        expect((await putLexicon(token, unit.id, entries)).status).toBe(200);
      }
      for (const role of ['approver', 'reporter']) {
        const token = await memberToken(api, admin, unit.id, role);
        expect((await getLexicon(token, unit.id)).body).toEqual(entries);
        expectError(await putLexicon(token, unit.id, []), 403, 'FORBIDDEN');
      }
      const outsider = await memberToken(api, admin, other.id, 'admin');
      expectError(await getLexicon(outsider, unit.id), 403, 'FORBIDDEN');
      expectError(await putLexicon(outsider, unit.id, []), 403, 'FORBIDDEN');
      expectError(await getLexicon(admin, randomUUID()), 404, 'NOT_FOUND');
      expectError(await getLexicon(admin, 'not-a-uuid'), 400, 'VALIDATION_FAILED', 'unitId');
      expectError(await api.request('GET', `/api/v1/units/${unit.id}/lexicon`, {}), 401, 'UNAUTHENTICATED');
      // Nothing the refused callers sent was written.
      expect((await getLexicon(admin, unit.id)).body).toEqual(entries);
    });

    it('refuses bad entries naming each by its place, and writes nothing', async () => {
      const unit = await createUnit(api, admin);
      const editor = await memberToken(api, admin, unit.id, 'editor');
      const kept = [{ term: 'HTX', spoken: 'hợp tác xã' }];
      await putLexicon(editor, unit.id, kept);

      const bad = await putLexicon(editor, unit.id, [
        { term: 'UBND', spoken: 'ủy ban' },
        { term: '', spoken: 'trống' },
        { term: 'KDC', spoken: 'x'.repeat(501) },
        { term: 'a'.repeat(101), spoken: 'dài' },
        { term: 'TDP', spoken: 'tổ dân phố', note: 'thừa' },
        { term: '---', spoken: 'gạch' },
        { term: 'VP', spoken: 42 },
        'HTX',
      ]);
      expectError(bad, 400, 'VALIDATION_FAILED');
      const fields = (bad.body.details as { field: string; message: string }[]).map((d) => d.field);
      expect([...new Set(fields)].sort()).toEqual(
        ['[1].term', '[2].spoken', '[3].term', '[4].note', '[5].term', '[6].spoken', '[7]'].sort(),
      );
      const messages = (bad.body.details as { field: string; message: string }[]).map((d) => d.message);
      expect(messages).toContain('Từ cần đọc ([1].term) không được để trống');
      expect(messages).toContain('Cách đọc ([2].spoken) không được dài quá 500 ký tự');
      expect(messages).toContain('Cách đọc ([6].spoken) phải là chuỗi ký tự');
      expect(messages).toContain('Từ cần đọc ([5].term) phải có chữ hoặc số và nằm trên một dòng');
      // One message per field.
      expect(fields).toHaveLength(new Set(fields).size);

      const duplicate = await putLexicon(editor, unit.id, [
        { term: 'Zalo', spoken: 'da lô' },
        { term: 'UBND', spoken: 'ủy ban' },
        { term: 'ZALO', spoken: 'da lo' },
      ]);
      expectError(duplicate, 400, 'VALIDATION_FAILED', '[2].term');
      expect(duplicate.body.details).toHaveLength(1);

      expectError(
        await putLexicon(editor, unit.id, { term: 'HTX', spoken: 'x' }),
        400,
        'VALIDATION_FAILED',
        'body',
      );
      const tooMany = Array.from({ length: 1001 }, (_, i) => ({ term: `T${i}`, spoken: 'từ' }));
      expectError(await putLexicon(editor, unit.id, tooMany), 400, 'VALIDATION_FAILED', 'body');

      expect((await getLexicon(editor, unit.id)).body).toEqual(kept);
    });

    it('keeps the lexicon of each unit apart, and takes a full list of 1,000', async () => {
      const a = await createUnit(api, admin);
      const b = await createUnit(api, admin);
      const full = Array.from({ length: 1000 }, (_, i) => ({ term: `Thôn ${i}`, spoken: `thôn số ${i}` }));
      expect((await putLexicon(admin, a.id, full)).body).toHaveLength(1000);
      expect((await putLexicon(admin, b.id, [{ term: 'Thôn 1', spoken: 'xóm một' }])).status).toBe(200);
      expect((await normalize(admin, { text: 'Thôn 1', unitId: a.id })).body).toEqual({
        text: 'thôn số một',
      });
      expect((await normalize(admin, { text: 'Thôn 1', unitId: b.id })).body).toEqual({ text: 'xóm một' });
    });
  });
});
