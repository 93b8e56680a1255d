/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { adminStageWithWorker } from '../support/admin-stage';
import { dropdownOption, PHONE, screenshot, unnamedControls } from '../support/browser';
import { pdfDocument } from '../support/documents';
import { createUnit, createUser } from '../support/factories';

// The TTHC screens as people use them: an editor imports a file through the wizard (its jobs run in a
// real worker), keeps procedures up to date in the form, an approver publishes and abolishes. Each test
// makes its own unit and people.

const stage = adminStageWithWorker();
const { url, signIn } = stage;

const option = dropdownOption;

/** The message antd shows under the form field whose input has this id. */
function fieldError(page: Page, inputId: string): Locator {
  return page
    .locator('.ant-form-item', { has: page.locator(`#${inputId}`) })
    .locator('.ant-form-item-explain-error');
}

async function procedureOf(token: string, id: string): Promise<any> {
  const res = await stage.api.request('GET', `/api/v1/procedures/${id}`, { token });
  expect(res.status).toBe(200);
  return res.body;
}

async function team(name: string) {
  const unit = await createUnit(stage.api, stage.adminToken, { name });
  const editor = await createUser(stage.api, stage.adminToken, [{ unitId: unit.id, role: 'editor' }]);
  const approver = await createUser(stage.api, stage.adminToken, [{ unitId: unit.id, role: 'approver' }]);
  return { unit, editor, approver, editorToken: await stage.api.login(editor.username, editor.password) };
}

describe('Procedures (TTHC) in a browser', () => {
  it('an editor imports a CSV through the wizard: dry-run rows, an error naming its field, confirm, result', async () => {
    const { unit, editor, editorToken } = await team('UBND xã Tân Lập');
    const csv = [
      'Mã TTHC,Tên thủ tục,Lĩnh vực,Trình tự thực hiện,Thành phần hồ sơ,Mức độ dịch vụ công trực tuyến,Ngày quyết định công bố,Trạng thái',
      '2.000001,Thủ tục đăng ký khai sinh,Hộ tịch,"Bước 1: Nộp hồ sơ\nBước 2: Nhận kết quả","Trường hợp 1: Đúng hạn\n- Tờ khai đăng ký khai sinh (bản chính: 1)\nTrường hợp 2: Trẻ bị bỏ rơi\n- Biên bản xác nhận (bản chính: 1)",Toàn trình,15/03/2024,Còn hiệu lực',
      '2.000002,Thủ tục đăng ký kết hôn,Hộ tịch,Bước 1: Nộp hồ sơ,- Tờ khai đăng ký kết hôn (bản chính: 1),Một phần,15/03/2024,Còn hiệu lực',
      '2.000003,Thủ tục chứng thực chữ ký,Chứng thực,Bước 1: Nộp hồ sơ,- Giấy tờ cần chứng thực,,31/02/2024,Còn hiệu lực',
    ].join('\r\n');

    const writer = await signIn(editor.username, editor.password);
    const { page } = writer;
    await page.getByRole('menuitem', { name: 'Nhập từ tệp' }).click();
    await page.getByRole('button', { name: 'Tải tệp mẫu Excel' }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    // The template, downloaded with the person's token.
    const template = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải tệp mẫu CSV' }).click();
    expect((await template).suggestedFilename()).toMatch(/\.csv$/);
    expect(readFileSync(await (await template).path(), 'utf8')).toMatch(
      /^\uFEFF?"Mã TTHC","Tên thủ tục","Lĩnh vực"/,
    );

    // A file of the wrong kind is refused under the file field before anything is sent.
    await page.locator('input[type=file]').setInputFiles({
      name: 'thu-tuc.xls',
      mimeType: 'application/vnd.ms-excel',
      buffer: Buffer.from('not really excel'),
    });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByText('Tệp .xls (Excel cũ) không đọc được', { exact: false }).waitFor();

    // A file the api cannot read as a whole: its reason under the file field too.
    await page.locator('input[type=file]').setInputFiles({
      name: 'danh-sach.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Tên,Ghi chú\r\nThủ tục A,không có mã\r\n', 'utf8'),
    });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page
      .locator('.ant-form-item', { hasText: 'Tệp thủ tục' })
      .locator('.ant-form-item-explain-error', { hasText: 'Thiếu cột bắt buộc: "Mã TTHC"' })
      .waitFor();

    await page.locator('input[type=file]').setInputFiles({
      name: 'thu-tuc-tan-lap.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();

    // The dry run: what each row would do, and the bad row naming its row and field.
    await page.getByText('Xem trước: thu-tuc-tan-lap.csv').waitFor({ timeout: 30_000 });
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(3);
    const created = page.locator('.ant-table-tbody tr', { hasText: '2.000001' });
    expect(await created.locator('.ant-tag').innerText()).toBe('Thêm mới');
    expect(
      await page.locator('.ant-table-tbody tr', { hasText: '2.000002' }).locator('.ant-tag').innerText(),
    ).toBe('Thêm mới');
    const bad = page.locator('.ant-table-tbody tr', { hasText: '2.000003' });
    expect(await bad.locator('.ant-tag').innerText()).toBe('Lỗi');
    expect(await bad.locator('td').first().innerText()).toBe('4');
    expect(await bad.innerText()).toContain('Ngày quyết định công bố');
    expect(await bad.innerText()).toContain('31/02/2024');
    // Nothing is written by the dry run.
    const before = await stage.api.request('GET', `/api/v1/units/${unit.id}/procedures`, {
      token: editorToken,
    });
    expect(before.body.total).toBe(0);
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, 'thu-tuc-nhap-xem-truoc');

    // Confirm: a second job imports the same file; the screen shows its progress, then the result.
    await page.evaluate(() => {
      const seen = window as unknown as { sawProgress?: boolean };
      const look = () => {
        if (document.querySelector('.ant-progress') && document.body.innerText.includes('Đang nhập tệp')) {
          seen.sawProgress = true;
        }
      };
      new MutationObserver(look).observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    await page.getByRole('button', { name: 'Xác nhận nhập 2 thủ tục' }).click();
    await page.getByText('Đã nhập xong tệp thu-tuc-tan-lap.csv').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { sawProgress?: boolean }).sawProgress)).toBe(
      true,
    );
    expect(await page.locator('.ant-steps-item-process').innerText()).toContain('Kết quả');
    const stat = (title: string) =>
      page.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content-value');
    expect(await stat('Đã thêm mới').innerText()).toBe('2');
    expect(await stat('Dòng lỗi').innerText()).toBe('1');
    // Imported procedures are not public yet, and the page says so; an editor is told who publishes them.
    const notPublic = (
      await stage.api.request('GET', `/api/v1/units/${unit.id}/procedures?published=false&pageSize=1`, {
        token: editorToken,
      })
    ).body.total as number;
    expect(notPublic).toBeGreaterThanOrEqual(2);
    const warning = page.getByRole('alert').filter({ hasText: 'thủ tục chưa công khai' });
    await warning.waitFor();
    expect(await warning.innerText()).toContain(
      `${notPublic} thủ tục chưa công khai: người dân chưa thấy trên cổng thông tin.`,
    );
    expect(await warning.innerText()).toContain('Người có quyền đăng');
    expect(await warning.getByRole('button', { name: 'Đăng tất cả' }).count()).toBe(0);
    await screenshot(page, 'thu-tuc-nhap-ket-qua');
    const after = await stage.api.request('GET', `/api/v1/units/${unit.id}/procedures`, {
      token: editorToken,
    });
    expect(after.body.items.map((p: { code: string }) => p.code).sort()).toEqual(['2.000001', '2.000002']);
    const birth = after.body.items.find((p: { code: string }) => p.code === '2.000001');
    expect(birth.dossier).toHaveLength(2);

    // The report of the import, as a CSV file.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải báo cáo (CSV)' }).click();
    const report = readFileSync(await (await download).path(), 'utf8');
    // Every field quoted: Excel with ";" as its list separator can neither split a cell nor run one.
    expect(report).toMatch(/^\uFEFF"Dòng","Mã TTHC"/);
    expect(report).toMatch(
      /"4","2\.000003","Thủ tục chứng thực chữ ký","Lỗi","","Ngày quyết định công bố","/,
    );

    // The job is in the address: opened again (here on a 360-pixel phone) it shows the same result, fitting the width.
    const resultUrl = page.url();
    expect(resultUrl).toMatch(/\/thu-tuc\/nhap-tu-tep\?job=[0-9a-f-]{36}$/);
    const phone = await signIn(editor.username, editor.password, PHONE);
    await phone.page.goto(resultUrl);
    await phone.page.getByText('Đã nhập xong tệp thu-tuc-tan-lap.csv').waitFor();
    expect(
      await phone.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await screenshot(phone.page, 'thu-tuc-nhap-dien-thoai');
    await phone.close();

    // The list shows what was imported.
    await page.getByRole('button', { name: 'Xem danh sách thủ tục' }).click();
    await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).waitFor();
    expect(await page.getByRole('row', { name: /2\.000001/ }).innerText()).toMatch(
      /Còn hiệu lực[\s\S]*Toàn trình/,
    );
    await writer.close();
  });

  it('an editor edits cases and the replacement, sees conflicts and field errors; an approver publishes and abolishes', async () => {
    const { unit, editor, approver, editorToken } = await team('UBND xã Phú Thọ');
    const create = async (body: Record<string, unknown>) => {
      const res = await stage.api.request('POST', `/api/v1/units/${unit.id}/procedures`, {
        token: editorToken,
        body,
      });
      expect(res.status).toBe(201);
      return res.body as { id: string; code: string; name: string };
    };
    const birth = await create({
      code: '3.000001',
      name: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      onlineLevel: 'full',
      steps: [{ case: null, items: ['Nộp hồ sơ', 'Nhận kết quả'] }],
      dossier: [
        { case: 'Đúng hạn', items: [{ name: 'Tờ khai', form: null, originals: 1, copies: 0 }] },
        { case: 'Bỏ rơi', items: [{ name: 'Biên bản', form: null, originals: 1, copies: 0 }] },
      ],
      decisionNumber: '1234/QĐ-UBND',
      decisionDate: '2024-03-15',
    });
    const marriage = await create({ code: '3.000002', name: 'Thủ tục đăng ký kết hôn', field: 'Hộ tịch' });
    const copy = await create({ code: '3.000003', name: 'Thủ tục chứng thực bản sao', field: 'Chứng thực' });

    const writer = await signIn(editor.username, editor.password);
    const { page } = writer;
    await page.getByRole('menuitem', { name: 'Danh sách thủ tục' }).click();
    await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).waitFor();
    expect(await page.getByRole('button', { name: 'Đăng tất cả' }).count()).toBe(0);
    expect(await page.getByRole('row', { name: /3\.000001/ }).innerText()).toMatch(
      /Còn hiệu lực[\s\S]*Toàn trình[\s\S]*Chưa đăng/,
    );
    expect(await unnamedControls(page)).toEqual([]);
    // Search without accents.
    await page.getByLabel('Tìm thủ tục').fill('ket hon');
    await page.getByLabel('Tìm thủ tục').press('Enter');
    await page.getByText('1 thủ tục', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Thủ tục đăng ký kết hôn' }).count()).toBe(1);
    // The export takes the list's filters.
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất CSV' }).click();
    expect((await exported).suggestedFilename()).toMatch(/^thu-tuc-hanh-chinh-.*\.csv$/);
    const sheet = readFileSync(await (await exported).path(), 'utf8');
    expect(sheet).toContain('Thủ tục đăng ký kết hôn');
    expect(sheet).not.toContain('Thủ tục đăng ký khai sinh');
    await page.getByLabel('Tìm thủ tục').fill('');
    await page.getByLabel('Tìm thủ tục').press('Enter');
    await page.getByText('3 thủ tục', { exact: true }).waitFor();
    await screenshot(page, 'thu-tuc-danh-sach');

    // Edit the cases of one procedure.
    await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();
    await page.waitForURL(url(`/thu-tuc/${birth.id}`));
    expect(await page.locator('#dossier_1_case').inputValue()).toBe('Bỏ rơi');
    expect(await page.getByLabel('Ngày quyết định').inputValue()).toBe('15/03/2024');
    // Enter in the date picker picks the typed date and saves nothing: it used to save the whole form,
    // and what was typed right after was lost (issue 13 A17).
    const date = page.getByLabel('Ngày quyết định');
    expect(await date.getAttribute('placeholder')).toBe('ngày/tháng/năm');
    await date.click();
    await date.fill('20/03/2024');
    await date.press('Enter');
    await page.getByLabel('Thời hạn giải quyết chung', { exact: true }).fill('Ngay trong ngày làm việc');
    await page.waitForTimeout(500);
    expect(await page.locator('.ant-message', { hasText: 'Đã lưu thủ tục' }).count()).toBe(0);
    expect((await procedureOf(editorToken, birth.id)).version).toBe(1);
    await page.locator('#dossier_1_case').fill('Trẻ bị bỏ rơi');
    const dossier = page.getByRole('region', { name: 'Thành phần hồ sơ' });
    await dossier
      .locator('.ant-card-type-inner')
      .nth(1)
      .getByRole('button', { name: 'Thêm giấy tờ' })
      .click();
    await page
      .getByLabel('Tên giấy tờ (trường hợp 2, giấy tờ 2)')
      .fill('Giấy tờ tùy thân của người đi khai sinh');
    await page.getByLabel('Số bản sao (trường hợp 2, giấy tờ 2)').fill('1');
    const steps = page.getByRole('region', { name: 'Trình tự thực hiện' });
    await steps.getByRole('button', { name: 'Thêm trường hợp khác' }).click();
    await page.locator('#steps_1_case').fill('Đăng ký quá hạn');
    await page.getByLabel('Trường hợp 2, bước 1').fill('Nộp hồ sơ kèm văn bản cam đoan');
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, 'thu-tuc-sua');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.locator('.ant-message', { hasText: 'Đã lưu thủ tục' }).last().waitFor();
    const saved = await procedureOf(editorToken, birth.id);
    expect(saved.version).toBe(2);
    expect(saved.dossier[1]).toEqual({
      case: 'Trẻ bị bỏ rơi',
      items: [
        { name: 'Biên bản', form: null, originals: 1, copies: 0, forms: [] },
        { name: 'Giấy tờ tùy thân của người đi khai sinh', form: null, originals: 1, copies: 1, forms: [] },
      ],
    });
    expect(saved.steps).toEqual([
      { case: null, items: ['Nộp hồ sơ', 'Nhận kết quả'] },
      { case: 'Đăng ký quá hạn', items: ['Nộp hồ sơ kèm văn bản cam đoan'] },
    ]);
    expect(saved.decisionDate).toBe('2024-03-20');
    expect(saved.timeLimit).toBe('Ngay trong ngày làm việc');

    // The history names what changed.
    await page.getByRole('button', { name: 'Lịch sử thay đổi' }).click();
    const history = page.getByRole('dialog', { name: 'Lịch sử thay đổi' });
    await history.getByText('Phiên bản 2: Sửa').waitFor();
    expect(await history.innerText()).toContain('Đã thay đổi: Trình tự thực hiện, Thành phần hồ sơ');
    await history.getByRole('button', { name: 'Đóng' }).click();

    // Someone else saves meanwhile: a clear conflict, the input kept, then the latest version loaded.
    const other = await stage.api.request('PATCH', `/api/v1/procedures/${birth.id}`, {
      token: editorToken,
      body: { version: 2, fees: 'Miễn lệ phí' },
    });
    expect(other.status).toBe(200);
    await page.getByLabel('Thời hạn giải quyết chung', { exact: true }).fill('Trong ngày');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'vừa được người khác thay đổi' });
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('phiên bản hiện tại 3');
    expect(await page.getByLabel('Thời hạn giải quyết chung', { exact: true }).inputValue()).toBe(
      'Trong ngày',
    );
    await conflict.getByRole('button', { name: 'Tải bản mới nhất' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Phí, lệ phí chung', { exact: true }).inputValue()).toBe('Miễn lệ phí');
    expect(await page.getByLabel('Thời hạn giải quyết chung', { exact: true }).inputValue()).toBe(
      'Ngay trong ngày làm việc',
    );

    // Replaced: chosen with the procedure picker.
    await page.goto(url(`/thu-tuc/${copy.id}`));
    await page.getByLabel('Trạng thái', { exact: true }).click();
    await option(page, 'Bị thay thế').click();
    await page.getByLabel('Thủ tục thay thế').click();
    await page.getByLabel('Thủ tục thay thế').fill('khai sinh');
    await option(page, '3.000001 — Thủ tục đăng ký khai sinh').click();
    await page.getByLabel('Lý do thay thế').fill('Thay thế theo Quyết định số 99/QĐ-UBND');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.locator('.ant-message', { hasText: 'Đã lưu thủ tục' }).last().waitFor();
    const replaced = await procedureOf(editorToken, copy.id);
    expect(replaced).toMatchObject({
      status: 'replaced',
      replacedById: birth.id,
      statusReason: 'Thay thế theo Quyết định số 99/QĐ-UBND',
    });

    // A code already in the catalogue: the api's message under the code field.
    await page.getByRole('menuitem', { name: 'Thêm thủ tục' }).click();
    await page.getByLabel('Mã TTHC').fill('3.000002');
    await page.getByLabel('Tên thủ tục').fill('Thủ tục trùng mã');
    await page.getByLabel('Lĩnh vực').fill('Hộ tịch');
    await page.getByRole('button', { name: 'Thêm thủ tục' }).click();
    expect(await fieldError(page, 'code').innerText()).toContain('đã có trong danh mục');
    await writer.close();

    // The approver publishes one procedure and abolishes another with a reason.
    const boss = await signIn(approver.username, approver.password);
    await boss.page.getByRole('menuitem', { name: 'Danh sách thủ tục' }).click();
    await boss.page.getByRole('button', { name: 'Đăng tất cả' }).waitFor();
    await boss.page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();
    await boss.page.getByRole('button', { name: 'Đăng lên cổng' }).click();
    await boss.page.getByRole('dialog').getByRole('button', { name: 'Đăng', exact: true }).click();
    await boss.page.getByText(/^Đăng ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
    expect(await boss.page.getByRole('button', { name: 'Đăng lên cổng' }).count()).toBe(0);
    expect((await procedureOf(editorToken, birth.id)).publishedAt).not.toBeNull();

    await boss.page.goto(url(`/thu-tuc/${marriage.id}`));
    await boss.page.getByRole('button', { name: 'Bãi bỏ' }).click();
    const dialog = boss.page.getByRole('dialog', { name: 'Bãi bỏ thủ tục hành chính' });
    // No reason, no abolition.
    expect(await dialog.getByRole('button', { name: 'Bãi bỏ' }).isDisabled()).toBe(true);
    expect(await unnamedControls(boss.page)).toEqual([]);
    await dialog.getByLabel('Lý do bãi bỏ').fill('Bãi bỏ theo Quyết định số 456/QĐ-UBND');
    await dialog.getByRole('button', { name: 'Bãi bỏ' }).click();
    await boss.page.locator('.ant-alert', { hasText: 'Lý do bãi bỏ' }).waitFor();
    expect(await boss.page.locator('.ant-alert', { hasText: 'Lý do bãi bỏ' }).innerText()).toContain(
      'Bãi bỏ theo Quyết định số 456/QĐ-UBND',
    );
    expect(await boss.page.locator('.ant-tag', { hasText: 'Bãi bỏ' }).count()).toBe(1);
    const abolished = await procedureOf(editorToken, marriage.id);
    expect(abolished).toMatchObject({
      status: 'abolished',
      statusReason: 'Bãi bỏ theo Quyết định số 456/QĐ-UBND',
    });

    // "Đăng tất cả" publishes what is in force and not yet public: here only a newly added one.
    const latest = await create({ code: '3.000004', name: 'Thủ tục đăng ký thường trú', field: 'Cư trú' });
    await boss.page.getByRole('menuitem', { name: 'Danh sách thủ tục' }).click();
    await boss.page.getByRole('button', { name: 'Đăng tất cả' }).click();
    await boss.page.getByRole('dialog').getByRole('button', { name: 'Đăng tất cả' }).click();
    await boss.page.locator('.ant-message', { hasText: 'Đã đăng 1 thủ tục lên cổng thông tin' }).waitFor();
    expect((await procedureOf(editorToken, latest.id)).publishedAt).not.toBeNull();
    expect((await procedureOf(editorToken, marriage.id)).publishedAt).toBeNull();

    // The list filtered by status shows the abolished one, with its Vietnamese status.
    await boss.page.getByLabel('Trạng thái').click();
    await option(boss.page, 'Bãi bỏ').click();
    await boss.page.getByText('1 thủ tục', { exact: true }).waitFor();
    expect(await boss.page.getByRole('row', { name: /3\.000002/ }).innerText()).toContain('Bãi bỏ');
    await screenshot(boss.page, 'thu-tuc-bai-bo');
    await boss.close();

    // On a 360-pixel phone the list and the form fit the width (the table scrolls inside itself).
    const phone = await signIn(approver.username, approver.password, PHONE);
    for (const path of ['/thu-tuc', `/thu-tuc/${birth.id}`]) {
      await phone.page.goto(url(path));
      await phone.page.getByText('Thủ tục đăng ký khai sinh').first().waitFor();
      const overflow = await phone.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await screenshot(phone.page, 'thu-tuc-dien-thoai');
    await phone.close();
  });

  it('an editor builds a procedure with buttons named for what is added, attaches a PDF form; citizens download it from the portal', async () => {
    const { unit, editor, approver, editorToken } = await team('UBND xã Mẫu Đơn');
    const writer = await signIn(editor.username, editor.password);
    const { page } = writer;
    await page.getByRole('menuitem', { name: 'Thêm thủ tục' }).click();
    await page.getByLabel('Mã TTHC').fill('4.000001');
    await page.getByLabel('Tên thủ tục').fill('Thủ tục đăng ký khai tử');
    await page.getByLabel('Lĩnh vực').fill('Hộ tịch');

    // Each empty list's button says what the person adds first; "trường hợp" only once there is one.
    const steps = page.getByRole('region', { name: 'Trình tự thực hiện' });
    expect(await steps.getByRole('button', { name: 'Thêm trường hợp', exact: false }).count()).toBe(0);
    await steps.getByRole('button', { name: 'Thêm bước thực hiện' }).click();
    await page.getByLabel('Trường hợp 1, bước 1').fill('Nộp tờ khai tại Bộ phận Một cửa');
    expect(await steps.getByRole('button', { name: 'Thêm trường hợp khác' }).count()).toBe(1);
    const methods = page.getByRole('region', { name: 'Cách thức thực hiện' });
    await methods.getByRole('button', { name: 'Thêm cách nộp hồ sơ' }).click();
    await methods.getByLabel('Hình thức nộp').fill('Trực tiếp');
    // A method's own time limit is asked only where it differs; the general one is shown as its hint.
    await page.getByLabel('Thời hạn giải quyết chung', { exact: true }).fill('Ngay trong ngày làm việc');
    await methods.getByPlaceholder('Chung: Ngay trong ngày làm việc').waitFor();
    expect(await methods.getByLabel('Thời hạn theo cách này (nếu khác)').getAttribute('placeholder')).toBe(
      'Chung: Ngay trong ngày làm việc',
    );
    const dossier = page.getByRole('region', { name: 'Thành phần hồ sơ' });
    await dossier.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    await page.getByLabel('Tên giấy tờ (trường hợp 1, giấy tờ 1)').fill('Tờ khai đăng ký khai tử');

    // The form file, chosen as a person does (the file chooser), uploaded and listed with its size.
    const pdf = pdfDocument('To khai dang ky khai tu');
    const chooser = page.waitForEvent('filechooser');
    await dossier
      .getByRole('button', { name: 'Đính kèm mẫu đơn, tờ khai (trường hợp 1, giấy tờ 1)' })
      .click();
    await (await chooser).setFiles({ name: 'Tờ khai khai tử.pdf', mimeType: 'application/pdf', buffer: pdf });
    const fileLink = dossier.getByRole('link', { name: 'Tờ khai khai tử.pdf' });
    await fileLink.waitFor();
    expect(await fileLink.locator('xpath=..').innerText()).toMatch(/^Tờ khai khai tử\.pdf\s*\(PDF, 1 KB\)$/);
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, 'thu-tuc-mau-don');
    await page.getByRole('button', { name: 'Thêm thủ tục' }).click();
    await page.waitForURL(/\/thu-tuc\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const saved = await procedureOf(editorToken, id);
    expect(saved.dossier).toEqual([
      {
        case: null,
        items: [
          {
            name: 'Tờ khai đăng ký khai tử',
            form: null,
            originals: 1,
            copies: 0,
            forms: [
              {
                url: expect.stringMatching(/^\/media\/files\/[0-9a-f]{64}\.pdf$/),
                name: 'Tờ khai khai tử.pdf',
                kind: 'pdf',
                bytes: pdf.length,
              },
            ],
          },
        ],
      },
    ]);
    expect(saved.steps).toEqual([{ case: null, items: ['Nộp tờ khai tại Bộ phận Một cửa'] }]);
    expect(saved.methods).toEqual([{ channel: 'Trực tiếp', timeLimit: '', fees: '', description: '' }]);
    // After saving, the file is still listed, and a second one can be removed again before saving.
    await dossier.getByRole('link', { name: 'Tờ khai khai tử.pdf' }).waitFor();
    await writer.close();

    // The approver publishes; a citizen opens the portal page and downloads the form under its name.
    const boss = await signIn(approver.username, approver.password);
    await boss.page.goto(url(`/thu-tuc/${id}`));
    await boss.page.getByRole('button', { name: 'Đăng lên cổng' }).click();
    await boss.page.getByRole('dialog').getByRole('button', { name: 'Đăng', exact: true }).click();
    await boss.page.getByText(/^Đăng ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
    await boss.page.goto(`${stage.api.baseUrl}/site/${unit.slug}/thu-tuc-hanh-chinh/4.000001`);
    const portalDossier = boss.page.getByRole('list', {
      name: 'Tải mẫu đơn, tờ khai: Tờ khai đăng ký khai tử',
    });
    expect(await portalDossier.innerText()).toBe('Tải mẫu: Tờ khai khai tử.pdf (PDF, 1 KB)');
    // What the form said: the general time limit for the method that gives none of its own.
    expect(await boss.page.locator('#cach-thuc + ul').innerText()).toContain(
      'Thời hạn giải quyết: Ngay trong ngày làm việc',
    );
    const download = boss.page.waitForEvent('download');
    await portalDossier.getByRole('link', { name: 'Tờ khai khai tử.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('Tờ khai khai tử.pdf');
    expect(readFileSync(await (await download).path()).equals(pdf)).toBe(true);
    await boss.close();
  });
});
