/// <reference lib="dom" />
import { JwtService } from '@nestjs/jwt';
import type { Browser, Locator, Page } from 'playwright-core';
import { ADMIN_PASSWORD, startApi, startApiWithGeneratedAdmin, TestApi } from '../support/api';
import {
  axeViolations,
  dropdownOption,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  unnamedControls,
} from '../support/browser';
import { createUnit, createUser } from '../support/factories';

// The admin app as people use it: the real api serving the built app, driven in Debian's chromium.
// Each test makes what it needs (through the api, or through the screen under test) and depends on no
// other test; screenshots go to test-output/screenshots/.

let api: TestApi;
let browser: Browser;
let adminToken: string;
/** A unit every test may use; tests that change people make their own. */
let unit: { id: string; name: string };

beforeAll(async () => {
  api = await startApi();
  browser = await launchBrowser();
  adminToken = await api.adminToken();
  unit = await createUnit(api, adminToken, { name: 'UBND xã Đông Sơn', settings: { placeName: 'Đông Sơn' } });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const url = (path: string): string => `${api.baseUrl}/admin${path}`;

/** The visible text of a locator once it shows up. */
async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor({ state: 'visible' });
  return (await locator.first().innerText()).trim();
}

async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Picks an option of an antd Select by its visible text. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await dropdownOption(page, option).click();
}

/** The menu's labels, without the badges that count what waits behind an entry. */
async function menuTexts(page: Page): Promise<string[]> {
  await page.getByRole('menuitem').first().waitFor();
  const texts = await page.getByRole('menuitem').evaluateAll((items) =>
    items.map((item) => {
      const copy = item.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.ant-badge').forEach((badge) => badge.remove());
      return copy.textContent ?? '';
    }),
  );
  return texts.map((t) => t.trim()).filter(Boolean);
}

/** The message antd shows under the form field whose input has this id. */
function fieldError(page: Page, inputId: string): Locator {
  return page
    .locator('.ant-form-item', { has: page.locator(`#${inputId}`) })
    .locator('.ant-form-item-explain-error');
}

async function createUnitThroughScreens(page: Page, name: string, code: string): Promise<string> {
  await page.goto(url('/quan-tri/don-vi/tao-moi'));
  await page.getByLabel('Tên đơn vị').fill(name);
  await page.getByLabel('Mã đơn vị').fill(code);
  await page.getByLabel('Chức danh người ký').fill('CHỦ TỊCH');
  await page.getByLabel('Số khung giờ tối đa mỗi ngày').fill('3');
  await page.getByRole('checkbox', { name: 'Chủ nhật' }).uncheck();
  await screenshot(page, `don-vi-tao-moi-${code}`);
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await page.waitForURL(url('/quan-tri/don-vi'));
  await page.getByRole('cell', { name, exact: true }).waitFor();
  const units = await api.request('GET', '/api/v1/units?pageSize=1000', { token: adminToken });
  const unit = units.body.items.find((u: { code: string }) => u.code === code);
  return unit.id as string;
}

/** Opens the app logged in; returns when the home screen shows. */
async function signedIn(username = 'admin', password = ADMIN_PASSWORD, options?: typeof PHONE) {
  const opened = await newPage(browser, options);
  await opened.page.goto(url('/dang-nhap'));
  await login(opened.page, username, password);
  await opened.page.getByRole('heading', { name: /Xin chào/ }).waitFor();
  return opened;
}

const EDITOR_MENU = [
  'Tổng quan',
  'Tin bài',
  'Danh sách tin bài',
  'Viết tin bài',
  'Thủ tục hành chính',
  'Danh sách thủ tục',
  'Thêm thủ tục',
  'Nhập từ tệp',
  'Âm thanh',
  'Bản tin âm thanh',
  'Tải chương trình lên',
  'Nhạc hiệu',
  'Từ điển cách đọc',
  'Phát sóng',
  'Đài và khung giờ',
  'Lịch phát sóng',
  'Sổ nhật ký phát sóng',
  'Tài khoản của tôi',
];

describe('Admin app in a browser', () => {
  it('redirects to the login screen, logs the administrator in, and shows the whole menu in Vietnamese', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${api.baseUrl}/`);
    await page.waitForURL(url('/dang-nhap'));
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByLabel('Tên đăng nhập').waitFor();
    await screenshot(page, 'dang-nhap');
    // Text, placeholders and links stand out from white at 4.5:1 (the theme's tokens, WCAG 2.1 AA).
    expect(await axeViolations(page, ['color-contrast'])).toEqual([]);

    // Nothing typed: each field says what it needs, as an alert beside it; nothing is sent.
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    expect(await page.getByRole('alert').allInnerTexts()).toEqual([
      'Hãy nhập tên đăng nhập',
      'Hãy nhập mật khẩu',
    ]);
    expect(await page.getByLabel('Tên đăng nhập').getAttribute('aria-invalid')).not.toBeNull();

    await login(page, 'admin', 'sai-mat-khau');
    expect(await textOf(page.getByRole('alert'))).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    // Typing cleared the field messages; only the api's answer is left.
    expect(await page.getByRole('alert').count()).toBe(1);
    await screenshot(page, 'dang-nhap-sai-mat-khau');

    await login(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    const menu = await menuTexts(page);
    expect(menu).toEqual(
      expect.arrayContaining([
        'Tổng quan',
        'Tin bài',
        'Thủ tục hành chính',
        'Âm thanh',
        'Phát sóng',
        'Điều khiển phát',
        'Báo cáo',
        'Quản trị',
        'Tài khoản của tôi',
      ]),
    );
    await screenshot(page, 'tong-quan-quan-tri');

    // The first Tab of a screen reaches a link past the menu, straight to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');

    // The session survives a reload.
    await page.reload();
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    expect(page.url()).toBe(url('/'));
    await context.close();
  });

  it('creates a unit with its settings from the unit screens; a taken slug is shown under its field', async () => {
    const { context, page } = await signedIn();
    const unitId = await createUnitThroughScreens(page, 'UBND xã Hà Kỳ', '10507');
    await screenshot(page, 'don-vi');
    const saved = await api.request('GET', `/api/v1/units/${unitId}`, { token: adminToken });
    expect(saved.body).toMatchObject({
      name: 'UBND xã Hà Kỳ',
      slug: 'xa-ha-ky',
      kind: 'commune',
      settings: {
        signerTitle: 'CHỦ TỊCH',
        broadcastPolicy: { maxSlotsPerDay: 3, allowedWeekdays: [1, 2, 3, 4, 5, 6] },
      },
    });

    await page.goto(url('/quan-tri/don-vi/tao-moi'));
    await page.getByLabel('Tên đơn vị').fill('UBND xã Hà Kỳ mới');
    await page.getByLabel('Mã đơn vị').fill('10508');
    await page.getByLabel('Đường dẫn trên cổng thông tin').fill('xa-ha-ky');
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    expect(await textOf(fieldError(page, 'slug'))).toBe('Đường dẫn "xa-ha-ky" đã được đơn vị khác dùng');
    expect(page.url()).toContain('/quan-tri/don-vi/tao-moi');
    await context.close();
  });

  it('creates an editor who then sees only the editor’s menu; a taken username is shown under its field', async () => {
    const editor = { username: 'bientap.dongson', password: 'bien-tap-vien-1', fullName: 'Nguyễn Thị Lan' };
    const { context, page } = await signedIn();
    for (const attempt of [1, 2]) {
      await page.goto(url('/quan-tri/nguoi-dung/tao-moi'));
      await page.getByLabel('Tên đăng nhập').fill(editor.username);
      await page.getByLabel('Họ và tên').fill(editor.fullName);
      await page.getByLabel('Mật khẩu', { exact: true }).fill(editor.password);
      await choose(page, 'Đơn vị 1', unit.name);
      if (attempt === 1) {
        // No role is preselected: saving without one asks for it.
        const role = page.locator('.ant-select', { has: page.getByLabel('Vai trò 1', { exact: true }) });
        expect(await textOf(role)).toBe('Chọn vai trò');
        await page.getByRole('button', { name: 'Thêm người dùng' }).click();
        await page.getByText('Hãy chọn vai trò').waitFor();
      }
      await choose(page, 'Vai trò 1', 'Biên tập viên');
      await page.getByRole('button', { name: 'Thêm người dùng' }).click();
      if (attempt === 1) {
        await page.waitForURL(url('/quan-tri/nguoi-dung'));
        await page.getByRole('cell', { name: editor.username, exact: true }).waitFor();
        await screenshot(page, 'nguoi-dung');
      }
    }
    expect(await textOf(fieldError(page, 'username'))).toBe(
      `Tên đăng nhập "${editor.username}" đã có người dùng`,
    );
    await screenshot(page, 'nguoi-dung-loi-truong');
    await context.close();

    const asEditor = await signedIn(editor.username, editor.password);
    await asEditor.page.getByRole('heading', { name: `Xin chào, ${editor.fullName}` }).waitFor();
    expect(await menuTexts(asEditor.page)).toEqual(EDITOR_MENU);
    expect(await textOf(asEditor.page.locator('.ant-tag', { hasText: 'Biên tập viên' }))).toBe(
      'Biên tập viên',
    );
    await screenshot(asEditor.page, 'tong-quan-bien-tap-vien');
    await asEditor.page.goto(url('/quan-tri/nguoi-dung'));
    expect(await textOf(asEditor.page.locator('.ant-result-title'))).toBe('Không có quyền');
    await asEditor.context.close();
  });

  it('switches units for a person with roles in several, and the menu follows the roles there', async () => {
    const other = await createUnit(api, adminToken, { name: 'UBND phường Bến Thành' });
    const person = await createUser(api, adminToken, [
      { unitId: unit.id, role: 'editor' },
      { unitId: other.id, role: 'admin' },
    ]);
    const { context, page } = await signedIn(person.username, person.password);
    const switcher = page.getByLabel('Đơn vị đang làm việc');
    expect(await textOf(page.locator('.ant-select', { has: switcher }))).toBe(unit.name);
    expect(await menuTexts(page)).toEqual(EDITOR_MENU);

    await choose(page, 'Đơn vị đang làm việc', other.name);
    await page.getByRole('menuitem', { name: 'Quản trị' }).waitFor();
    expect(await menuTexts(page)).toEqual([
      'Tổng quan',
      'Tin bài',
      'Danh sách tin bài',
      'Viết tin bài',
      'Chuyên mục',
      'Thủ tục hành chính',
      'Danh sách thủ tục',
      'Thêm thủ tục',
      'Nhập từ tệp',
      'Âm thanh',
      'Bản tin âm thanh',
      'Tải chương trình lên',
      'Nhạc hiệu',
      'Từ điển cách đọc',
      'Phát sóng',
      'Đài và khung giờ',
      'Lịch phát sóng',
      'Điều khiển phát',
      'Sổ nhật ký phát sóng',
      'Báo cáo',
      'Số liệu báo cáo',
      'Báo cáo năm',
      'Hoạt động, kế hoạch',
      'Nhật ký chứng cứ',
      'Quản trị',
      'Đơn vị',
      'Người dùng',
      'Tài khoản của tôi',
    ]);
    await screenshot(page, 'doi-don-vi');
    // The header leads to the portal of the unit being worked on; the account button is named as it reads.
    expect(await page.getByRole('link', { name: 'Xem cổng thông tin' }).getAttribute('href')).toBe(
      `/site/${other.slug}/`,
    );
    expect(await page.getByRole('button', { name: /^Tài khoản: / }).getAttribute('aria-label')).toMatch(
      /^Tài khoản: .+/,
    );
    // The choice is remembered for this person.
    await page.reload();
    await page.getByRole('menuitem', { name: 'Quản trị' }).waitFor();
    // The menu comes from the stored session at once; the unit names arrive with the unit list.
    await page.locator('.ant-select', { has: switcher }).getByText(other.name).waitFor();
    expect(await textOf(page.locator('.ant-select', { has: switcher }))).toBe(other.name);
    await context.close();
  });

  it('adds a category that counts as CCHC; a slug already used is shown under its field', async () => {
    const own = await createUnit(api, adminToken, { name: 'UBND xã Chuyên Mục' });
    const unitAdmin = await createUser(api, adminToken, [{ unitId: own.id, role: 'admin' }]);
    const { context, page } = await signedIn(unitAdmin.username, unitAdmin.password);
    await page.getByRole('menuitem', { name: 'Chuyên mục' }).click();
    await page.getByRole('cell', { name: 'Tin hoạt động', exact: true }).waitFor();
    await page.getByLabel('Tên chuyên mục').fill('Thông tin dịch vụ công');
    await page.getByRole('switch', { name: 'Tính là tuyên truyền cải cách hành chính' }).click();
    await page.getByRole('button', { name: 'Thêm chuyên mục' }).click();
    await page.getByRole('cell', { name: 'Thông tin dịch vụ công', exact: true }).waitFor();
    await screenshot(page, 'chuyen-muc');
    const saved = (await api.request('GET', `/api/v1/units/${own.id}/categories`, { token: adminToken }))
      .body;
    expect(saved.find((c: { name: string }) => c.name === 'Thông tin dịch vụ công')).toMatchObject({
      slug: 'thong-tin-dich-vu-cong',
      countsAsCchc: true,
    });

    await page.getByLabel('Tên chuyên mục').fill('Tin hoạt động khác');
    await page.getByLabel('Đường dẫn').fill('tin-hoat-dong');
    await page.getByRole('button', { name: 'Thêm chuyên mục' }).click();
    expect(await textOf(fieldError(page, 'slug'))).toBe(
      'Đường dẫn chuyên mục "tin-hoat-dong" đã có trong đơn vị',
    );
    await context.close();
  });

  it('changes one’s own password, with a wrong current password shown under its field', async () => {
    const person = await createUser(api, adminToken, [{ unitId: unit.id, role: 'reporter' }]);
    const { context, page } = await signedIn(person.username, person.password);
    await page.getByRole('menuitem', { name: 'Tài khoản của tôi' }).click();
    await page.getByLabel('Mật khẩu hiện tại').fill('khong-phai-mat-khau');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-2026');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    expect(await textOf(fieldError(page, 'currentPassword'))).toBe('Mật khẩu hiện tại không đúng');

    await page.getByLabel('Mật khẩu hiện tại').fill(person.password);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    expect(await textOf(page.locator('.ant-message'))).toContain('Đã đổi mật khẩu');
    // The old token was revoked; the app signed in again by itself, so the person stays signed in.
    await page.reload();
    await page.getByRole('menuitem', { name: 'Tài khoản của tôi' }).waitFor();
    expect(page.url()).not.toContain('/dang-nhap');
    await screenshot(page, 'tai-khoan');
    const relogin = (password: string) =>
      api.request('POST', '/api/v1/auth/login', { body: { username: person.username, password } });
    expect((await relogin('mat-khau-moi-2026')).status).toBe(200);
    expect((await relogin(person.password)).status).toBe(401);
    await context.close();
  });

  it('asks the first admin, whose password was generated, for a new one before anything else', async () => {
    const first = await startApiWithGeneratedAdmin();
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${first.api.baseUrl}/admin/`);
      await page.waitForURL(/\/admin\/dang-nhap$/);
      await login(page, 'admin', first.password);
      await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
      // No menu, no screen behind it until the password is changed.
      expect(await page.getByRole('menuitem').count()).toBe(0);
      expect(await unnamedControls(page)).toEqual([]);
      await screenshot(page, 'doi-mat-khau-lan-dau');

      await page.getByLabel('Mật khẩu hiện tại').fill(first.password);
      await page.getByLabel('Mật khẩu mới', { exact: true }).fill(first.password);
      await page.getByLabel('Nhập lại mật khẩu mới').fill(first.password);
      await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
      expect(await textOf(fieldError(page, 'newPassword'))).toBe('Mật khẩu mới phải khác mật khẩu được cấp');

      await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-rieng-cua-toi');
      await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-rieng-cua-toi');
      await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
      await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
      expect(await page.getByRole('menuitem', { name: 'Quản trị' }).count()).toBe(1);

      const relogin = (password: string) =>
        first.api.request('POST', '/api/v1/auth/login', { body: { username: 'admin', password } });
      expect((await relogin(first.password)).status).toBe(401);
      expect((await relogin('mat-khau-rieng-cua-toi')).body.user.mustChangePassword).toBe(false);
    } finally {
      await context.close();
      await first.api.close();
    }
  });

  it('sends an expired session back to login with a message, then restores the unsaved input', async () => {
    const { context, page } = await signedIn();
    await page.goto(url(`/quan-tri/don-vi/${unit.id}`));
    await page.getByLabel('Họ tên người ký').fill('Trần Văn Bình');

    // The token the api issued has now expired (the browser's clock still thinks it is valid).
    const admin = (await api.request('GET', '/api/v1/users/me', { token: adminToken })).body;
    const expired = await new JwtService({ secret: process.env.JWT_SECRET }).signAsync({
      sub: admin.id,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    await page.evaluate((token) => {
      const stored = JSON.parse(localStorage.getItem('xa-portal.session')!);
      localStorage.setItem('xa-portal.session', JSON.stringify({ ...stored, accessToken: token }));
    }, expired);

    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.waitForURL(/\/admin\/dang-nhap\?next=/);
    expect(await textOf(page.getByRole('status'))).toContain('Phiên đăng nhập đã hết hạn');
    await screenshot(page, 'het-phien');

    await login(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL(url(`/quan-tri/don-vi/${unit.id}`));
    expect(await textOf(page.locator('.ant-alert-info'))).toContain('Đã khôi phục nội dung');
    expect(await page.getByLabel('Họ tên người ký').inputValue()).toBe('Trần Văn Bình');
    // The rest of the form is the unit as stored, not blanks.
    expect(await page.getByLabel('Địa danh (ghi trên văn bản)').inputValue()).toBe('Đông Sơn');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.waitForURL(url('/quan-tri/don-vi'));
    const saved = await api.request('GET', `/api/v1/units/${unit.id}`, { token: adminToken });
    expect(saved.body.settings).toMatchObject({ signerName: 'Trần Văn Bình', placeName: 'Đông Sơn' });
    await context.close();
  });

  it('ends a session on time even when the page sits idle', async () => {
    const { context, page } = await signedIn();
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('xa-portal.session')!);
      // Long enough for the reload to show the home screen on a loaded machine, short enough to wait for.
      const expiresAt = new Date(Date.now() + 5000).toISOString();
      localStorage.setItem('xa-portal.session', JSON.stringify({ ...stored, expiresAt }));
    });
    await page.reload();
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await page.waitForURL(url('/dang-nhap'), { timeout: 15_000 });
    expect(await textOf(page.getByRole('status'))).toContain('Phiên đăng nhập đã hết hạn');
    await context.close();
  });

  it('locks an account only after confirmation, and the locked person is signed out', async () => {
    const person = await createUser(api, adminToken, [{ unitId: unit.id, role: 'operator' }]);
    const relogin = () =>
      api.request('POST', '/api/v1/auth/login', {
        body: { username: person.username, password: person.password },
      });
    const theirs = await signedIn(person.username, person.password);

    const { context, page } = await signedIn();
    await page.goto(url('/quan-tri/nguoi-dung'));
    const row = page.getByRole('row', { name: new RegExp(person.username) });
    await row.getByRole('button', { name: 'Khóa' }).click();
    const dialog = page.getByRole('dialog');
    expect(await textOf(dialog)).toContain(`Khóa tài khoản ${person.username}?`);
    await screenshot(page, 'nguoi-dung-xac-nhan-khoa');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    expect((await relogin()).status).toBe(200);

    await row.getByRole('button', { name: 'Khóa' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Khóa tài khoản' }).click();
    expect(await textOf(row.getByText('Đã khóa'))).toBe('Đã khóa');
    expect((await relogin()).status).toBe(403);

    await theirs.page.reload();
    await theirs.page.waitForURL(/\/admin\/dang-nhap/);
    expect(await textOf(theirs.page.getByRole('status'))).toContain('không còn hiệu lực');
    await login(theirs.page, person.username, person.password);
    expect(await textOf(theirs.page.getByRole('alert'))).toContain('Tài khoản đã bị khóa');
    await theirs.context.close();
    await context.close();
  });

  it('fits a 360-pixel phone: no sideways scrolling, the menu in a drawer', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(url('/dang-nhap'));
    await page.getByLabel('Tên đăng nhập').waitFor();
    await screenshot(page, 'dien-thoai-dang-nhap');
    await login(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    for (const [path, name] of [
      ['/', 'dien-thoai-tong-quan'],
      ['/quan-tri/don-vi', 'dien-thoai-don-vi'],
      [`/quan-tri/don-vi/${unit.id}`, 'dien-thoai-don-vi-sua'],
      ['/quan-tri/nguoi-dung', 'dien-thoai-nguoi-dung'],
      ['/quan-tri/nguoi-dung/tao-moi', 'dien-thoai-nguoi-dung-tao-moi'],
      ['/bao-cao/chung-cu', 'dien-thoai-chung-cu'],
    ]) {
      await page.goto(url(path));
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect({ path, width }).toEqual({ path, width: 360 });
      await screenshot(page, name);
    }
    // A list shows its key columns within the screen: the name and what it is, not just the first column.
    for (const path of ['/quan-tri/don-vi', '/quan-tri/nguoi-dung']) {
      await page.goto(url(path));
      const row = page.locator('.ant-table-row').first();
      await row.waitFor();
      for (const cell of await row.locator('td').all()) {
        const box = (await cell.boundingBox())!;
        expect({ path, right: Math.round(box.x + box.width) <= 360 }).toEqual({ path, right: true });
      }
    }
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.locator('.ant-drawer').getByRole('menuitem', { name: 'Người dùng' }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, 'dien-thoai-menu');
    await context.close();
  });

  it('works from the keyboard, and its naming check sees an unnamed control', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/dang-nhap'));
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    // Keyboard only: the focus starts in the username field; Tab to the password, Enter submits.
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    // Every control of every screen is named: accessibility.browser-spec.ts checks each screen with axe-core.
    await page.goto(url('/bao-cao/chung-cu'));
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, 'nhat-ky-chung-cu');
    // The check itself sees an unnamed control when there is one.
    await page.evaluate(() => document.querySelector('main')!.append(document.createElement('input')));
    expect(await unnamedControls(page)).toEqual(['label: <input>']);
    await context.close();
  });
});
