/// <reference lib="dom" />
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { browserStage } from '../support/admin-stage';
import { screenshot, unnamedControls } from '../support/browser';
import { createUnit } from '../support/factories';

// The month's sổ nhật ký phát sóng on screen, printed for the leader's signature and taken as XLSX; an old paper
// logbook checked, then imported.

const stage = browserStage();
const { url, signIn } = stage;
const suffix = (): string => randomBytes(4).toString('hex');

describe('The airing logbook in a browser', () => {
  it('shows the month, prints with the signature block, downloads XLSX, and imports an old logbook after a check', async () => {
    const unit = await createUnit(stage.api, stage.adminToken, {
      name: 'UBND xã Sổ Phát',
      settings: { signerTitle: 'CHỦ TỊCH', signerName: 'Lò Văn Ký', placeName: 'Sổ Phát' },
    });
    const username = `vanhanh.${suffix()}`;
    const password = `mat-khau-${suffix()}`;
    expect(
      (
        await stage.api.request('POST', '/api/v1/users', {
          token: stage.adminToken,
          body: {
            username,
            password,
            fullName: 'Hà Thị Vận Hành',
            memberships: [{ unitId: unit.id, role: 'operator' }],
          },
        })
      ).status,
    ).toBe(201);
    const station = (
      await stage.api.request('GET', `/api/v1/units/${unit.id}/stations`, { token: stage.adminToken })
    ).body[0].id;
    const month = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
    // Within this Vietnamese month whatever the hour the test runs (the page opens on the current month).
    const monthStart = Date.parse(`${month}-01T00:00:00+07:00`);
    const startedAt = new Date(Math.max(Date.now() - 5 * 60_000, monthStart));
    const relay = await stage.api.request('POST', '/api/v1/airings', {
      token: stage.adminToken,
      headers: { 'Idempotency-Key': `so-${suffix()}` },
      body: {
        stationId: station,
        kind: 'relay',
        sourceName: 'Thời sự VOV1',
        startedAt: startedAt.toISOString(),
        endedAt: new Date(startedAt.getTime() + 60_000).toISOString(),
        status: 'aired',
        method: 'operator',
      },
    });
    expect(relay.status).toBe(201);

    const { page, close } = await signIn(username, password);
    await page.goto(url('/phat-song/so-nhat-ky'));
    const row = page.locator('.ant-table-row', { hasText: 'Thời sự VOV1' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Đã phát');
    expect(await page.locator('.logbook-totals').innerText()).toContain('1 lượt tiếp âm');
    expect(await unnamedControls(page)).toEqual([]);

    // Printed: the menus and controls go, the title and the signature block come.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'In sổ' }).isVisible()).toBe(false);
    expect(await page.locator('.logbook-heading').innerText()).toContain('SỔ NHẬT KÝ PHÁT SÓNG');
    const signature = await page.locator('.logbook-signature').innerText();
    expect(signature).toContain('CHỦ TỊCH');
    expect(signature).toContain('Lò Văn Ký');
    expect(signature).toMatch(/Sổ Phát, ngày \d{2} tháng \d{2} năm \d{4}/);
    await screenshot(page, 'so-nhat-ky-ban-in');
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải XLSX' }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const cells = book.worksheets[0].getSheetValues().flat().map(String).join(' ');
    expect(cells).toContain('Thời sự VOV1');
    expect(download.suggestedFilename()).toMatch(new RegExp(`${month}.*\\.xlsx$`));

    // An old paper logbook: one good line, one impossible time. Checked first (nothing written), then imported.
    const sheet = new ExcelJS.Workbook();
    const ws = sheet.addWorksheet('Sổ');
    ws.addRow([
      'Ngày',
      'Giờ bắt đầu',
      'Giờ kết thúc',
      'Nội dung',
      'Loại',
      'Nguồn tiếp âm',
      'Chuyên mục',
      'Kết quả',
      'Ghi chú',
    ]);
    ws.addRow([
      '04/03/2025',
      '16:45',
      '16:55',
      'Tuyên truyền nộp hồ sơ trực tuyến',
      'bản tin',
      '',
      '',
      'đã phát',
      '',
    ]);
    ws.addRow(['05/03/2025', '25:70', '16:55', 'Dòng sai giờ', 'bản tin', '', '', 'đã phát', '']);
    const bytes = Buffer.from(await sheet.xlsx.writeBuffer());
    await page.locator('input[type=file]').setInputFiles({
      name: 'so-cu.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bytes,
    });
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByText('Kiểm tra xong (chưa ghi gì): 1 lượt phát sẽ được ghi').waitFor();
    expect(
      (await page.locator('.ant-table-row', { hasText: '25:70' }).count()) +
        (await page.getByText('Giờ bắt đầu').count()),
    ).toBeGreaterThan(0);
    const before = (
      await stage.api.request('GET', `/api/v1/airings?stationId=${station}&from=2025-03-01&to=2025-03-31`, {
        token: stage.adminToken,
      })
    ).body.total;
    expect(before).toBe(0);
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await page.getByText('Đã nhập: 1 lượt phát được ghi').waitFor();
    const after = (
      await stage.api.request('GET', `/api/v1/airings?stationId=${station}&from=2025-03-01&to=2025-03-31`, {
        token: stage.adminToken,
      })
    ).body;
    expect(after.items.map((a: { title: string; method: string }) => [a.title, a.method])).toEqual([
      ['Tuyên truyền nộp hồ sơ trực tuyến', 'import'],
    ]);
    await close();
  });
});
