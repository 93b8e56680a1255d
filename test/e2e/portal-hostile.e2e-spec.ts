import { Logger } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { startApi, TestApi } from '../support/api';
import { createUnit } from '../support/factories';

// The public portal under hostile anonymous requests (issue 13: A2).
describe('Public portal under hostile input (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let unit: { id: string; slug: string };

  beforeAll(async () => {
    api = await startApi();
    admin = await api.adminToken();
    unit = await createUnit(api, admin);
  });
  afterAll(async () => {
    await api.close();
  });

  /** A raw GET: fetch would re-encode some of these paths. */
  const raw = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const url = new URL(api.baseUrl);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path,
          method: 'GET',
          headers: { 'user-agent': 'Mozilla/5.0', ...headers },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('answers repeated parameters, NUL and broken encodings anywhere on the portal with a Vietnamese HTML 400/404, never a 5xx or JSON', async () => {
    const s = unit.slug;
    const paths = [
      `/site/${s}/tim-kiem?q=a&q=b`,
      `/site/${s}/tim-kiem?q=%00`,
      `/site/${s}/tim-kiem?q=a%00b`,
      `/site/${s}/tim-kiem?q=%E0%A4%A`,
      `/site/${s}/tim-kiem?q=%ED%A0%80`,
      `/site/${s}/thu-tuc-hanh-chinh?q=%00`,
      `/site/${s}/thu-tuc-hanh-chinh?q=a&q=b`,
      `/site/${s}/thu-tuc-hanh-chinh?linh-vuc=%00`,
      `/site/${s}/thu-tuc-hanh-chinh?trang=1&trang=2`,
      `/site/${s}/chuyen-muc/tin-hoat-dong?trang=%00`,
      `/site/${s}/chuyen-muc/tin-hoat-dong?trang=1&trang=2`,
      `/site/${s}/bai-viet/%00`,
      `/site/${s}/bai-viet/a%00b/in`,
      `/site/${s}/bai-viet/%ED%A0%80`,
      `/site/${s}/bai-viet/%E0%A4%A`,
      `/site/${s}/chuyen-muc/%00`,
      `/site/${s}/thu-tuc-hanh-chinh/%00`,
      `/site/${s}/thu-tuc-hanh-chinh/1.0%0042/in`,
      `/site/%00/`,
      `/site/a%00b/tim-kiem?q=x`,
      `/site/%00/rss.xml`,
      `/site/%00/sitemap.xml`,
      `/site/%E0%A4%A/`,
      `/site/${s}/khong-co-trang-nay`,
      `/site/${s}/bai-viet/x/y/z`,
    ];
    const wrong: unknown[] = [];
    const errors = jest.spyOn(Logger.prototype, 'error');
    for (const path of paths) {
      const res = await raw(path);
      const ok =
        [400, 404].includes(res.status) &&
        res.type === 'text/html; charset=utf-8' &&
        /<html lang="vi">[\s\S]*(Không tìm thấy trang|Yêu cầu không hợp lệ)/.test(res.body) &&
        // Every error page leads back home.
        /<a href="[^"]*\/">Về trang chủ<\/a>/.test(res.body);
      if (!ok) {
        wrong.push({ path, status: res.status, type: res.type, body: res.body.slice(0, 200) });
      }
    }
    expect(wrong).toEqual([]);
    // A reader's bad address is no error of the server: nothing at error level.
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('links a 404 inside a unit to that unit’s home page', async () => {
    const res = await raw(`/site/${unit.slug}/bai-viet/khong-co`);
    expect(res.status).toBe(404);
    expect(res.body).toContain(`<a href="/site/${unit.slug}/">Về trang chủ</a>`);
  });
});
