import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../bench/chromium';

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-output', 'screenshots');

/** Debian's chromium (CHROMIUM_PATH), a new empty profile each time. */
export const launchBrowser = launchChromium;

export const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'UTC' };
export const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'vi-VN',
  timezoneId: 'UTC',
};

export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page };
}

/** A full-page screenshot into test-output/screenshots/<name>.png, for a reviewer to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

// Every input, button, link and select has a name a screen reader can say (axe-core's naming rules).
const NAMING_RULES = [
  'label',
  'button-name',
  'link-name',
  'select-name',
  'aria-input-field-name',
  'input-button-name',
];
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** What axe-core finds against these rules on the page, as `rule: <html>`; empty when nothing. */
export async function axeViolations(page: Page, rules: string[]): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: any }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values } });
    return result.violations.flatMap((v: any) => v.nodes.map((n: any) => `${v.id}: ${n.html}`));
  }, rules);
}

/** The controls axe-core finds without a name, as `rule: <html>`; empty when every one has one. */
export function unnamedControls(page: Page): Promise<string[]> {
  return axeViolations(page, NAMING_RULES);
}

/** A new browser context logged in to the admin app at `baseUrl` as this person, on the home screen. */
export async function signInToAdmin(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
  options: BrowserContextOptions = DESKTOP,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await newPage(browser, options);
  await page.goto(`${baseUrl}/admin/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
  return { page, close: () => context.close() };
}

/** The open dropdown's option with this text (antd Select renders options outside the field, unnamed). */
export function dropdownOption(page: Page, text: string): Locator {
  return page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: text,
    })
    .first();
}

/** On a phone the portal's menu is folded under one line (details/summary): open it; on a PC it is open. */
export async function openPortalMenu(page: Page): Promise<void> {
  const summary = page
    .getByRole('navigation', { name: 'Menu chính' })
    .getByText('Menu: chuyên mục, thủ tục, tìm kiếm');
  if (await summary.isVisible()) {
    await summary.click();
  }
}
