/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { startApi, TestApi } from '../support/api';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { createUnit, createUser } from '../support/factories';
import { pngImage } from '../support/images';

// The whole path of a tin bài through the screens: an editor writes (pasting from Word), an approver
// approves and publishes, the portal shows it to readers and counts them.
describe('Articles in a browser', () => {
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    api = await startApi();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function signIn(
    username: string,
    password: string,
  ): Promise<{ page: Page; close: () => Promise<void> }> {
    const { context, page } = await newPage(browser);
    await page.goto(`${api.baseUrl}/admin/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    return { page, close: () => context.close() };
  }

  const READER =
    'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

  async function readerVisit(url: string, userAgent = READER): Promise<{ html: string; visits: number }> {
    const { context, page } = await newPage(browser, { viewport: { width: 360, height: 740 }, userAgent });
    await page.goto(url);
    const html = await page.content();
    const footer = await page.locator('footer').innerText();
    await context.close();
    return { html, visits: Number(/Lượt truy cập: ([\d.]+)/.exec(footer)![1].replace(/\./g, '')) };
  }

  it('an editor writes, an approver publishes, the portal shows it and counts its readers', async () => {
    const admin = await api.adminToken();
    const unit = await createUnit(api, admin, { name: 'UBND xã Bình An' });
    const editor = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
    const approver = await createUser(api, admin, [{ unitId: unit.id, role: 'approver' }]);

    const writer = await signIn(editor.username, editor.password);
    await writer.page.getByRole('menuitem', { name: 'Viết tin bài' }).click();
    await writer.page.getByLabel('Tiêu đề', { exact: true }).fill('Bình An đẩy mạnh dịch vụ công trực tuyến');
    await writer.page.getByLabel('Chuyên mục').click();
    await writer.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: 'Cải cách hành chính',
      })
      .click();
    await writer.page.keyboard.press('Escape');
    // Paste from Word: styles and script go, the heading, bold, list and table stay.
    const body = writer.page.getByRole('textbox', { name: 'Nội dung' });
    await body.click();
    await body.evaluate((element) => {
      const data = new DataTransfer();
      data.setData(
        'text/html',
        '<p class="MsoNormal" style="color:red"><b>Năm 2026</b> xã tiếp nhận 1.234 hồ sơ trực tuyến.<o:p></o:p></p>' +
          '<h1>Kết quả</h1><ul><li>Hộ tịch</li><li>Chứng thực</li></ul>' +
          '<table><tr><td>Lĩnh vực</td><td>Số hồ sơ</td></tr><tr><td>Hộ tịch</td><td>812</td></tr></table>' +
          '<p><img src="https://anh.example.vn/hoi-nghi.jpg" alt="Hội nghị"></p>' +
          '<script>alert(1)</script>',
      );
      data.setData('text/plain', 'Năm 2026 xã tiếp nhận 1.234 hồ sơ trực tuyến.');
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    // One Vietnamese "Chèn ảnh" button; the browser's own file input ("Choose Files") is never shown.
    expect(await writer.page.getByRole('button', { name: 'Chèn ảnh' }).isVisible()).toBe(true);
    expect(await writer.page.getByTestId('image-file').isVisible()).toBe(false);
    expect(await writer.page.getByText(/Choose Files|No file chosen|Chọn tệp/).count()).toBe(0);
    // Each toolbar button says what it does, in a visible tooltip.
    await writer.page.getByRole('button', { name: 'H2 – Tiêu đề mục' }).hover();
    await writer.page.getByRole('tooltip', { name: 'Tiêu đề mục' }).waitFor();
    await writer.page.getByRole('button', { name: 'Danh sách đánh số' }).hover();
    await writer.page.getByRole('tooltip', { name: 'Danh sách đánh số' }).waitFor();
    // A photo from the computer: uploaded (Chèn ảnh), then shown in the editor from /media.
    await writer.page.getByTestId('image-file').setInputFiles({
      name: 'may-lay-so.png',
      mimeType: 'image/png',
      buffer: pngImage(120, 80, [20, 90, 160]),
    });
    const uploaded = body.locator('img[src^="/media/images/"]');
    await uploaded.waitFor();
    expect(await uploaded.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
    const imageUrl = await uploaded.getAttribute('src');
    await writer.page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await writer.page.waitForURL(/\/admin\/tin-bai\/[0-9a-f-]{36}$/);
    await writer.page.locator('.ant-tag', { hasText: 'Bản nháp' }).waitFor();
    await screenshot(writer.page, 'tin-bai-soan-thao');
    // A second save, and its difference in the history, paragraph by paragraph.
    await writer.page
      .getByLabel('Tiêu đề', { exact: true })
      .fill('Bình An đẩy mạnh dịch vụ công trực tuyến toàn trình');
    await body.click();
    await writer.page.keyboard.press('Control+End');
    await writer.page.keyboard.press('Enter');
    await writer.page.keyboard.type('Đoạn mới: lịch tiếp dân.');
    await writer.page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await writer.page.locator('.ant-message', { hasText: 'Đã lưu tin bài' }).last().waitFor();
    await writer.page.getByRole('button', { name: 'Lịch sử sửa đổi' }).click();
    const history = writer.page.getByRole('dialog', { name: 'Lịch sử sửa đổi' });
    await history.getByText('Phiên bản 2: Sửa').waitFor();
    expect(await history.locator('section ins').first().innerText()).toContain('toàn trình');
    // Paragraphs stay apart ("…trực tuyến.\nKết quả", never "…trực tuyến.Kết quả").
    const compared = await history.getByRole('region', { name: 'So sánh' }).innerText();
    expect(compared).toContain('1.234 hồ sơ trực tuyến.\nKết quả\nHộ tịch\nChứng thực');
    expect(compared).not.toContain('trực tuyến.Kết quả');
    expect(await history.locator('section ins', { hasText: 'Đoạn mới: lịch tiếp dân.' }).count()).toBe(1);
    await screenshot(writer.page, 'tin-bai-lich-su');
    await history.getByRole('button', { name: 'Đóng' }).click();
    await writer.page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = writer.page.frameLocator('iframe[title="Bản xem trước"]');
    expect(await preview.locator('h1').innerText()).toBe(
      'Bình An đẩy mạnh dịch vụ công trực tuyến toàn trình',
    );
    expect(await preview.locator('.body table').count()).toBe(1);
    await screenshot(writer.page, 'tin-bai-xem-truoc');
    await writer.page
      .getByRole('dialog', { name: 'Xem trước trên cổng thông tin' })
      .getByRole('button', { name: 'Đóng' })
      .click();
    await writer.page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await writer.page.locator('.ant-tag', { hasText: 'Chờ duyệt' }).waitFor();
    // Once submitted the editor can no longer change it: the body is read-only, with no toolbar.
    expect(await writer.page.getByLabel('Tiêu đề', { exact: true }).isDisabled()).toBe(true);
    expect(await writer.page.getByRole('button', { name: 'Chèn ảnh' }).count()).toBe(0);
    expect(await writer.page.getByTestId('image-file').count()).toBe(0);
    expect(await writer.page.getByRole('textbox', { name: 'Nội dung' }).getAttribute('contenteditable')).toBe(
      'false',
    );
    await writer.close();

    const boss = await signIn(approver.username, approver.password);
    // The menu says what waits for the approver.
    const waiting = boss.page.getByRole('menuitem', { name: /Danh sách tin bài/ }).locator('.ant-badge');
    await waiting.waitFor();
    expect(await waiting.innerText()).toBe('1');
    expect(await waiting.locator('sup').getAttribute('title')).toBe('1 tin bài chờ duyệt');
    await boss.page.getByRole('menuitem', { name: /Danh sách tin bài/ }).click();
    await boss.page
      .getByRole('link', { name: 'Bình An đẩy mạnh dịch vụ công trực tuyến toàn trình' })
      .click();
    await boss.page.getByRole('button', { name: 'Duyệt' }).click();
    await boss.page.locator('.ant-tag', { hasText: 'Đã duyệt' }).waitFor();
    await boss.page.getByRole('button', { name: 'Đăng', exact: true }).click();
    await boss.page.getByRole('dialog').getByRole('button', { name: 'Đăng ngay' }).click();
    await boss.page.locator('.ant-tag', { hasText: 'Đã đăng' }).waitFor();
    const portalUrl = await boss.page
      .getByRole('link', { name: 'Xem trên cổng thông tin' })
      .getAttribute('href');
    await boss.page.getByRole('menuitem', { name: 'Danh sách tin bài' }).click();
    await boss.page.getByRole('cell', { name: 'Đã đăng' }).waitFor();
    await screenshot(boss.page, 'tin-bai-danh-sach');
    await boss.close();

    const first = await readerVisit(`${api.baseUrl}${portalUrl}`);
    expect(first.html).toContain('Bình An đẩy mạnh dịch vụ công trực tuyến toàn trình');
    expect(first.html).toContain('<strong>Năm 2026</strong>');
    expect(first.html).toMatch(/<h2>Kết quả<\/h2>/);
    expect(first.html).toMatch(/<td[^>]*>.*Hộ tịch/);
    expect(first.html).toContain('<img src="https://anh.example.vn/hoi-nghi.jpg" alt="Hội nghị"');
    expect(first.html).toContain(`<img src="${imageUrl}" alt="may lay so"`);
    expect(first.html).not.toMatch(/<script|MsoNormal|color:red|o:p/);
    // A page refreshes the count it shows at most once a second. The same reader again the same day is
    // not counted again; another reader is.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = await readerVisit(`${api.baseUrl}${portalUrl}`);
    expect(again.visits).toBe(first.visits);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const other = await readerVisit(`${api.baseUrl}${portalUrl}`, `${READER} Zalo/24.1`);
    expect(other.visits).toBe(first.visits + 1);
    const { context, page } = await newPage(browser, {
      viewport: { width: 1280, height: 900 },
      userAgent: READER,
    });
    await page.goto(`${api.baseUrl}${portalUrl}`);
    await screenshot(page, 'tin-bai-tren-cong-thong-tin');
    await context.close();
  });

  it('shows the buttons and the form the api allows (allowedActions, permissions), keeping no rules of its own', async () => {
    const admin = await api.adminToken();
    const unit = await createUnit(api, admin);
    const editor = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
    const cats = await api.request('GET', `/api/v1/units/${unit.id}/categories`, { token: admin });
    const created = await api.request('POST', '/api/v1/articles', {
      token: admin,
      body: {
        unitId: unit.id,
        title: 'Tin chờ duyệt',
        bodyHtml: '<p>Nội dung</p>',
        categoryIds: [cats.body[0].id],
      },
    });
    await api.request('POST', `/api/v1/articles/${created.body.id}/submit`, { token: admin, body: {} });

    const writer = await signIn(editor.username, editor.password);
    // As the api answers it: a submitted article offers an editor nothing.
    await writer.page.goto(`${api.baseUrl}/admin/tin-bai/${created.body.id}`);
    await writer.page.getByText('Chờ duyệt', { exact: true }).first().waitFor();
    expect(await writer.page.getByRole('button', { name: 'Duyệt' }).count()).toBe(0);
    expect(await writer.page.getByRole('button', { name: 'Gửi duyệt' }).count()).toBe(0);

    // Were the api to allow approving and editing, the screen follows it, not a table of its own.
    await writer.page.route(`**/api/v1/articles/${created.body.id}`, async (route) => {
      const response = await route.fetch();
      const article = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...article, allowedActions: ['edit', 'approve'] } });
    });
    await writer.page.reload();
    await writer.page.getByRole('button', { name: 'Duyệt' }).waitFor();
    expect(await writer.page.getByRole('button', { name: 'Trả lại' }).count()).toBe(0);
    expect(await writer.page.getByLabel('Tiêu đề', { exact: true }).isEnabled()).toBe(true);
    await writer.close();
  });

  it('asks for a category before an article without one goes for approval, saying it would not count as CCHC', async () => {
    const admin = await api.adminToken();
    const unit = await createUnit(api, admin);
    const editor = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
    const writer = await signIn(editor.username, editor.password);
    const created = await api.request('POST', '/api/v1/articles', {
      token: await api.login(editor.username, editor.password),
      body: {
        unitId: unit.id,
        title: 'Tin chưa có chuyên mục',
        bodyHtml: '<p>Nội dung</p>',
        categoryIds: [],
      },
    });
    expect(created.status).toBe(201);
    await writer.page.goto(`${api.baseUrl}/admin/tin-bai/${created.body.id}`);
    await writer.page.getByRole('button', { name: 'Gửi duyệt' }).click();
    const ask = writer.page.getByRole('dialog', { name: 'Bài chưa có chuyên mục' });
    await ask.waitFor();
    expect(await ask.innerText()).toContain('sẽ không được tính là tin bài tuyên truyền cải cách hành chính');
    await screenshot(writer.page, 'tin-bai-chua-co-chuyen-muc');
    await ask.getByRole('button', { name: 'Chọn chuyên mục trước' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(
      (await api.request('GET', `/api/v1/articles/${created.body.id}`, { token: admin })).body.status,
    ).toBe('draft');
    // Sent anyway, knowingly.
    await writer.page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await ask.getByRole('button', { name: 'Vẫn gửi duyệt' }).click();
    await writer.page.locator('.ant-tag', { hasText: 'Chờ duyệt' }).waitFor();
    await writer.close();
  });
});
