/**
 * Report figures (issue [8/10]), on the product as `npm start` runs it (embedded PostgreSQL, fsync on), over an
 * evidence log of 1,000,000 rows (500 communes of one province, two years, and one busy commune):
 *   - a unit-year summary, GET /api/v1/reports/summary (target ≤ 200 ms, moonshot 50 ms), for a typical commune
 *     and for the busy one (100,000 rows in its year), beside what a person would type instead: one bare SQL
 *     `SELECT type, count(*) … GROUP BY type` on the same rows (no rules, no snapshot fields);
 *   - the roll-up of the 500 communes, includeChildren=true (target ≤ 1 s), beside a bare `GROUP BY unit_id, type`;
 *   - the annual report .docx, POST /api/v1/reports/documents (target ≤ 2 s), beside the docx package packing the
 *     same paragraphs with no layout (the floor of any Word file made in Node).
 * Rows are written in bulk with the chain fields filled (a bench of the counts, not of the chain), and their
 * per-day counts made by report_daily_rebuild(), the same counts the trigger keeps row by row.
 * Run: npm run bench:reports   (ROWS=1000000 COMMUNES=500 RUNS=15 by default)
 */
import 'reflect-metadata';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, freePort } from '@app/db';
import { launch, percentile, printFigures, signedInAdmin, stopAndRemove } from './support';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const COMMUNES = Number(process.env.COMMUNES ?? 500);
const RUNS = Number(process.env.RUNS ?? 15);
const BUSY_ROWS = Math.round(ROWS / 10);
const YEAR = 2026;

function embeddedUrl(dataDir: string): string {
  const password = readFileSync(join(dataDir, 'secrets', 'postgres-password'), 'utf8').trim();
  const port = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3];
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/xa_portal`;
}

/**
 * A province, its communes and the log: every type the report counts, with the snapshots the product writes
 * (CCHC about a third, statuses aired / partial / missed), spread over 2025 and 2026; the busy commune gets a
 * tenth of all rows in 2026.
 */
async function seed(db: DataSource): Promise<{ province: string; typical: string; busy: string }> {
  const tag = randomUUID().slice(0, 6);
  const [{ id: province }] = await db.query(
    `INSERT INTO units (code, name, kind, slug) VALUES ($1, 'Tỉnh đo', 'province', $2) RETURNING id`,
    [`P${tag}`, `p-${tag}`],
  );
  await db.query(
    `INSERT INTO units (code, name, kind, slug, parent_id)
     SELECT 'R${tag}' || n, 'Xã đo ' || n, 'commune', 'r${tag}-' || n, $2 FROM generate_series(1, $1) n`,
    [COMMUNES, province],
  );
  const units: { id: string }[] = await db.query(`SELECT id FROM units WHERE parent_id = $1 ORDER BY code`, [
    province,
  ]);
  const busy = units[0].id;
  const typical = units[1].id;
  // Rows of one kind: `n` rows, for unit number (i % communes), at a time within the two years.
  const insert = async (unitSql: string, count: number, timeSql: string, seqOffset: number) => {
    await db.query(
      `INSERT INTO evidence (unit_id, type, occurred_at, recorded_at, actor_id, method, subject_type, subject_id,
                             snapshot, content_hash, seq, prev_hash, hash)
       SELECT ${unitSql}, t.type, ${timeSql}, now(), NULL, 'live', t.subject, gen_random_uuid()::text,
              jsonb_build_object('first', i % 7 <> 0, 'title', 'Tin đo ' || i, 'status',
                                 (ARRAY['aired','aired','aired','aired','partial','missed'])[1 + i % 6],
                                 'countsAsCchc', i % 3 = 0, 'minutes', 3 + i % 5, 'articleId', NULL,
                                 'categories', jsonb_build_array(jsonb_build_object('id', 'c' || (i % 4), 'name', 'Chuyên mục ' || (i % 4), 'countsAsCchc', i % 4 = 0))),
              md5(i::text) || md5(i::text), -(i + $2), md5(i::text) || md5(i::text), md5(i::text) || md5(i::text)
         FROM generate_series(1, $1) i
         CROSS JOIN LATERAL (SELECT (ARRAY['article.published','airing.recorded','airing.recorded','airing.recorded',
                                           'relay.recorded','audio.produced','procedure.published','plan.approved'])[1 + i % 8] AS type,
                                    'article' AS subject) t`,
      [count, seqOffset],
    );
  };
  const ids = `(SELECT array_agg(id ORDER BY code) FROM units WHERE parent_id = '${province}')`;
  const spread = `timestamptz '2025-01-01 00:00+07' + (i % 730) * interval '1 day' + (i % 86400) * interval '1 second'`;
  await insert(`(${ids})[1 + i % ${COMMUNES}]`, ROWS - BUSY_ROWS, spread, 0);
  await insert(
    `'${busy}'::uuid`,
    BUSY_ROWS,
    `timestamptz '${YEAR}-01-01 00:00+07' + (i % 365) * interval '1 day' + (i % 86400) * interval '1 second'`,
    ROWS,
  );
  await db.query('ANALYZE evidence');
  return { province, typical, busy };
}

async function timed(runs: number, send: () => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    const status = await send();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (status !== 200) {
      throw new Error(`answer ${status}`);
    }
  }
  return times;
}

const ms = (v: number): string => `${v.toFixed(1)} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xa-bench-reports-'));
  const port = await freePort();
  const password = 'mat-khau-do-toc-do';
  const run = launch(dir, port, { BOOTSTRAP_ADMIN_PASSWORD: password });
  try {
    const { base, token } = await signedInAdmin(port, password);
    const db = await new DataSource(dataSourceOptions(embeddedUrl(dir), { poolSize: 4 })).initialize();
    await db.query(`SET session_replication_role = replica`); // bulk rows: no per-row link trigger
    const seedStarted = Date.now();
    const { province, typical, busy } = await seed(db);
    await db.query(`SET session_replication_role = DEFAULT`);
    // The per-day counts the trigger keeps as rows are recorded, made at once for the bulk rows.
    const rollupStarted = Date.now();
    await db.query('SELECT report_daily_rebuild()');
    const rollupSeconds = (Date.now() - rollupStarted) / 1000;
    const total: { n: string }[] = await db.query('SELECT count(*) AS n FROM evidence');
    console.log(
      `${Number(total[0].n).toLocaleString('en')} evidence rows written in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s ` +
        `(their per-day counts rebuilt in ${rollupSeconds.toFixed(1)} s)`,
    );

    const get = (path: string) => async () => {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      return res.status;
    };
    const sql = (text: string, params: unknown[]) => async () => {
      await db.query(text, params);
      return 200;
    };
    const year = `from=${YEAR}-01-01&to=${YEAR}-12-31`;
    const start = `${YEAR}-01-01T00:00:00+07:00`;
    const end = `${YEAR + 1}-01-01T00:00:00+07:00`;
    const bareUnit = `SELECT type, count(*) FROM evidence WHERE unit_id = $1 AND occurred_at >= $2 AND occurred_at < $3 GROUP BY type`;
    const bareTree = `SELECT unit_id, type, count(*) FROM evidence
                       WHERE unit_id IN (SELECT id FROM units WHERE id = $1 OR parent_id = $1)
                         AND occurred_at >= $2 AND occurred_at < $3 GROUP BY unit_id, type`;
    const figures: string[][] = [];
    for (const [name, unitId] of [
      ['a typical commune', typical],
      ['the busy commune (100,000 rows in its year)', busy],
    ] as const) {
      const path = `/reports/summary?unitId=${unitId}&${year}`;
      await timed(3, get(path));
      const ours = await timed(RUNS, get(path));
      await timed(3, sql(bareUnit, [unitId, start, end]));
      const bare = await timed(RUNS, sql(bareUnit, [unitId, start, end]));
      figures.push(
        [`unit-year summary, ${name}, p50`, ms(percentile(ours, 50)), 'target ≤ 200 ms, moonshot 50 ms'],
        ['  p95', ms(percentile(ours, 95))],
        ['  bare SQL count by type, p50', ms(percentile(bare, 50))],
      );
    }
    const rollup = `/reports/summary?unitId=${province}&${year}&includeChildren=true`;
    await timed(2, get(rollup));
    const ours = await timed(RUNS, get(rollup));
    await timed(2, sql(bareTree, [province, start, end]));
    const bare = await timed(RUNS, sql(bareTree, [province, start, end]));
    figures.push(
      [`roll-up of ${COMMUNES} communes (includeChildren), p50`, ms(percentile(ours, 50)), 'target ≤ 1 s'],
      ['  p95', ms(percentile(ours, 95))],
      ['  bare SQL count by unit and type, p50', ms(percentile(bare, 50))],
    );

    const post = async () => {
      const res = await fetch(`${base}/reports/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ unitId: busy, year: YEAR, template: 'cchc-propaganda-annual' }),
      });
      await res.arrayBuffer();
      return res.status;
    };
    await timed(2, post);
    const docx = await timed(RUNS, post);
    const plain = async () => {
      const paragraphs = Array.from(
        { length: 40 },
        (_, i) => new Paragraph({ children: [new TextRun(`Đoạn văn ${i}`)] }),
      );
      await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
      return 200;
    };
    await timed(2, plain);
    const floor = await timed(RUNS, plain);
    figures.push(
      ['annual report .docx, POST /reports/documents, p50', ms(percentile(docx, 50)), 'target ≤ 2 s'],
      ['  p95', ms(percentile(docx, 95))],
      ['  docx package packing 40 plain paragraphs, p50', ms(percentile(floor, 50))],
    );
    await db.destroy();
    printFigures(figures);
  } finally {
    await stopAndRemove(run, dir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
