import { startApi, TestApi } from '../support/api';

describe('OpenAPI document and request ids (e2e)', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await api.close();
  });

  it('GET /api/docs/openapi.json is a JSON OpenAPI document listing the v1 paths', async () => {
    const res = await api.request('GET', '/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(typeof res.body).toBe('object');
    expect(res.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(res.body.paths ?? {});
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/units',
        '/api/v1/users',
        '/api/v1/evidence',
        '/api/v1/users/me',
        '/api/v1/units/{id}',
        '/api/v1/evidence/verify',
        '/api/v1/health',
      ]),
    );
    expect(res.body.paths['/api/v1/auth/login']).toHaveProperty('post');
    expect(res.body.paths['/api/v1/units']).toHaveProperty('get');
    expect(res.body.paths['/api/v1/units']).toHaveProperty('post');
    expect(res.body.paths['/api/v1/users']).toHaveProperty('post');
    expect(res.body.paths['/api/v1/evidence']).toHaveProperty('get');
  });

  it('GET /api/docs answers an HTML page', async () => {
    const res = await api.request('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(String(res.body)).toMatch(/<html/i);
  });

  it('every response carries an x-request-id header, a new one per request', async () => {
    const responses = await Promise.all([
      api.request('GET', '/api/v1/health'),
      api.request('GET', '/api/v1/units', { token: admin }),
      api.request('GET', '/api/v1/users/me'),
      api.request('GET', '/api/v1/khong-co'),
      api.request('POST', '/api/v1/units', { token: admin, raw: '{' }),
      api.request('GET', '/api/v1/units/not-a-uuid', { token: admin }),
      api.request('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'sai-mat-khau' } }),
      api.request('GET', '/api/docs/openapi.json'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 401, 404, 400, 400, 401, 200]);
    const idsSeen = responses.map((r) => r.headers.get('x-request-id'));
    for (const id of idsSeen) {
      expect(id).toEqual(expect.any(String));
      expect(id!.length).toBeGreaterThan(0);
    }
    expect(new Set(idsSeen).size).toBe(idsSeen.length);
  });

  it('a request sending x-request-id: abc-123 gets it back', async () => {
    const ok = await api.request('GET', '/api/v1/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toBe('abc-123');

    const error = await api.request('GET', '/api/v1/users/me', { headers: { 'x-request-id': 'abc-123' } });
    expect(error.status).toBe(401);
    expect(error.headers.get('x-request-id')).toBe('abc-123');

    const notFound = await api.request('GET', '/api/v1/khong-co', { headers: { 'x-request-id': 'abc-123' } });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('x-request-id')).toBe('abc-123');
  });
});
