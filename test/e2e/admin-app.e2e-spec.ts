import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startApi, TestApi } from '../support/api';

// The built admin app as the api serves it (the pages themselves are driven in test/browser/).
describe('Admin app files served by the api (e2e)', () => {
  let api: TestApi;
  let index: string;

  beforeAll(async () => {
    api = await startApi();
    index = String((await api.request('GET', '/admin/')).body);
  });
  afterAll(async () => {
    await api.close();
  });

  const raw = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}${path}`, { headers, redirect: 'manual' });

  it('answers /admin/ with the app page, never cached, in Vietnamese', async () => {
    const res = await raw('/admin/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    // Served over plain HTTP on a LAN address, the page must still load its own scripts.
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(index).toContain('<html lang="vi">');
    expect(index).toMatch(/<script type="module" crossorigin src="\/admin\/assets\/index-[\w-]+\.js">/);
  });

  it('answers the app’s own routes with the same page, so a reload keeps the screen', async () => {
    for (const path of [
      '/admin/dang-nhap',
      '/admin/quan-tri/don-vi',
      '/admin/quan-tri/nguoi-dung/tao-moi?x=1',
    ]) {
      const res = await raw(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(await res.text()).toBe(index);
    }
  });

  it('serves hashed scripts cached for a year, brotli or gzip when the browser accepts it', async () => {
    const script = /src="(\/admin\/assets\/index-[\w-]+\.js)"/.exec(index)![1];
    const plain = await raw(script, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toContain('javascript');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = await plain.arrayBuffer();

    const br = await raw(script, { 'accept-encoding': 'br, gzip' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(Number(br.headers.get('content-length'))).toBeLessThan(body.byteLength / 2);
    const gz = await raw(script, { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
  });

  it('answers a missing script with 404, not with the page', async () => {
    const res = await raw('/admin/assets/khong-co-abc123.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toContain('html');
  });

  it('sends / and /admin to /admin/, and leaves the api’s own 404 alone', async () => {
    for (const path of ['/', '/admin']) {
      const res = await raw(path);
      expect({ path, status: res.status, location: res.headers.get('location') }).toEqual({
        path,
        status: 302,
        location: '/admin/',
      });
    }
    const missing = await api.request('GET', '/api/v1/khong-co');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
  });

  it('keeps the admin app’s typed client in step with the api (npm run api:client:check)', () => {
    const root = join(__dirname, '..', '..');
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'api-client.js'), '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
