/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { startApi, TestApi } from '../support/api';
import { dropdownOption, launchBrowser, newPage, PHONE, screenshot, signInToAdmin } from '../support/browser';
import { pdfDocument } from '../support/documents';
import { createUnit, createUser } from '../support/factories';
import { pngImage } from '../support/images';

// A featured image and the Kế hoạch attached, chosen in the article form with Vietnamese buttons, shown on
// the portal: a thumbnail beside the title in the lists, the documents to download under the article.
describe('Featured image and attachments in a browser', () => {
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

  it('an editor chooses them in the form; readers see the thumbnail and download the plan on a phone', async () => {
    const admin = await api.adminToken();
    const unit = await createUnit(api, admin, { name: 'UBND xã Ảnh Đính Kèm' });
    const editor = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
    const writer = await signInToAdmin(browser, api.baseUrl, editor.username, editor.password);
    const page = writer.page;
    await page.getByRole('menuitem', { name: 'Viết tin bài' }).click();
    await page
      .getByLabel('Tiêu đề', { exact: true })
      .fill('Triển khai Kế hoạch cải cách hành chính năm 2026');
    await page.getByLabel('Chuyên mục').click();
    await dropdownOption(page, 'Cải cách hành chính').click();
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Nội dung' }).fill('UBND xã ban hành Kế hoạch CCHC năm 2026.');

    // One Vietnamese button each; the browser's own file inputs stay hidden.
    await page.getByRole('button', { name: 'Chọn ảnh đại diện' }).waitFor();
    expect(await page.getByText(/Choose Files|No file chosen/).count()).toBe(0);
    await page
      .locator('input[type=file][accept^="image/"]')
      .last()
      .setInputFiles({
        name: 'hoi-nghi.png',
        mimeType: 'image/png',
        buffer: pngImage(1200, 800, [30, 110, 60]),
      });
    await page.getByRole('button', { name: 'Đổi ảnh đại diện' }).waitFor();
    await page.getByLabel('Mô tả ảnh đại diện').fill('Hội nghị triển khai kế hoạch');
    await page.locator('input[type=file][accept=".pdf,.doc,.docx,.xls,.xlsx"]').setInputFiles({
      name: 'Kế hoạch CCHC năm 2026.pdf',
      mimeType: 'application/pdf',
      buffer: pdfDocument(),
    });
    await page.getByRole('link', { name: 'Kế hoạch CCHC năm 2026.pdf' }).waitFor();
    expect(await page.getByRole('button', { name: 'Bỏ tệp Kế hoạch CCHC năm 2026.pdf' }).isVisible()).toBe(
      true,
    );
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.waitForURL(/\/admin\/tin-bai\/[0-9a-f-]{36}$/);
    await page.locator('.ant-tag', { hasText: 'Bản nháp' }).waitFor();
    // After saving, the form shows the api's small thumbnail.
    await page.locator('img[src^="/media/thumbs/"]').waitFor();
    await screenshot(page, 'tin-bai-anh-dai-dien-tep-dinh-kem');
    const id = /tin-bai\/([0-9a-f-]{36})$/.exec(page.url())![1];
    await writer.close();

    for (const step of ['submit', 'approve', 'publish']) {
      const res = await api.request('POST', `/api/v1/articles/${id}/${step}`, { token: admin, body: {} });
      expect(res.status).toBe(200);
    }
    const article = (await api.request('GET', `/api/v1/articles/${id}`, { token: admin })).body;

    const reader = await newPage(browser, PHONE);
    await reader.page.goto(`${api.baseUrl}/site/${unit.slug}/`);
    const thumb = reader.page.locator('li.thumb img').first();
    await thumb.waitFor();
    expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
    // Nothing sideways on a 360 px phone.
    expect(await reader.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(reader.page, 'cong-danh-sach-anh-thu-nho');

    await reader.page.goto(`${api.baseUrl}${article.url}`);
    const link = reader.page.getByRole('link', { name: 'Kế hoạch CCHC năm 2026.pdf' });
    await link.waitFor();
    expect(await reader.page.getByRole('img', { name: 'Hội nghị triển khai kế hoạch' }).isVisible()).toBe(
      true,
    );
    const [download] = await Promise.all([reader.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Kế hoạch CCHC năm 2026.pdf');
    await screenshot(reader.page, 'cong-bai-viet-tep-dinh-kem');
    await reader.context.close();
  });
});
