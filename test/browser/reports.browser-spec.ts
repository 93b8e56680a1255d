/// <reference lib="dom" />
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { browserStage } from '../support/admin-stage';
import { dropdownOption, SCREENSHOT_DIR, screenshot, unnamedControls } from '../support/browser';
import { createUnit, publishArticle } from '../support/factories';

// A report writer's year: the home screen's to-dos and counts (equal to the summary), the figures opened as
// their evidence rows, an activity and a plan typed in, the annual report written, previewed and downloaded
// as .docx, then turned into PDF by LibreOffice (its first two pages kept as screenshots), and the evidence
// log read by name.

const stage = browserStage();
const { url, signIn } = stage;
const suffix = (): string => randomBytes(4).toString('hex');
const year = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()),
);

/** LibreOffice headless, where the browser-test stage has it (.ci/run installs it when missing). */
function soffice(): string | null {
  for (const path of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) {
    if (existsSync(path)) {
      return path;
    }
  }
  return null;
}

describe('Reports in a browser', () => {
  it('shows the year at a glance, opens a figure as its rows, writes and downloads the annual report', async () => {
    const unit = await createUnit(stage.api, stage.adminToken, {
      name: 'UBND xã Tân Kỳ Báo Cáo',
      settings: { signerTitle: 'PHÓ CHỦ TỊCH', signerName: 'Vũ Văn Khanh', placeName: 'Tân Kỳ' },
    });
    const username = `baocao.${suffix()}`;
    const password = `mat-khau-${suffix()}`;
    const created = await stage.api.request('POST', '/api/v1/users', {
      token: stage.adminToken,
      body: {
        username,
        password,
        fullName: 'Đỗ Thị Báo Cáo',
        memberships: [{ unitId: unit.id, role: 'reporter' }],
      },
    });
    expect(created.status).toBe(201);
    await publishArticle(stage.api, stage.adminToken, unit.id, {
      title: 'Hướng dẫn nộp hồ sơ khai sinh trực tuyến',
      categorySlug: 'cai-cach-hanh-chinh',
    });
    await publishArticle(stage.api, stage.adminToken, unit.id, {
      title: 'Ra quân làm sạch đường làng',
      categorySlug: 'tin-hoat-dong',
    });
    const station = (
      await stage.api.request('GET', `/api/v1/units/${unit.id}/stations`, { token: stage.adminToken })
    ).body[0].id;
    const startedAt = new Date(Date.now() - 3_600_000);
    const aired = await stage.api.request('POST', '/api/v1/airings', {
      token: stage.adminToken,
      headers: { 'Idempotency-Key': `bc-${suffix()}` },
      body: {
        stationId: station,
        kind: 'programme',
        title: 'Bản tin cải cách hành chính',
        startedAt: startedAt.toISOString(),
        endedAt: new Date(startedAt.getTime() + 5 * 60_000).toISOString(),
        status: 'aired',
        method: 'operator',
      },
    });
    expect(aired.status).toBe(201);
    const summary = (
      await stage.api.request(
        'GET',
        `/api/v1/reports/summary?unitId=${unit.id}&from=${year}-01-01&to=${year}-12-31`,
        { token: stage.adminToken },
      )
    ).body;
    expect(summary.portal.articlesPublished).toBe(2);

    const { page, close } = await signIn(username, password);
    // Home: this year's counts are the summary's, each a link; the chart has its numbers for screen readers.
    // Named by what they show, "Tin bài đã đăng: 2" (Chromium puts spaces around the words only a screen
    // reader gets, so the colon may stand apart).
    const figure = (name: string, value: number) =>
      page.getByRole('link', { name: new RegExp(`^${name}\\s*:\\s*${value}$`) });
    await figure('Tin bài đã đăng', summary.portal.articlesPublished).waitFor();
    expect(await figure('Lượt phát sóng', summary.radio.airings).count()).toBe(1);
    expect(await page.locator('table.visually-hidden tbody tr').count()).toBe(12);
    expect(await page.getByText('Việc cần làm').count()).toBe(1);
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, 'tong-quan-bao-cao');

    // The figures, and the rows behind one of them.
    await page.goto(url('/bao-cao/so-lieu'));
    const articles = page.getByRole('button', {
      name: /^Tin bài đăng trên cổng thông tin\s*:\s*2\s*\. Xem các dòng chứng cứ$/,
    });
    await articles.waitFor();
    expect(await page.getByRole('button', { name: /^Lượt phát sóng\s*:\s*1\s*\./ }).count()).toBe(1);
    await articles.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('link', { name: 'Ra quân làm sạch đường làng' }).waitFor();
    expect(await drawer.getByRole('link', { name: 'Hướng dẫn nộp hồ sơ khai sinh trực tuyến' }).count()).toBe(
      1,
    );
    expect(await drawer.innerText()).toContain('2 dòng');
    await screenshot(page, 'so-lieu-bao-cao-chi-tiet');
    await page.keyboard.press('Escape');
    expect(await unnamedControls(page)).toEqual([]);

    // An activity and a plan with its target, evaluated from the counts.
    await page.goto(url('/bao-cao/hoat-dong'));
    await page.getByLabel('Số lượng').fill('2500');
    await page.getByLabel('Loại hoạt động').click();
    await dropdownOption(page, 'Lượt người được hướng dẫn tại bộ phận một cửa').click();
    await page.getByRole('button', { name: 'Thêm hoạt động' }).click();
    await page.getByRole('cell', { name: '2.500' }).waitFor();
    // A cleared date says what to type, in Vietnamese.
    const activityDate = page.getByLabel('Ngày', { exact: true });
    expect(await activityDate.getAttribute('placeholder')).toBe('ngày/tháng/năm');
    await page.getByRole('button', { name: 'Thêm kế hoạch' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Số kế hoạch').fill('59/KH-UBND');
    await modal.getByLabel('Nhiệm vụ 1').fill('Đăng tin bài tuyên truyền CCHC trên cổng thông tin');
    await modal.getByLabel('Chỉ tiêu').fill('1');
    await modal.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.getByText('Đạt', { exact: true }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, 'hoat-dong-ke-hoach');

    // The annual report: a written part saved, the preview, the .docx.
    await page.goto(url('/bao-cao/bao-cao-nam'));
    const direction = page.getByLabel('I. Công tác chỉ đạo, điều hành');
    await direction.waitFor();
    await direction.fill(
      `Ngày 10/01/${year}, UBND xã tổ chức Hội nghị triển khai Kế hoạch tuyên truyền năm ${year}.`,
    );
    await page.getByRole('button', { name: 'Lưu nội dung' }).click();
    await page.getByText('Đã lưu nội dung báo cáo').waitFor();
    await page.getByLabel('Số báo cáo').fill('125');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByRole('article', { name: 'Xem trước báo cáo' });
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).toContain('Số: 125/BC-UBND');
    expect(text).toContain('đã đăng tải 2 tin bài, trong đó 1 tin bài tuyên truyền về cải cách hành chính');
    expect(text).toContain('hướng dẫn, tuyên truyền trực tiếp cho 2.500 lượt người');
    expect(text).toContain('Thực hiện Kế hoạch số 59/KH-UBND');
    expect(text).toContain(`Hội nghị triển khai Kế hoạch tuyên truyền năm ${year}`);
    expect(text).toContain('KT. CHỦ TỊCH');
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, 'bao-cao-nam-xem-truoc');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`bao-cao-tuyen-truyen-cchc-${year}.*\\.docx$`));
    const docx = await download.path();
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('đã đăng tải 2 tin bài');

    // LibreOffice turns it into PDF; its first two pages are kept as screenshots for a reviewer.
    const office = soffice();
    expect(office).not.toBeNull();
    const work = join(tmpdir(), `bao-cao-${suffix()}`);
    mkdirSync(work, { recursive: true });
    const input = join(work, 'bao-cao.docx');
    renameSync(docx, input);
    const converted = spawnSync(office!, ['--headless', '--convert-to', 'pdf', '--outdir', work, input], {
      env: { ...process.env, HOME: work },
      timeout: 120_000,
    });
    expect(converted.status).toBe(0);
    const pdf = join(work, 'bao-cao.pdf');
    expect(existsSync(pdf)).toBe(true);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      '1',
      '-l',
      '2',
      pdf,
      join(SCREENSHOT_DIR, 'bao-cao-nam-docx-trang'),
    ]);
    const pages = readdirSync(SCREENSHOT_DIR).filter((f) => f.startsWith('bao-cao-nam-docx-trang'));
    expect(pages.length).toBe(2);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pdfText).toContain('ĐÁNH GIÁ MỨC ĐỘ THỰC HIỆN CÁC NHIỆM VỤ');
    rmSync(work, { recursive: true, force: true });

    // The evidence log, read by name: what, who, a link to it, and the hashes behind "Chi tiết".
    await page.goto(url('/bao-cao/chung-cu'));
    // Date fields speak Vietnamese everywhere (one locale for the app, not per screen).
    await page.getByPlaceholder('Từ ngày').waitFor();
    expect(await page.getByPlaceholder('Đến ngày').count()).toBe(1);
    const row = page.locator('.ant-table-row', { hasText: 'Ra quân làm sạch đường làng' });
    await row.waitFor();
    expect(await row.getByRole('link', { name: 'Ra quân làm sạch đường làng' }).count()).toBe(1);
    expect(await row.innerText()).toContain('Đăng tin bài');
    expect(await row.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await row.getByRole('button', { name: 'Chi tiết' }).click();
    await page.getByText('Mã băm nội dung', { exact: true }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, 'nhat-ky-chung-cu');
    await close();
  });
});
