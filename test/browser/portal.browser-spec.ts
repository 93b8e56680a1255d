/// <reference lib="dom" />
import { browserStage } from '../support/admin-stage';
import { newPage, PHONE, screenshot } from '../support/browser';
import { createUnit } from '../support/factories';

// The public portal as a reader sees it on a PC and on a cheap phone, JavaScript off.
describe('Public portal in a browser', () => {
  const stage = browserStage();

  async function publish(
    unitId: string,
    title: string,
    bodyHtml: string,
    categorySlug: string,
  ): Promise<string> {
    const categories = (
      await stage.api.request('GET', `/api/v1/units/${unitId}/categories`, { token: stage.adminToken })
    ).body;
    const category = categories.find((c: { slug: string }) => c.slug === categorySlug);
    const created = await stage.api.request('POST', '/api/v1/articles', {
      token: stage.adminToken,
      body: { unitId, title, summary: `Tóm tắt: ${title}`, bodyHtml, categoryIds: [category.id] },
    });
    for (const step of ['submit', 'approve', 'publish']) {
      await stage.api.request('POST', `/api/v1/articles/${created.body.id}/${step}`, {
        token: stage.adminToken,
      });
    }
    return created.body.slug as string;
  }

  it('shows the home page and an article, readable without JavaScript, on a PC and at 360 px', async () => {
    const unit = await createUnit(stage.api, stage.adminToken, {
      name: 'UBND xã Tân Hòa',
      settings: {
        address: 'Thôn Đông, xã Tân Hòa, tỉnh Hải Phòng',
        phone: '0220 3 123 456',
        email: 'ubnd@tanhoa.gov.vn',
      },
    });
    const slug = await publish(
      unit.id,
      'Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân',
      '<h2>Kết quả năm 2026</h2><p>Tỷ lệ hồ sơ giải quyết đúng hạn đạt <strong>100%</strong>.</p>' +
        '<table><tr><th>Lĩnh vực</th><th>Số hồ sơ</th></tr><tr><td>Hộ tịch</td><td>1.234</td></tr></table>' +
        '<ul><li>Tiếp nhận trực tuyến</li><li>Trả kết quả qua bưu điện</li></ul>',
      'cai-cach-hanh-chinh',
    );
    await publish(
      unit.id,
      'Ngày hội chuyển đổi số cộng đồng',
      '<p>Hướng dẫn cài ứng dụng VNeID.</p>',
      'chuyen-doi-so',
    );

    for (const [name, options] of [
      ['pc', { viewport: { width: 1280, height: 800 }, javaScriptEnabled: false }],
      ['dien-thoai', { ...PHONE, javaScriptEnabled: false }],
    ] as const) {
      const { context, page } = await newPage(stage.browser, options);
      await page.goto(`${stage.api.baseUrl}/site/${unit.slug}/`);
      expect(await page.title()).toBe('UBND xã Tân Hòa — Trang thông tin điện tử');
      expect(await page.locator('section').first().innerText()).toContain('Đẩy mạnh cải cách hành chính');
      expect(await page.locator('footer').innerText()).toContain('Thôn Đông, xã Tân Hòa');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBe(options.viewport.width);
      // The menu never scrolls sideways: it wraps on a PC and folds under "Menu" on a phone, and "Tìm kiếm"
      // is reachable either way; the feeds are linked where people see them.
      // The first Tab reaches a link past the header and menu, to the content.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Bỏ qua đến nội dung chính',
      );
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');
      const nav = page.getByRole('navigation', { name: 'Menu chính' });
      expect(await nav.evaluate((n) => n.scrollWidth <= n.clientWidth)).toBe(true);
      if (name === 'dien-thoai') {
        expect(await nav.getByRole('link', { name: 'Tìm kiếm' }).count()).toBe(0);
        await nav.getByText('Menu: chuyên mục, thủ tục, tìm kiếm').click();
        await screenshot(page, 'cong-thong-tin-menu-dien-thoai');
      }
      const search = nav.getByRole('link', { name: 'Tìm kiếm' });
      expect(await search.isVisible()).toBe(true);
      const box = (await search.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(options.viewport.width);
      expect(
        await page.locator('footer').getByRole('link', { name: 'RSS tin bài' }).getAttribute('href'),
      ).toBe(`/site/${unit.slug}/rss.xml`);
      expect(
        await page.locator('footer').getByRole('link', { name: 'Podcast chương trình phát thanh' }).count(),
      ).toBe(1);
      await screenshot(page, `cong-thong-tin-trang-chu-${name}`);

      await page
        .getByRole('link', { name: /Đẩy mạnh cải cách hành chính/ })
        .first()
        .click();
      await page.waitForURL(`${stage.api.baseUrl}/site/${unit.slug}/bai-viet/${slug}`);
      expect(await page.locator('h1').innerText()).toBe(
        'Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân',
      );
      expect(await page.locator('.meta').first().innerText()).toMatch(
        /^Ngày đăng: \d{2}\/\d{2}\/\d{4} · Chuyên mục: Cải cách hành chính$/,
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(options.viewport.width);
      await screenshot(page, `cong-thong-tin-bai-viet-${name}`);
      await context.close();
    }
  });

  it('moves the visit counter in the footer as new readers view pages, and not for a reader coming back', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    // Each reader is a browser of their own. Headless chromium says "HeadlessChrome" and is rightly not
    // counted as a reader, so these present ordinary browsers' agents.
    const DESKTOP =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
    const PHONE =
      'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
    const visit = async (userAgent: string): Promise<number> => {
      const { context, page } = await newPage(stage.browser, {
        viewport: { width: 1280, height: 800 },
        userAgent,
      });
      await page.goto(`${stage.api.baseUrl}/site/${unit.slug}/`);
      const text = await page.locator('footer').innerText();
      await context.close();
      return Number(/Lượt truy cập: ([\d.]+)/.exec(text)![1].replace(/\./g, ''));
    };
    const first = await visit(DESKTOP);
    // The number a page shows is refreshed at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await visit(PHONE);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // The first reader again, the same day: one view per reader, page and day.
    const again = await visit(DESKTOP);
    expect([first, second, again]).toEqual([1, 2, 2]);
  });
});
