import { Logger } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { XMLValidator } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import { PortalCache, VisitCounter } from '../../libs/portal/src';
import { startApi, TestApi } from '../support/api';
import { createUnit, publishArticle } from '../support/factories';

// The public portal under hostile anonymous requests (issue 13: A2, A8, A9, A12). No PUBLIC_URL here.
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
      `/site/%00/phat-thanh`,
      `/site/%E0%A4%A/phat-thanh`,
      `/site/a%00b/podcast.xml`,
      `/site/${s}/phat-thanh/%00`,
      `/site/${s}/phat-thanh/x`,
      `/site/${s}/phat-thanh%00`,
      `/site/${s}/podcast.xml/x`,
      `/site/${s}/podcast.xml%ED%A0%80`,
      `/site/khong-co-don-vi-nay/phat-thanh`,
      `/site/khong-co-don-vi-nay/podcast.xml`,
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

  it('answers an HTTP/1.0 request without a Host header on any path without a 5xx', async () => {
    const port = Number(new URL(api.baseUrl).port);
    const statusOf = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.0\r\n\r\n`));
        let head = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (head += chunk));
        socket.on('end', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0)));
        socket.on('error', reject);
      });
    for (const path of [
      '/',
      '/khong-co',
      `/site/${unit.slug}/`,
      `/site/${unit.slug}/khong-co`,
      '/bai-viet/x',
    ]) {
      const status = await statusOf(path);
      expect({ path, ok: status >= 200 && status < 500 }).toEqual({ path, ok: true });
    }
  });

  it('links a 404 inside a unit to that unit’s home page', async () => {
    const res = await raw(`/site/${unit.slug}/bai-viet/khong-co`);
    expect(res.status).toBe(404);
    expect(res.body).toContain(`<a href="/site/${unit.slug}/">Về trang chủ</a>`);
  });

  /** Views until the page is cached (a page rendered while a change is heard is rightly not kept). */
  async function cachedPage(path: string): Promise<void> {
    const cache = api.app.get(PortalCache);
    for (let i = 0; i < 40 && !cache.pageAt('127.0.0.1', path); i += 1) {
      await raw(path);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(cache.pageAt('127.0.0.1', path)).toBeDefined();
  }

  it('makes no cache entry for unknown parameters, other Host headers or 404s, and keeps real pages in a byte-bounded LRU', async () => {
    const cache = api.app.get(PortalCache);
    const home = `/site/${unit.slug}/`;
    await cachedPage(home);
    const before = cache.usage().pages;
    for (let i = 0; i < 30; i += 1) {
      expect((await raw(`${home}?utm=${i}&q=${i}`, { host: `evil-${i}.example` })).status).toBe(200);
      expect((await raw(`/site/${unit.slug}/bai-viet/khong-co-${i}`)).status).toBe(404);
      expect((await raw(`/site/khong-co-${i}/`)).status).toBe(404);
      expect((await raw(`/site/${unit.slug}/chuyen-muc/tin-hoat-dong?trang=${i + 2}`)).status).toBe(404);
    }
    expect(cache.usage().pages).toBe(before);

    // Full, the cache drops the page read longest ago and still admits new ones.
    const saved = cache.maxBytes;
    try {
      const size = cache.pageAt('127.0.0.1', home)!.size;
      cache.maxBytes = size * 3;
      const pages = ['chuyen-muc/tin-hoat-dong', 'chuyen-muc/chuyen-doi-so', 'rss.xml', 'sitemap.xml'].map(
        (p) => `/site/${unit.slug}/${p}`,
      );
      for (const path of pages) {
        await cachedPage(path);
        expect(cache.usage().bytes).toBeLessThanOrEqual(cache.maxBytes);
      }
      expect(cache.pageAt('127.0.0.1', pages[3])).toBeDefined();
      expect(cache.pageAt('127.0.0.1', home)).toBeUndefined();
    } finally {
      cache.maxBytes = saved;
    }
  });

  it('never writes the request’s Host into a page, a feed or the sitemap: links are relative without PUBLIC_URL', async () => {
    const article = await publishArticle(api, admin, unit.id, { title: 'Tin kiểm tra tên miền' });
    for (const path of [
      `/site/${unit.slug}/bai-viet/${article.slug}`,
      `/site/${unit.slug}/rss.xml`,
      `/site/${unit.slug}/sitemap.xml`,
      `/site/${unit.slug}/phat-thanh`,
      `/site/${unit.slug}/podcast.xml`,
      `/site/${unit.slug}/`,
    ]) {
      const res = await raw(path, { host: 'evil.example' });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect({ path, evil: res.body.includes('evil.example') }).toEqual({ path, evil: false });
    }
    const html = (await raw(`/site/${unit.slug}/bai-viet/${article.slug}`)).body;
    expect(html).toContain(`<link rel="canonical" href="/site/${unit.slug}/bai-viet/${article.slug}">`);
    expect(html).not.toContain('og:url');
    expect((await raw(`/site/${unit.slug}/rss.xml`)).body).toContain(
      `<link>/site/${unit.slug}/bai-viet/${article.slug}</link>`,
    );
    // The podcast too: root-relative without PUBLIC_URL, like rss.xml.
    expect((await raw(`/site/${unit.slug}/podcast.xml`)).body).toContain(
      `<link>/site/${unit.slug}/phat-thanh</link>`,
    );
  });

  it('keeps RSS valid and the visit count in its place whatever control characters a title holds', async () => {
    const other = await createUnit(api, admin);
    const article = await publishArticle(api, admin, other.id, { title: 'Tin tạm' });
    // Written past the api (which refuses them at input), as an older row or an import could hold them.
    const title = 'Tin\u0001lượt truy cập\u0001 giả\u0008\u001b mạo\uFFFE';
    await api.app.get(DataSource).query('UPDATE articles SET title = $1 WHERE id = $2', [title, article.id]);
    await api.request('PATCH', `/api/v1/units/${other.id}`, { token: admin, body: { name: 'UBND xã Đổi' } });
    let rss = '';
    for (let i = 0; i < 40 && !rss.includes('giả'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      rss = (await raw(`/site/${other.slug}/rss.xml`)).body;
    }
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(rss).toContain('<title>Tinlượt truy cập giả mạo</title>');
    const page = (await raw(`/site/${other.slug}/bai-viet/${article.slug}`)).body;
    expect(page).toContain('<h1>Tinlượt truy cập giả mạo</h1>');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(page).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
    expect(page).toMatch(/Lượt truy cập: <strong>\d+<\/strong>/);
  });

  it('counts a loop of views once per reader, page and day, and bounds one address that keeps changing its agent', async () => {
    const counted = await createUnit(api, admin);
    const counter = api.app.get(VisitCounter);
    const home = `/site/${counted.slug}/`;
    await counter.flush();
    const before = await counter.total(counted.id);
    for (let i = 0; i < 50; i += 1) {
      await raw(home, { 'user-agent': 'Mozilla/5.0 (Linux; Android 12) Chrome/120 Mobile' });
    }
    await counter.flush();
    expect((await counter.total(counted.id)) - before).toBe(1);
    for (let i = 0; i < 260; i += 1) {
      await raw(`/site/${counted.slug}/tim-kiem?q=${i % 3}`, { 'user-agent': `Mozilla/5.0 (loop ${i})` });
    }
    await counter.flush();
    // Every agent looks like a new reader, but one address counts at most 200 views of a unit a day.
    expect((await counter.total(counted.id)) - before).toBe(200);
    // Nothing about the reader is stored: only the unit, the day and a number.
    const columns = await api.app
      .get(DataSource)
      .query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'portal_visits' ORDER BY 1`,
      );
    expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual(['day', 'unit_id', 'views']);
  });
});
