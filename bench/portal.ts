/**
 * Portal figures (issue [3/8]), on the product as `npm start` runs it:
 *   - the article page under wrk (Debian's package: 1 thread, 50 connections, loopback), and in the same
 *     run a bare node:http server returning the same bytes: requests per second, the ratio, p99;
 *   - publishing latency (POST /articles/:id/publish of approved articles): p50, p95.
 * Run: npm run bench:portal   (needs `wrk` on PATH; DURATION=10s per run, ROUNDS=3, PUBLISHES=200 by default)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@app/db';
import { launch, msUntilHealthy, percentile, printFigures } from './support';

const DURATION = process.env.DURATION ?? '10s';
const PUBLISHES = Number(process.env.PUBLISHES ?? 200);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PASSWORD = 'mat-khau-do-toc-do';
const BROWSER = 'Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36';

interface WrkResult {
  rps: number;
  p99ms: number;
  non2xx: number;
}

/** wrk in a child process, awaited: this process's event loop stays free for the bare server. */
async function wrk(url: string): Promise<WrkResult> {
  const child = spawn('wrk', [
    '-t1',
    '-c50',
    `-d${DURATION}`,
    '--latency',
    '-H',
    `User-Agent: ${BROWSER}`,
    url,
  ]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) {
    throw new Error(`wrk failed (${code}): ${stderr}`);
  }
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(stdout);
  const scale = { us: 0.001, ms: 1, s: 1000 } as const;
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
  return { rps, p99ms: p99 ? Number(p99[1]) * scale[p99[2] as keyof typeof scale] : NaN, non2xx };
}

async function call(base: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  }
  return res.json();
}

/** About 25 KB of Vietnamese article HTML, as design.md §3 measured. */
function articleBody(): string {
  const paragraph =
    '<p>Thực hiện Kế hoạch số 25/KH-UBND ngày 04/01/2026 của UBND xã về cải cách hành chính, năm 2026 xã tiếp tục ' +
    'đẩy mạnh tiếp nhận và giải quyết thủ tục hành chính qua Dịch vụ công trực tuyến, rút ngắn thời gian xử lý hồ sơ, ' +
    'nâng cao chất lượng phục vụ người dân và doanh nghiệp tại Bộ phận Một cửa.</p>';
  return `<h2>Kết quả thực hiện</h2>${paragraph.repeat(48)}<ul><li>Tỷ lệ hồ sơ đúng hạn 100%</li></ul>`;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xa-portal-bench-portal-'));
  const port = await freePort();
  const run = launch(dataDir, port, { BOOTSTRAP_ADMIN_PASSWORD: PASSWORD, LOGIN_RATE_LIMIT: '1000' });
  const bare = createServer();
  try {
    await msUntilHealthy(port, Date.now());
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const unit = await call(base, token, 'POST', '/units', {
      code: 'BENCH',
      name: 'UBND xã Đo Tốc Độ',
      kind: 'commune',
      slug: 'do-toc-do',
    });
    const categories = await call(base, token, 'GET', `/units/${unit.id}/categories`);
    const categoryIds = [categories[0].id];

    // Publishing latency: approved articles published one after another.
    const publishMs: number[] = [];
    let slug = '';
    for (let i = 0; i < PUBLISHES; i += 1) {
      const article = await call(base, token, 'POST', '/articles', {
        unitId: unit.id,
        title: `Đẩy mạnh cải cách hành chính, bài số ${i + 1}`,
        summary: 'Kết quả cải cách hành chính năm 2026',
        bodyHtml: articleBody(),
        categoryIds,
      });
      await call(base, token, 'POST', `/articles/${article.id}/submit`);
      await call(base, token, 'POST', `/articles/${article.id}/approve`);
      const started = performance.now();
      const published = await call(base, token, 'POST', `/articles/${article.id}/publish`, {});
      publishMs.push(performance.now() - started);
      slug = published.slug;
    }

    const url = `${base}/site/${unit.slug}/bai-viet/${slug}`;
    const page = await fetch(url, { headers: { 'user-agent': BROWSER } });
    const bytes = Buffer.from(await page.arrayBuffer());
    const headers = Object.fromEntries(
      ['content-type', 'cache-control', 'etag', 'content-security-policy'].map((h) => [
        h,
        page.headers.get(h) ?? '',
      ]),
    );
    bare.on('request', (_req, res) => {
      res.writeHead(200, { ...headers, 'content-length': bytes.length });
      res.end(bytes);
    });
    const barePort = await freePort();
    await new Promise<void>((resolve) => bare.listen(barePort, '127.0.0.1', resolve));

    await wrk(url); // warm-up: JIT, connection pool, caches
    // Alternate the two servers and take medians: on a 2-core machine one run is noisy.
    const portalRuns: WrkResult[] = [];
    const bareRuns: WrkResult[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      portalRuns.push(await wrk(url));
      bareRuns.push(await wrk(`http://127.0.0.1:${barePort}/`));
    }
    const portal = {
      rps: percentile(
        portalRuns.map((r) => r.rps),
        50,
      ),
      p99ms: percentile(
        portalRuns.map((r) => r.p99ms),
        50,
      ),
      non2xx: portalRuns.reduce((sum, r) => sum + r.non2xx, 0),
    };
    const reference = {
      rps: percentile(
        bareRuns.map((r) => r.rps),
        50,
      ),
    };
    const ratios = portalRuns.map((r, i) => r.rps / bareRuns[i].rps);
    printFigures([
      ['article page size', `${(bytes.length / 1024).toFixed(1)} KB`, ''],
      [`article page, portal (wrk -t1 -c50, median of ${ROUNDS})`, `${Math.round(portal.rps)} req/s`, ''],
      ['same bytes, bare node:http, same run', `${Math.round(reference.rps)} req/s`, ''],
      [
        'portal / bare node:http, median of the rounds',
        `${(percentile(ratios, 50) * 100).toFixed(0)} %`,
        '≥ 40 %',
      ],
      ['  each round', ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(' '), ''],
      ['article page p99 latency', `${portal.p99ms.toFixed(1)} ms`, '≤ 50 ms'],
      ['non-2xx answers during the run', `${portal.non2xx}`, '0'],
      [`publish, p50 of ${PUBLISHES}`, `${percentile(publishMs, 50).toFixed(1)} ms`, ''],
      [`publish, p95 of ${PUBLISHES}`, `${percentile(publishMs, 95).toFixed(1)} ms`, '≤ 50 ms'],
    ]);
  } finally {
    bare.close();
    run.child.kill('SIGTERM');
    await run.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
