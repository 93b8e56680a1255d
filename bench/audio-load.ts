/**
 * The portal while the worker speaks (issue [5/8]): on the product as `npm start` runs it (embedded
 * PostgreSQL, api, worker, offline speech), the public article page is fetched again and again, first with
 * nothing else running, then while 10 articles of about 1,500 characters are synthesized and mastered.
 * Prints p50/p99 of the page both ways (target: p99 under 100 ms while synthesizing) and how long the 10 took.
 * Run: npm run bench:audio-load   (ARTICLES=10 by default)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@app/db';
import { launch, percentile, printFigures, signedInAdmin, stopAndRemove } from './support';

const ARTICLES = Number(process.env.ARTICLES ?? 10);
const PASSWORD = 'mat-khau-do-toc-do';
const PARAGRAPH =
  'Thực hiện Kế hoạch số 25/KH-UBND ngày 04/01/2022 của UBND xã về công tác cải cách hành chính, ' +
  'Bộ phận tiếp nhận và trả kết quả đã hướng dẫn hơn 3.500 lượt người dân thực hiện thủ tục hành chính; ' +
  'tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%. ';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xa-portal-bench-audio-'));
  const port = await freePort();
  const run = launch(dataDir, port, { BOOTSTRAP_ADMIN_PASSWORD: PASSWORD });
  try {
    const { call } = await signedInAdmin(port, PASSWORD);
    const unit = await call<{ id: string }>('POST', '/units', {
      code: 'BENCH',
      name: 'UBND xã Đo Tốc Độ',
      kind: 'commune',
      slug: 'do-toc-do',
    });
    const [category] = await call<{ id: string }[]>('GET', `/units/${unit.id}/categories`);
    const approved = async (title: string, paragraphs: number): Promise<{ id: string; slug: string }> => {
      const article = await call<{ id: string; slug: string }>('POST', '/articles', {
        unitId: unit.id,
        title,
        bodyHtml: `<p>${PARAGRAPH.repeat(paragraphs)}</p>`,
        categoryIds: [category.id],
      });
      await call('POST', `/articles/${article.id}/submit`);
      await call('POST', `/articles/${article.id}/approve`);
      return article;
    };
    const shown = await approved('Tin bài trên cổng trong lúc đo', 3);
    await call('POST', `/articles/${shown.id}/publish`);
    const page = `http://127.0.0.1:${port}/site/do-toc-do/bai-viet/${shown.slug}`;
    const view = async (): Promise<number> => {
      const started = performance.now();
      const res = await fetch(page, { headers: { 'user-agent': 'Mozilla/5.0 bench' } });
      await res.arrayBuffer();
      if (res.status !== 200) {
        throw new Error(`portal page: ${res.status}`);
      }
      return performance.now() - started;
    };

    const idle: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      idle.push(await view());
    }

    // Each article a different text (its number), so none reuses another's file.
    const articles = await Promise.all(
      Array.from({ length: ARTICLES }, (_, i) => approved(`Bản tin cải cách hành chính số ${i + 1}`, 6)),
    );
    const started = performance.now();
    const audioIds = await Promise.all(
      articles.map(
        async (a) => (await call<{ audioId: string }>('POST', `/articles/${a.id}/audio`, {})).audioId,
      ),
    );
    const busy: number[] = [];
    let pending = new Set(audioIds);
    let lastCheck = 0;
    while (pending.size > 0) {
      busy.push(await view());
      if (performance.now() - lastCheck > 500) {
        lastCheck = performance.now();
        const states = await Promise.all(
          [...pending].map(async (id) => ({
            id,
            ...(await call<{ status: string; error: string | null }>('GET', `/audio/${id}`)),
          })),
        );
        const failed = states.find((s) => s.status === 'failed');
        if (failed) {
          throw new Error(`audio ${failed.id} failed: ${failed.error}`);
        }
        pending = new Set(states.filter((s) => s.status !== 'ready').map((s) => s.id));
      }
    }
    const allMs = performance.now() - started;
    printFigures([
      [
        'portal article page, nothing else running, p50 / p99',
        `${percentile(idle, 50).toFixed(1)} / ${percentile(idle, 99).toFixed(1)} ms`,
        '',
      ],
      [
        `the same while ${ARTICLES} articles are synthesized, p50 / p99`,
        `${percentile(busy, 50).toFixed(1)} / ${percentile(busy, 99).toFixed(1)} ms`,
        'p99 < 100 ms',
      ],
      ['page views measured while synthesizing', String(busy.length), ''],
      [`${ARTICLES} articles (≈1,500 characters each) to mastered MP3`, `${(allMs / 1000).toFixed(1)} s`, ''],
    ]);
  } finally {
    await stopAndRemove(run, dataDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
