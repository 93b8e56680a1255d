import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PortalCache, PortalService, VisitCounter } from '../../libs/portal/src';
import { startApi, TestApi } from '../support/api';
import { expectError } from '../support/expectations';
import { createUnit, createUser, publishArticle } from '../support/factories';

// The public portal as a reader's browser, a feed reader and a search engine see it.
describe('Public portal (e2e)', () => {
  const PUBLIC_URL = 'https://cong.example.vn';
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    // Absolute links come from here (or a unit's mapped host), never from the request.
    api = await startApi({ PUBLIC_URL });
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await api.close();
  });

  const page = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}${path}`, {
      headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 12) Chrome/120 Mobile', ...headers },
    });

  async function publishedArticle(
    unitId: string,
    fields: { title: string; bodyHtml?: string; summary?: string; categorySlug?: string },
  ): Promise<{ id: string; slug: string; publishedAt: string }> {
    const { id } = await publishArticle(api, admin, unitId, {
      ...fields,
      categorySlug: fields.categorySlug ?? 'cai-cach-hanh-chinh',
    });
    const article = (await api.request('GET', `/api/v1/articles/${id}`, { token: admin })).body;
    return { id: article.id, slug: article.slug, publishedAt: article.publishedAt };
  }

  it('shows the home page with the latest and the CCHC sections, the unit’s name and contact', async () => {
    const unit = await createUnit(api, admin, {
      name: 'UBND xã Hà Kỳ',
      settings: { address: 'Thôn Đông, xã Hà Kỳ', phone: '0220 3 123 456' },
    });
    await publishedArticle(unit.id, { title: 'Đẩy mạnh cải cách hành chính' });
    await publishedArticle(unit.id, { title: 'Hội nghị chuyển đổi số', categorySlug: 'chuyen-doi-so' });
    const res = await page(`/site/${unit.slug}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<title>UBND xã Hà Kỳ — Trang thông tin điện tử</title>');
    expect(html).toContain('Thôn Đông, xã Hà Kỳ');
    const [latest, cchc] = html.split('<h2>Cải cách hành chính</h2>');
    expect(latest).toContain('Hội nghị chuyển đổi số');
    expect(latest).toContain('Đẩy mạnh cải cách hành chính');
    expect(cchc).toContain('Đẩy mạnh cải cách hành chính');
    expect(cchc).not.toContain('Hội nghị chuyển đổi số');
    expect(html).not.toMatch(/<script/i);
  });

  it('serves an article with its date dd/mm/yyyy in Vietnam time, category, Open Graph tags and a print view', async () => {
    const unit = await createUnit(api, admin);
    const article = await publishedArticle(unit.id, {
      title: 'Thông báo lịch tiếp công dân',
      summary: 'Lịch tiếp công dân tháng 12',
      bodyHtml: '<h2>Thời gian</h2><p>Sáng thứ Hai hằng tuần</p>',
    });
    const res = await page(`/site/${unit.slug}/bai-viet/${article.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const vnDate = new Date(new Date(article.publishedAt).getTime() + 7 * 3600_000)
      .toISOString()
      .slice(0, 10);
    const [y, m, d] = vnDate.split('-');
    expect(html).toContain(`Ngày đăng: <time datetime="${article.publishedAt}">${d}/${m}/${y}</time>`);
    expect(html).toContain(
      'Chuyên mục: <a href="/site/' + unit.slug + '/chuyen-muc/cai-cach-hanh-chinh">Cải cách hành chính</a>',
    );
    expect(html).toContain('<meta property="og:title" content="Thông báo lịch tiếp công dân — ');
    expect(html).toContain('<meta name="description" content="Lịch tiếp công dân tháng 12">');
    expect(html).toContain(
      `<meta property="og:url" content="${PUBLIC_URL}/site/${unit.slug}/bai-viet/${article.slug}">`,
    );
    expect(html).toContain('<h2>Thời gian</h2><p>Sáng thứ Hai hằng tuần</p>');

    const print = await page(`/site/${unit.slug}/bai-viet/${article.slug}/in`);
    expect(print.status).toBe(200);
    const printed = await print.text();
    expect(printed).toContain('Thông báo lịch tiếp công dân');
    expect(printed).not.toContain('<nav');
  });

  it('never runs script from an article body: sanitized when stored, and a CSP with no script at all', async () => {
    const unit = await createUnit(api, admin);
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">bấm</a>',
      '<svg onload=alert(1)>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<p style="background:url(javascript:alert(1))">kiểu</p>',
      '<a href="&#x6A;avascript:alert(1)">mã hóa</a>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    ];
    const article = await publishedArticle(unit.id, {
      title: 'Bài thử an toàn',
      bodyHtml: `<p>An toàn</p>${payloads.join('')}`,
    });
    const res = await page(`/site/${unit.slug}/bai-viet/${article.slug}`);
    const html = await res.text();
    expect(html).toContain('<p>An toàn</p>');
    expect(html).not.toMatch(
      /<script|onerror|onload|javascript:|<iframe|<svg|<style[^>]*>[^<]*alert|style="/i,
    );
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'none'");
  });

  it('answers a repeated visit with 304 through its ETag, and counts views but not bots', async () => {
    const unit = await createUnit(api, admin);
    const first = await page(`/site/${unit.slug}/`);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    // Within the second the page shows the same count, so the same ETag: 304 with no body.
    const again = await page(`/site/${unit.slug}/`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const counter = api.app.get(VisitCounter);
    await counter.flush();
    const before = await counter.total(unit.id);
    // The same reader on the same page again, and a bot: not counted. A new page, and another reader: counted.
    await page(`/site/${unit.slug}/`);
    await page(`/site/${unit.slug}/`, { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' });
    await page(`/site/${unit.slug}/tim-kiem?q=abc`);
    await page(`/site/${unit.slug}/`, { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Firefox/130.0' });
    await counter.flush();
    // A page refreshes the count it shows at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const footer = await (await page(`/site/${unit.slug}/`)).text();
    // Two counted views since `before`; this reader's view of the home page was counted before.
    expect(footer).toContain(`Lượt truy cập: <strong>${(before + 2).toLocaleString('vi-VN')}</strong>`);
  });

  it('answers a cached page before Fastify with the same headers and bytes as the first, rendered view', async () => {
    const unit = await createUnit(api, admin);
    const article = await publishedArticle(unit.id, { title: 'Niêm yết thủ tục hành chính tại trụ sở' });
    const url = `/site/${unit.slug}/bai-viet/${article.slug}`;
    // The publication's NOTIFY portal_changed reaches the LISTEN connection a moment after its commit; on a busy
    // machine it could land between the two views below and drop the page they share.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const cache = api.app.get(PortalCache);
    const service = api.app.get(PortalService);
    const render = jest.spyOn(service, 'article');
    try {
      const first = await page(url); // not cached yet: rendered through the Fastify route
      const fast = cache.stats.fastPath;
      // Within the same second the visit count shown is the same, so the bytes are too.
      const second = await page(url);
      expect(render).toHaveBeenCalledTimes(1);
      // The second view was answered by the fast path itself, not by the Fastify route's cache lookup.
      expect(cache.stats.fastPath).toBe(fast + 1);
      expect(cache.pageAt('127.0.0.1', `${url}`)).toBeDefined();
      const names = (res: Response) => {
        const list: string[] = [];
        res.headers.forEach((_value, key) => list.push(key));
        return list.sort();
      };
      expect(names(second)).toEqual(names(first));
      for (const header of [
        'content-type',
        'cache-control',
        'etag',
        'content-security-policy',
        'x-content-type-options',
        'x-frame-options',
        'referrer-policy',
        'cross-origin-opener-policy',
        'content-length',
      ]) {
        expect({ header, value: second.headers.get(header) }).toEqual({
          header,
          value: first.headers.get(header),
        });
      }
      expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
      expect(await second.text()).toBe(await first.text());
      // A request id sent by a proxy is kept; HEAD and forwarded requests go the Fastify way, and agree.
      const withId = await page(url, { 'x-request-id': 'portal-123' });
      expect(withId.headers.get('x-request-id')).toBe('portal-123');
      const head = await fetch(`${api.baseUrl}${url}`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('etag')).toMatch(/^W\//);
      const forwarded = await page(url, { 'x-forwarded-proto': 'https' });
      expect(forwarded.status).toBe(200);
      expect(render).toHaveBeenCalledTimes(1);
      // Parameters the page does not read reach the same cached page, on the fast path.
      const tagged = await page(`${url}?utm_source=zalo&fbclid=abc`);
      expect(await tagged.text()).toBe(await (await page(url)).text());
      expect(render).toHaveBeenCalledTimes(1);
      expect(cache.stats.fastPath).toBe(fast + 4);
    } finally {
      render.mockRestore();
    }
  });

  it('searches without accents, within the unit', async () => {
    const unit = await createUnit(api, admin);
    const other = await createUnit(api, admin);
    await publishedArticle(unit.id, { title: 'Đẩy mạnh cải cách hành chính năm 2026' });
    await publishedArticle(unit.id, { title: 'Ngày hội chuyển đổi số', categorySlug: 'chuyen-doi-so' });
    await publishedArticle(other.id, { title: 'Cải cách hành chính ở xã khác' });
    const html = await (
      await page(`/site/${unit.slug}/tim-kiem?q=${encodeURIComponent('cai cach hanh chinh')}`)
    ).text();
    expect(html).toContain('1 kết quả');
    expect(html).toContain('Đẩy mạnh cải cách hành chính năm 2026');
    expect(html).not.toContain('xã khác');
    expect(html).not.toContain('Ngày hội chuyển đổi số</a>');
  });

  it('pages a category, and answers unknown units, categories and articles with a Vietnamese 404', async () => {
    const unit = await createUnit(api, admin);
    for (let i = 1; i <= 21; i += 1) {
      await publishedArticle(unit.id, { title: `Tin hoạt động số ${i}`, categorySlug: 'tin-hoat-dong' });
    }
    const first = await (await page(`/site/${unit.slug}/chuyen-muc/tin-hoat-dong`)).text();
    expect(first).toContain('Trang 1/2');
    expect(first).toContain('Tin hoạt động số 21');
    expect(first).not.toContain('Tin hoạt động số 1<');
    const second = await (await page(`/site/${unit.slug}/chuyen-muc/tin-hoat-dong?trang=2`)).text();
    expect(second).toContain('Tin hoạt động số 1<');
    for (const path of [
      '/site/khong-co-don-vi/',
      `/site/${unit.slug}/chuyen-muc/khong-co`,
      `/site/${unit.slug}/bai-viet/khong-co`,
    ]) {
      const res = await page(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(await res.text()).toContain('Không tìm thấy trang');
    }
  });

  it('shows a publication, an unpublication and a renamed unit on pages it had already served', async () => {
    const unit = await createUnit(api, admin, { name: 'UBND xã Trước' });
    const home = `/site/${unit.slug}/`;
    const until = async (check: (html: string) => boolean): Promise<string> => {
      let html = '';
      for (let i = 0; i < 40; i += 1) {
        html = await (await page(home)).text();
        if (check(html)) {
          return html;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return html;
    };
    expect(await (await page(home)).text()).toContain('Chưa có tin bài nào.');
    const article = await publishedArticle(unit.id, { title: 'Tin vừa đăng' });
    expect(await until((html) => html.includes('Tin vừa đăng'))).toContain('Tin vừa đăng');

    await api.request('POST', `/api/v1/articles/${article.id}/unpublish`, {
      token: admin,
      body: { reason: 'Sai số liệu' },
    });
    expect(await until((html) => !html.includes('Tin vừa đăng'))).not.toContain('Tin vừa đăng');
    expect((await page(`/site/${unit.slug}/bai-viet/${article.slug}`)).status).toBe(404);

    await api.request('PATCH', `/api/v1/units/${unit.id}`, { token: admin, body: { name: 'UBND xã Sau' } });
    expect(await until((html) => html.includes('UBND xã Sau'))).toContain(
      '<title>UBND xã Sau — Trang thông tin điện tử</title>',
    );
  });

  it('serves a unit’s portal at the root of the host name it maps, and keeps / for the admin app elsewhere', async () => {
    const unit = await createUnit(api, admin, { name: 'UBND xã Tên Miền' });
    const other = await createUnit(api, admin);
    const host = `xa-${unit.slug}.example.vn`;
    const fastify = api.app.getHttpAdapter().getInstance();
    const get = (url: string, hostname: string) =>
      fastify.inject({ method: 'GET', url, headers: { host: hostname, 'user-agent': 'Mozilla/5.0' } });

    expect((await get('/', host)).headers.location).toBe('/admin/');
    const mapped = await api.request('PATCH', `/api/v1/units/${unit.id}`, {
      token: admin,
      body: { settings: { portalHost: host.toUpperCase() } },
    });
    expect(mapped.status).toBe(200);
    expect(mapped.body.settings.portalHost).toBe(host);
    const taken = await api.request('PATCH', `/api/v1/units/${other.id}`, {
      token: admin,
      body: { settings: { portalHost: host } },
    });
    expectError(taken, 409, 'UNIT_PORTAL_HOST_TAKEN', 'settings.portalHost');
    const bad = await api.request('PATCH', `/api/v1/units/${other.id}`, {
      token: admin,
      body: { settings: { portalHost: 'http://sai cach/' } },
    });
    expectError(bad, 400, 'VALIDATION_FAILED', 'settings.portalHost');

    const article = await publishedArticle(unit.id, { title: 'Tin trên tên miền riêng' });
    let home = await get('/', host);
    for (let i = 0; i < 40 && !home.body.includes('Tin trên tên miền riêng'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      home = await get('/', host);
    }
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<title>UBND xã Tên Miền — Trang thông tin điện tử</title>');
    expect(home.body).toContain(`<a href="/bai-viet/${article.slug}">Tin trên tên miền riêng</a>`);
    expect(home.body).not.toContain('/site/');
    const page = await get(`/bai-viet/${article.slug}`, host);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      `<meta property="og:url" content="https://${host}/bai-viet/${article.slug}">`,
    );
    // Another host still sends / to the admin app, and the /site/ address keeps working.
    expect((await get('/', 'localhost')).headers.location).toBe('/admin/');
    expect((await get(`/site/${unit.slug}/bai-viet/${article.slug}`, 'localhost')).statusCode).toBe(200);

    // Removing the mapping takes the portal off that host.
    await api.request('PATCH', `/api/v1/units/${unit.id}`, {
      token: admin,
      body: { settings: { portalHost: '' } },
    });
    let after = await get('/', host);
    for (let i = 0; i < 40 && after.statusCode !== 302; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await get('/', host);
    }
    expect({
      status: after.statusCode,
      location: after.headers.location,
      body: after.body.slice(0, 80),
    }).toEqual({ status: 302, location: '/admin/', body: '' });
  });

  it('previews a draft as the portal will show it, for members of its unit only', async () => {
    const unit = await createUnit(api, admin, { name: 'UBND xã Xem Trước' });
    const other = await createUnit(api, admin);
    const categories = (await api.request('GET', `/api/v1/units/${unit.id}/categories`, { token: admin }))
      .body;
    const draft = await api.request('POST', '/api/v1/articles', {
      token: admin,
      body: {
        unitId: unit.id,
        title: 'Bản nháp chưa đăng',
        bodyHtml: '<p>Nội dung <img src=x onerror=alert(1)></p>',
        categoryIds: [categories[0].id],
      },
    });
    const member = await createUser(api, admin, [{ unitId: unit.id, role: 'reporter' }]);
    const outsider = await createUser(api, admin, [{ unitId: other.id, role: 'admin' }]);

    const res = await api.request('GET', `/api/v1/articles/${draft.body.id}/preview`, {
      token: await api.login(member.username, member.password),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.body).toContain('<h1>Bản nháp chưa đăng</h1>');
    expect(res.body).toContain('Bản xem trước');
    expect(res.body).toContain('<meta name="robots" content="noindex">');
    expect(res.body).not.toMatch(/onerror|<script/);
    // The draft is still not public.
    expect((await page(`/site/${unit.slug}/bai-viet/${draft.body.slug}`)).status).toBe(404);

    const outside = await api.request('GET', `/api/v1/articles/${draft.body.id}/preview`, {
      token: await api.login(outsider.username, outsider.password),
    });
    expectError(outside, 404, 'NOT_FOUND');
    expect((await api.request('GET', `/api/v1/articles/${draft.body.id}/preview`)).status).toBe(401);
  });

  it('publishes a valid RSS 2.0 feed and sitemap', async () => {
    const unit = await createUnit(api, admin);
    const article = await publishedArticle(unit.id, { title: 'Tin "đặc biệt" & <mới>', summary: 'Tóm tắt' });
    const rss = await page(`/site/${unit.slug}/rss.xml`);
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const rssText = await rss.text();
    expect(XMLValidator.validate(rssText)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(rssText);
    expect(feed.rss['@_version']).toBe('2.0');
    const item = [feed.rss.channel.item].flat()[0];
    expect(item.title).toBe('Tin "đặc biệt" & <mới>');
    expect(item.link).toBe(`${PUBLIC_URL}/site/${unit.slug}/bai-viet/${article.slug}`);
    expect(new Date(item.pubDate).toISOString()).toBe(
      new Date(article.publishedAt).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
    );

    const map = await page(`/site/${unit.slug}/sitemap.xml`);
    const mapText = await map.text();
    expect(XMLValidator.validate(mapText)).toBe(true);
    const urls = [new XMLParser().parse(mapText).urlset.url].flat().map((u: { loc: string }) => u.loc);
    expect(urls).toEqual([
      `${PUBLIC_URL}/site/${unit.slug}/`,
      `${PUBLIC_URL}/site/${unit.slug}/bai-viet/${article.slug}`,
    ]);
  });
});
