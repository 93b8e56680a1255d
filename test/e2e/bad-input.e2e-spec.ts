import { randomBytes, randomUUID } from 'node:crypto';
import { startApi, TestApi, TestResponse } from '../support/api';
import { VIETNAMESE, expectError } from '../support/expectations';
import { createUnit } from '../support/factories';

/** Any 4xx in the error shape of design.md §6 (for inputs whose exact code the contract leaves open). */
function expectClientError(res: TestResponse): void {
  expect({ status: res.status, body: res.body }).toMatchObject({
    status: expect.any(Number),
    body: { statusCode: res.status, code: expect.any(String), message: expect.stringMatching(VIETNAMESE) },
  });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
}

const suffix = (): string => randomBytes(4).toString('hex');

describe('bad input (e2e)', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await api.close();
  });

  const validUnit = (): Record<string, unknown> => {
    const s = suffix();
    return { code: `B${s}`, name: `UBND xã Lỗi ${s}`, kind: 'commune', slug: `b-${s}` };
  };

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await api.request('POST', '/api/v1/units', { token: admin, raw: '{"code": "X1", "name": ' });
    expectError(res, 400, 'MALFORMED_JSON');
    const login = await api.request('POST', '/api/v1/auth/login', { raw: "{username: 'admin'}" });
    expectError(login, 400, 'MALFORMED_JSON');
  });

  it('answers an empty JSON body with a 400, not a 5xx', async () => {
    const res = await api.request('POST', '/api/v1/auth/login', { raw: '' });
    expect(res.status).toBe(400);
    expectClientError(res);
  });

  it('refuses a prototype-poisoning body (__proto__) with 400', async () => {
    const res = await api.request('POST', '/api/v1/units', {
      token: admin,
      raw: `{"code":"PP${suffix()}","name":"x","kind":"commune","slug":"pp-${suffix()}","__proto__":{"isAdmin":true}}`,
    });
    expect(res.status).toBe(400);
    expectClientError(res);
  });

  it('refuses an unknown field in the body with 400 VALIDATION_FAILED naming that field', async () => {
    const res = await api.request('POST', '/api/v1/units', {
      token: admin,
      body: { ...validUnit(), mauSac: 'đỏ' },
    });
    expectError(res, 400, 'VALIDATION_FAILED', 'mauSac');

    const login = await api.request('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'x', remember: true },
    });
    expectError(login, 400, 'VALIDATION_FAILED', 'remember');

    const nested = await api.request('POST', '/api/v1/units', {
      token: admin,
      body: { ...validUnit(), settings: { broadcastPolicy: { allowedWeekdays: [1], unknownKnob: 1 } } },
    });
    expectError(nested, 400, 'VALIDATION_FAILED', 'settings.broadcastPolicy.unknownKnob');
  });

  it('refuses a wrong type (name: 123) with 400 naming name', async () => {
    const res = await api.request('POST', '/api/v1/units', {
      token: admin,
      body: { ...validUnit(), name: 123 },
    });
    expectError(res, 400, 'VALIDATION_FAILED', 'name');
    const detail = (res.body.details as { field: string; message: string }[]).find((d) => d.field === 'name');
    expect(detail?.message).toMatch(VIETNAMESE);

    const unit = await createUnit(api, admin);
    const patch = await api.request('PATCH', `/api/v1/units/${unit.id}`, {
      token: admin,
      body: { name: 123 },
    });
    expectError(patch, 400, 'VALIDATION_FAILED', 'name');
  });

  it('names every missing required field', async () => {
    const res = await api.request('POST', '/api/v1/units', { token: admin, body: {} });
    expectError(res, 400, 'VALIDATION_FAILED');
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'name', 'kind', 'slug']));
  });

  it('refuses settings that are not an object, naming settings', async () => {
    const res = await api.request('POST', '/api/v1/units', {
      token: admin,
      body: { ...validUnit(), settings: 'không phải đối tượng' },
    });
    expectError(res, 400, 'VALIDATION_FAILED', 'settings');
  });

  it('refuses memberships that are not a list, naming memberships', async () => {
    const res = await api.request('POST', '/api/v1/users', {
      token: admin,
      body: {
        username: `nd.${suffix()}`,
        password: 'mat-khau-dai-du',
        fullName: 'Lê Văn C',
        memberships: { unitId: randomUUID(), role: 'editor' },
      },
    });
    expectError(res, 400, 'VALIDATION_FAILED', 'memberships');
  });

  it.each([
    ['a JSON array', '[]'],
    ['a JSON string', '"xin chào"'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
  ])('answers %s as the body with a 4xx, never a 5xx', async (_label, raw) => {
    expectClientError(await api.request('POST', '/api/v1/units', { token: admin, raw }));
    expectClientError(await api.request('POST', '/api/v1/auth/login', { raw }));
  });

  it('refuses a blank (whitespace-only) name or fullName with 400 naming the field', async () => {
    const unit = await api.request('POST', '/api/v1/units', {
      token: admin,
      body: { ...validUnit(), name: '   ' },
    });
    expectError(unit, 400, 'VALIDATION_FAILED', 'name');
    const user = await api.request('POST', '/api/v1/users', {
      token: admin,
      body: { username: `nd.${suffix()}`, password: 'mat-khau-dai-du', fullName: '  \t ', memberships: [] },
    });
    expectError(user, 400, 'VALIDATION_FAILED', 'fullName');
  });

  it('refuses a NUL character in a text field with a 4xx naming the field, never a 5xx', async () => {
    const unit = await api.request('POST', '/api/v1/units', {
      token: admin,
      body: { ...validUnit(), name: 'UBND xã\u0000Thử' },
    });
    expectError(unit, 400, 'VALIDATION_FAILED', 'name');

    const existing = await createUnit(api, admin);
    const settings = await api.request('PATCH', `/api/v1/units/${existing.id}`, {
      token: admin,
      body: { settings: { signerName: 'Nguyễn\u0000Văn A' } },
    });
    expectError(settings, 400, 'VALIDATION_FAILED', 'settings.signerName');

    const login = await api.request('POST', '/api/v1/auth/login', {
      body: { username: 'ad\u0000min', password: 'mat-khau' },
    });
    expectClientError(login);
  });

  describe('a lone surrogate or NUL in any string field of any JSON body (checked once, where JSON is parsed)', () => {
    const LONE = '\ud800';

    it('refuses it in units, users, articles and procedures, naming the field path, nested arrays too', async () => {
      const unit = await createUnit(api, admin);
      const cases: [string, string, Record<string, unknown>, string][] = [
        ['POST', '/api/v1/units', { ...validUnit(), name: `UBND ${LONE}` }, 'name'],
        [
          'PATCH',
          `/api/v1/units/${unit.id}`,
          { settings: { signerName: `A${LONE}` } },
          'settings.signerName',
        ],
        [
          'POST',
          '/api/v1/users',
          { username: `nd.${suffix()}`, password: 'mat-khau-dai-du', fullName: LONE, memberships: [] },
          'fullName',
        ],
        [
          'POST',
          '/api/v1/articles',
          { unitId: unit.id, title: `Tin ${LONE}`, bodyHtml: '<p>x</p>', categoryIds: [] },
          'title',
        ],
        [
          'POST',
          '/api/v1/articles',
          { unitId: unit.id, title: 'Tin', bodyHtml: '<p>x</p>', categoryIds: [], tags: ['a', `\udc00b`] },
          'tags.1',
        ],
        [
          'POST',
          `/api/v1/units/${unit.id}/procedures`,
          {
            code: '1.000001',
            name: 'Thủ tục thử',
            steps: [{ case: null, items: ['Nộp hồ sơ', `Nhận ${LONE}`] }],
          },
          'steps.0.items.1',
        ],
        [
          'POST',
          `/api/v1/units/${unit.id}/procedures`,
          { code: '1.000002', name: 'Thủ tục\u0000thử' },
          'name',
        ],
        ['POST', '/api/v1/auth/login', { username: `admin${LONE}`, password: 'x' }, 'username'],
      ];
      for (const [method, path, body, field] of cases) {
        const res = await api.request(method, path, { token: admin, body });
        expectError(res, 400, 'VALIDATION_FAILED', field);
      }
    });

    it('refuses it before anything is written', async () => {
      const code = `S${suffix()}`;
      const res = await api.request('POST', '/api/v1/units', {
        token: admin,
        body: { ...validUnit(), code, settings: { signerName: LONE } },
      });
      expectError(res, 400, 'VALIDATION_FAILED', 'settings.signerName');
      const list = await api.request('GET', '/api/v1/units?pageSize=100', { token: admin });
      expect((list.body.items as { code: string }[]).map((u) => u.code)).not.toContain(code);
    });

    it('refuses NUL in a query string, naming the parameter', async () => {
      const unit = await createUnit(api, admin);
      const res = await api.request('GET', `/api/v1/articles?unitId=${unit.id}&q=a%00b`, { token: admin });
      expectError(res, 400, 'VALIDATION_FAILED', 'q');
    });
  });

  it('removes XML-invalid control characters from text at input (tab and line breaks stay)', async () => {
    const res = await api.request('POST', '/api/v1/units', {
      token: admin,
      body: { ...validUnit(), name: 'UBND\u0001 xã\u000b Kỳ\ufffe\tMới\u001f' },
    });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('UBND xã Kỳ\tMới');
    const read = await api.request('GET', `/api/v1/units/${res.body.id}`, { token: admin });
    expect(read.body.name).toBe('UBND xã Kỳ\tMới');

    // An article's title and tags (what RSS carries), nested lists included.
    const cats = await api.request('GET', `/api/v1/units/${res.body.id}/categories`, { token: admin });
    const article = await api.request('POST', '/api/v1/articles', {
      token: admin,
      body: {
        unitId: res.body.id,
        title: 'Tin\u0008 mới\u001b[31m\uffff',
        bodyHtml: '<p>Nội dung\u000c</p>',
        categoryIds: [cats.body[0].id],
        tags: ['a\u0002b'],
      },
    });
    expect(article.status).toBe(201);
    expect({ title: article.body.title, tags: article.body.tags, body: article.body.bodyHtml }).toEqual({
      title: 'Tin mới[31m',
      tags: ['ab'],
      body: '<p>Nội dung</p>',
    });
  });

  it('answers a deeply nested JSON body (well under the size limit) with a 4xx, never a 5xx', async () => {
    const depth = 20_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const unknownField = await api.request('POST', '/api/v1/units', {
      token: admin,
      raw: `{"code":"D${suffix()}","name":"Lồng sâu","kind":"commune","slug":"d-${suffix()}","x":${nested}}`,
    });
    expectClientError(unknownField);
    const nestedObject = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const inSettings = await api.request('POST', '/api/v1/units', {
      token: admin,
      raw: `{"code":"D${suffix()}","name":"Lồng sâu","kind":"commune","slug":"d-${suffix()}","settings":{"broadcastPolicy":${nestedObject}}}`,
    });
    expectClientError(inSettings);
  });

  it.each(['/api/v1/units', '/api/v1/users'])(
    'answers an absurdly large page number on %s with an empty page or 400 naming page, never a 5xx',
    async (path) => {
      const res = await api.request('GET', `${path}?page=99999999999999999999`, { token: admin });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: expect.any(Number) });
      expect([200, 400]).toContain(res.status);
      if (res.status === 200) {
        expect(res.body.items).toEqual([]);
      } else {
        expectError(res, 400, 'VALIDATION_FAILED', 'page');
      }
    },
  );

  it('answers a body over the limit (~2 MiB) with 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ ...validUnit(), name: 'x'.repeat(2 * 1024 * 1024) });
    const res = await api.request('POST', '/api/v1/units', { token: admin, raw: big });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a body type it does not take with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await api.request('POST', '/api/v1/units', {
      token: admin,
      raw: 'code=X&name=Y',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a malformed id in a path with 400 naming id', async () => {
    expectError(
      await api.request('GET', '/api/v1/units/not-a-uuid', { token: admin }),
      400,
      'VALIDATION_FAILED',
      'id',
    );
    expectError(
      await api.request('PATCH', '/api/v1/units/not-a-uuid', { token: admin, body: { name: 'Tên mới' } }),
      400,
      'VALIDATION_FAILED',
      'id',
    );
    expectError(
      await api.request('GET', '/api/v1/users/123', { token: admin }),
      400,
      'VALIDATION_FAILED',
      'id',
    );
    expectError(
      await api.request('GET', `/api/v1/units/${encodeURIComponent("1' OR '1'='1")}`, { token: admin }),
      400,
      'VALIDATION_FAILED',
      'id',
    );
  });

  it('answers bad paging parameters with 400 naming page / pageSize', async () => {
    expectError(
      await api.request('GET', '/api/v1/units?page=0', { token: admin }),
      400,
      'VALIDATION_FAILED',
      'page',
    );
    expectError(
      await api.request('GET', '/api/v1/units?page=abc', { token: admin }),
      400,
      'VALIDATION_FAILED',
      'page',
    );
    expectError(
      await api.request('GET', '/api/v1/users?pageSize=100000', { token: admin }),
      400,
      'VALIDATION_FAILED',
      'pageSize',
    );
    expectError(
      await api.request('GET', '/api/v1/units?parentId=abc', { token: admin }),
      400,
      'VALIDATION_FAILED',
      'parentId',
    );
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND, with or without a token', async () => {
    expectError(await api.request('GET', '/api/v1/khong-co-duong-nay'), 404, 'ROUTE_NOT_FOUND');
    expectError(
      await api.request('GET', '/api/v1/khong-co-duong-nay', { token: admin }),
      404,
      'ROUTE_NOT_FOUND',
    );
    expectError(
      await api.request('POST', '/api/v1/khong-co', { token: admin, body: { a: 1 } }),
      404,
      'ROUTE_NOT_FOUND',
    );
  });

  it('answers a well-formed id that does not exist with 404 NOT_FOUND (not ROUTE_NOT_FOUND)', async () => {
    const res = await api.request('GET', `/api/v1/units/${randomUUID()}`, { token: admin });
    expectError(res, 404, 'NOT_FOUND');
  });

  it('gives every error body {statusCode, code, message} with a Vietnamese message', async () => {
    const unit = await createUnit(api, admin);
    const responses = await Promise.all([
      api.request('GET', '/api/v1/users/me'),
      api.request('GET', '/api/v1/users/me', { token: 'rac' }),
      api.request('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'sai-mat-khau' } }),
      api.request('POST', '/api/v1/units', { token: admin, raw: '{' }),
      api.request('POST', '/api/v1/units', { token: admin, body: { ...validUnit(), code: unit.code } }),
      api.request('POST', '/api/v1/units', { token: admin, body: { ...validUnit(), kind: 'district' } }),
      api.request('GET', '/api/v1/units/xyz', { token: admin }),
      api.request('GET', `/api/v1/units/${randomUUID()}`, { token: admin }),
      api.request('GET', '/api/v1/khong-co'),
      api.request('GET', '/api/v1/evidence', { token: admin }),
    ]);
    for (const res of responses) {
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(Object.keys(res.body)).toEqual(expect.arrayContaining(['statusCode', 'code', 'message']));
      expectClientError(res);
      expect(res.body.code).toMatch(/^[A-Z_]+$/);
      if (res.body.details !== undefined) {
        for (const detail of res.body.details as { field: unknown; message: unknown }[]) {
          expect(detail).toEqual({ field: expect.any(String), message: expect.stringMatching(VIETNAMESE) });
        }
      }
    }
    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 400, 409, 400, 400, 404, 404, 400]);
  });
});
