/**
 * Admin app figures (issue [2/8]), on the product as `npm start` runs it, in Debian's chromium:
 *   - initial JavaScript of the app (the entry and what index.html preloads): raw, gzip, brotli;
 *   - first screen usable (login form visible and enabled) on localhost, cold cache (a new browser
 *     context each run) and warm cache; JavaScript bytes the cold first screen fetched over the wire;
 *   - login → home screen shown.
 * Run: npm run bench:admin   (RUNS=15 by default; CHROMIUM_PATH as for the browser tests)
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { freePort } from '@app/db';
import { launchChromium } from './chromium';
import { launch, msUntilHealthy, percentile, printFigures } from './support';

const RUNS = Number(process.env.RUNS ?? 15);
const ADMIN_DIR = join(__dirname, '..', 'admin');
const PASSWORD = 'mat-khau-do-toc-do';

function initialScripts(): { files: number; raw: number; gzip: number; brotli: number } {
  const index = readFileSync(join(ADMIN_DIR, 'index.html'), 'utf8');
  const paths = [...index.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const path of paths) {
    const data = readFileSync(join(ADMIN_DIR, path));
    raw += statSync(join(ADMIN_DIR, path)).size;
    gzip += gzipSync(data, { level: 9 }).length;
    brotli += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { files: paths.length, raw, gzip, brotli };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${Math.round(value)} ms`;

async function main(): Promise<void> {
  const size = initialScripts();
  const dataDir = mkdtempSync(join(tmpdir(), 'xa-portal-bench-admin-'));
  const port = await freePort();
  // Every run logs in: more than the default per-minute login limit allows from one address.
  const run = launch(dataDir, port, { BOOTSTRAP_ADMIN_PASSWORD: PASSWORD, LOGIN_RATE_LIMIT: '1000' });
  const browser = await launchChromium();
  try {
    await msUntilHealthy(port, Date.now());
    const base = `http://127.0.0.1:${port}/admin`;
    const cold: number[] = [];
    const warm: number[] = [];
    const loginToHome: number[] = [];
    let wireJs = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const username = page.getByLabel('Tên đăng nhập');

      let started = Date.now();
      await page.goto(`${base}/dang-nhap`, { waitUntil: 'commit' });
      await username.waitFor({ state: 'visible' });
      cold.push(Date.now() - started);
      wireJs = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.js'))
          .reduce((sum, e) => sum + (e as unknown as { transferSize: number }).transferSize, 0),
      );

      started = Date.now();
      await page.reload({ waitUntil: 'commit' });
      await username.waitFor({ state: 'visible' });
      warm.push(Date.now() - started);

      await username.fill('admin');
      await page.getByLabel('Mật khẩu').fill(PASSWORD);
      started = Date.now();
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page
        .getByRole('heading', { name: /Xin chào/ })
        .waitFor({ timeout: 10_000 })
        .catch(async (error: unknown) => {
          throw new Error(`login failed on run ${i + 1}: ${await page.locator('main').innerText()}`, {
            cause: error,
          });
        });
      loginToHome.push(Date.now() - started);
      await context.close();
    }
    printFigures([
      [`initial JavaScript (${size.files} files), raw`, kb(size.raw), ''],
      ['initial JavaScript, gzip -9', kb(size.gzip), '≤ 400 KB gzip'],
      ['initial JavaScript, brotli (what chromium is sent)', kb(size.brotli), ''],
      ['JavaScript over the wire for the cold login screen', kb(wireJs), ''],
      [`first screen usable, cold cache, median of ${RUNS}`, ms(percentile(cold, 50)), '≤ 1.5 s'],
      [`first screen usable, cold cache, worst of ${RUNS}`, ms(Math.max(...cold)), '≤ 1.5 s'],
      [`first screen usable, warm cache, median of ${RUNS}`, ms(percentile(warm, 50)), ''],
      [`login → home screen shown, median of ${RUNS}`, ms(percentile(loginToHome, 50)), ''],
    ]);
  } finally {
    await browser.close();
    run.child.kill('SIGTERM');
    await run.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
