/// <reference lib="dom" />
import { JwtService } from '@nestjs/jwt';
import type { Browser, Locator, Page } from 'playwright-core';
import { ADMIN_PASSWORD, startApi, TestApi } from '../support/api';
import { launchBrowser, newPage, PHONE, screenshot } from '../support/browser';

// The admin app as people use it: the real api serving the built app, driven in Debian's chromium.
// Each test builds what it needs through the screens themselves; screenshots go to test-output/.

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
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: option,
    })
    .first()
    .click();
}

async function menuTexts(page: Page): Promise<string[]> {
  await page.getByRole('menuitem').first().waitFor();
  return (await page.getByRole('menuitem').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
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
  const units = await api.request('GET', '/api/v1/units?pageSize=1000', { token: await api.adminToken() });
  const unit = units.body.items.find((u: { code: string }) => u.code === code);
  return unit.id as string;
}

describe('Admin app in a browser', () => {
  let unitId: string;
  const editor = { username: 'bientap.haky', password: 'bien-tap-vien-1', fullName: 'Nguyễn Thị Lan' };

  it('redirects to the login screen, logs the administrator in, and shows the whole menu in Vietnamese', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${api.baseUrl}/`);
    await page.waitForURL(url('/dang-nhap'));
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await screenshot(page, 'dang-nhap');

    await login(page, 'admin', 'sai-mat-khau');
    expect(await textOf(page.getByRole('alert'))).toContain('Tên đăng nhập hoặc mật khẩu không đúng');

    await login(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    const menu = await menuTexts(page);
    expect(menu).toEqual(expect.arrayContaining(['Tổng quan', 'Báo cáo', 'Quản trị', 'Tài khoản của tôi']));
    // Screens of later steps are not built yet: no entries, not dead links.
    for (const unbuilt of ['Tin bài', 'Thủ tục hành chính', 'Âm thanh', 'Phát sóng']) {
      expect(menu).not.toContain(unbuilt);
    }
    await screenshot(page, 'tong-quan-quan-tri');

    // The session survives a reload.
    await page.reload();
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    expect(page.url()).toBe(url('/'));
    await context.close();
  });

  it('creates a unit with its settings from the unit screens', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/dang-nhap'));
    await login(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();

    unitId = await createUnitThroughScreens(page, 'UBND xã Hà Kỳ', '10507');
    await screenshot(page, 'don-vi');
    const saved = await api.request('GET', `/api/v1/units/${unitId}`, { token: await api.adminToken() });
    expect(saved.body).toMatchObject({
      name: 'UBND xã Hà Kỳ',
      slug: 'xa-ha-ky',
      kind: 'commune',
      settings: {
        signerTitle: 'CHỦ TỊCH',
        broadcastPolicy: { maxSlotsPerDay: 3, allowedWeekdays: [1, 2, 3, 4, 5, 6] },
      },
    });

    // A refusal from the api lands under its field: the slug is already taken.
    await page.goto(url('/quan-tri/don-vi/tao-moi'));
    await page.getByLabel('Tên đơn vị').fill('UBND xã Hà Kỳ mới');
    await page.getByLabel('Mã đơn vị').fill('10508');
    await page.getByLabel('Đường dẫn trên cổng thông tin').fill('xa-ha-ky');
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    expect(await textOf(fieldError(page, 'slug'))).toMatch(/xa-ha-ky/);
    expect(page.url()).toContain('/quan-tri/don-vi/tao-moi');
    await context.close();
  });

  it('creates an editor, and shows the api’s refusal of a taken username under that field', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/dang-nhap'));
    await login(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();

    for (const attempt of [1, 2]) {
      await page.goto(url('/quan-tri/nguoi-dung/tao-moi'));
      await page.getByLabel('Tên đăng nhập').fill(editor.username);
      await page.getByLabel('Họ và tên').fill(editor.fullName);
      await page.getByLabel('Mật khẩu', { exact: true }).fill(editor.password);
      await choose(page, 'Đơn vị 1', 'UBND xã Hà Kỳ');
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
  });

  it('shows an editor only the editor’s menu, and refuses the administration pages', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/dang-nhap'));
    await login(page, editor.username, editor.password);
    await page.getByRole('heading', { name: `Xin chào, ${editor.fullName}` }).waitFor();
    expect(await menuTexts(page)).toEqual(['Tổng quan', 'Tài khoản của tôi']);
    expect(await page.getByText('Biên tập viên').first().isVisible()).toBe(true);
    await screenshot(page, 'tong-quan-bien-tap-vien');

    await page.goto(url('/quan-tri/nguoi-dung'));
    expect(await textOf(page.locator('.ant-result-title'))).toBe('Không có quyền');
    await context.close();
  });

  it('changes one’s own password, with a wrong current password shown under its field', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/dang-nhap'));
    await login(page, editor.username, editor.password);
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await page.getByRole('menuitem', { name: 'Tài khoản của tôi' }).click();
    await page.getByLabel('Mật khẩu hiện tại').fill('khong-phai-mat-khau');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-2026');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    expect(await textOf(fieldError(page, 'currentPassword'))).toBe('Mật khẩu hiện tại không đúng');

    await page.getByLabel('Mật khẩu hiện tại').fill(editor.password);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    expect(await textOf(page.locator('.ant-message'))).toContain('Đã đổi mật khẩu');
    await screenshot(page, 'tai-khoan');
    editor.password = 'mat-khau-moi-2026';
    expect(
      (
        await api.request('POST', '/api/v1/auth/login', {
          body: { username: editor.username, password: editor.password },
        })
      ).status,
    ).toBe(200);
    await context.close();
  });

  it('sends an expired session back to login with a message, then restores the unsaved input', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/dang-nhap'));
    await login(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await page.goto(url(`/quan-tri/don-vi/${unitId}`));
    await page.getByLabel('Họ tên người ký').fill('Trần Văn Bình');

    // The token the api issued has now expired (the browser's clock still thinks it is valid).
    const admin = (await api.request('GET', '/api/v1/users/me', { token: await api.adminToken() })).body;
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
    expect(await textOf(page.locator('.ant-alert-warning'))).toContain('Phiên đăng nhập đã hết hạn');
    await screenshot(page, 'het-phien');

    await login(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL(url(`/quan-tri/don-vi/${unitId}`));
    expect(await textOf(page.locator('.ant-alert-info'))).toContain('Đã khôi phục nội dung');
    expect(await page.getByLabel('Họ tên người ký').inputValue()).toBe('Trần Văn Bình');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.waitForURL(url('/quan-tri/don-vi'));
    const saved = await api.request('GET', `/api/v1/units/${unitId}`, { token: await api.adminToken() });
    expect(saved.body.settings.signerName).toBe('Trần Văn Bình');
    await context.close();
  });

  it('ends a session on time even when the page sits idle', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/dang-nhap'));
    await login(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('xa-portal.session')!);
      localStorage.setItem(
        'xa-portal.session',
        JSON.stringify({ ...stored, expiresAt: new Date(Date.now() + 1500).toISOString() }),
      );
    });
    await page.reload();
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await page.waitForURL(url('/dang-nhap'), { timeout: 10_000 });
    expect(await textOf(page.locator('.ant-alert-warning'))).toContain('Phiên đăng nhập đã hết hạn');
    await context.close();
  });

  it('locks an account only after confirmation, and the locked person is signed out', async () => {
    const editorSide = await newPage(browser);
    await editorSide.page.goto(url('/dang-nhap'));
    await login(editorSide.page, editor.username, editor.password);
    await editorSide.page.getByRole('heading', { name: /Xin chào/ }).waitFor();

    const { context, page } = await newPage(browser);
    await page.goto(url('/dang-nhap'));
    await login(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await page.goto(url('/quan-tri/nguoi-dung'));
    const row = page.getByRole('row', { name: new RegExp(editor.username) });
    await row.getByRole('button', { name: 'Khóa' }).click();
    const dialog = page.getByRole('dialog');
    expect(await textOf(dialog)).toContain(`Khóa tài khoản ${editor.username}?`);
    await screenshot(page, 'nguoi-dung-xac-nhan-khoa');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    expect(
      (
        await api.request('POST', '/api/v1/auth/login', {
          body: { username: editor.username, password: editor.password },
        })
      ).status,
    ).toBe(200);

    await row.getByRole('button', { name: 'Khóa' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Khóa tài khoản' }).click();
    expect(await textOf(row.getByText('Đã khóa'))).toBe('Đã khóa');
    expect(
      (
        await api.request('POST', '/api/v1/auth/login', {
          body: { username: editor.username, password: editor.password },
        })
      ).status,
    ).toBe(403);

    await editorSide.page.getByRole('menuitem', { name: 'Tài khoản của tôi' }).click();
    await editorSide.page.reload();
    await editorSide.page.waitForURL(/\/admin\/dang-nhap/);
    expect(await textOf(editorSide.page.locator('.ant-alert-warning'))).toContain('không còn hiệu lực');
    await login(editorSide.page, editor.username, editor.password);
    expect(await textOf(editorSide.page.getByRole('alert'))).toContain('Tài khoản đã bị khóa');
    await editorSide.context.close();
    await context.close();
  });

  it('fits a 360-pixel phone: no sideways scrolling, the menu in a drawer', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(url('/dang-nhap'));
    await screenshot(page, 'dien-thoai-dang-nhap');
    await login(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    for (const [path, name] of [
      ['/', 'dien-thoai-tong-quan'],
      ['/quan-tri/don-vi', 'dien-thoai-don-vi'],
      [`/quan-tri/don-vi/${unitId}`, 'dien-thoai-don-vi-sua'],
      ['/quan-tri/nguoi-dung', 'dien-thoai-nguoi-dung'],
      ['/quan-tri/nguoi-dung/tao-moi', 'dien-thoai-nguoi-dung-tao-moi'],
    ]) {
      await page.goto(url(path));
      await page.locator('main h3').first().waitFor();
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect({ path, width }).toEqual({ path, width: 360 });
      await screenshot(page, name);
    }
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.locator('.ant-drawer').getByRole('menuitem', { name: 'Người dùng' }).waitFor();
    await screenshot(page, 'dien-thoai-menu');
    await context.close();
  });
});
