/**
 * Broadcast figures (issue [7/10]), on the product as `npm start` runs it (embedded PostgreSQL, fsync on):
 *   - daily plans for 1,000 stations for one day (target ≤ 5 s, moonshot 1 s): `PlansService.generateMany`,
 *     the evening job's own code, beside the floor a person would reach for instead: one bare SQL
 *     `INSERT … SELECT` writing the same number of plan and item rows with no rules at all;
 *   - recording an airing (target p95 ≤ 30 ms): `POST /api/v1/airings` with an Idempotency-Key through the
 *     running api (auth, validation, checks, evidence in the same transaction), beside a bare Fastify server
 *     on the same PostgreSQL that inserts the same row and answers 201.
 * Run: npm run bench:broadcast   (STATIONS=1000 AIRINGS=400 by default)
 */
import 'reflect-metadata';
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { BroadcastRepository, PlansService } from '@app/broadcast';
import { dataSourceOptions, freePort } from '@app/db';
import { launch, percentile, printFigures, signedInAdmin, stopAndRemove } from './support';

const STATIONS = Number(process.env.STATIONS ?? 1000);
const AIRINGS = Number(process.env.AIRINGS ?? 400);
const PIECES_PER_UNIT = 6;

function embeddedUrl(dataDir: string): string {
  const password = readFileSync(join(dataDir, 'secrets', 'postgres-password'), 'utf8').trim();
  const port = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3];
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/xa_portal`;
}

/** 1,000 communes, each with a station, the three default slots and six ready radio pieces of approved articles. */
async function seed(db: DataSource): Promise<string> {
  const tag = randomUUID().slice(0, 6);
  await db.query(
    `INSERT INTO units (code, name, kind, slug)
     SELECT 'B${tag}' || n, 'Xã đo ' || n, 'commune', 'b${tag}-' || n FROM generate_series(1, $1) n`,
    [STATIONS],
  );
  await db.query(
    `INSERT INTO stations (unit_id, name) SELECT id, 'Đài đo' FROM units WHERE code LIKE 'B${tag}%'`,
  );
  await db.query(
    `INSERT INTO broadcast_slots (unit_id, station_id, name, weekdays, start_minute, duration_minutes, kind, relay_name, relay_url)
     SELECT s.unit_id, s.id, d.name, '{1,2,3,4,5,6,7}', d.start, d.len, d.kind, d.rn, d.ru
       FROM stations s JOIN units u ON u.id = s.unit_id AND u.code LIKE 'B${tag}%'
       CROSS JOIN (VALUES ('Sáng', 330, 15, 'programme', NULL, NULL), ('VOV', 360, 30, 'relay', 'VOV1', 'https://vov.vn/x'),
                          ('Chiều', 1020, 15, 'programme', NULL, NULL)) AS d(name, start, len, kind, rn, ru)`,
  );
  await db.query(
    `INSERT INTO articles (unit_id, title, slug, summary, body_html, author_id, status, version, priority, planned_airings)
     SELECT u.id, 'Tin ' || k, 'tin-' || k, '', '<p>x</p>', gen_random_uuid(), 'approved', 1,
            CASE WHEN k = 1 THEN 'priority' ELSE 'normal' END, 1 + (k % 3)
       FROM units u CROSS JOIN generate_series(1, $1) k WHERE u.code LIKE 'B${tag}%'`,
    [PIECES_PER_UNIT],
  );
  await db.query(
    `INSERT INTO audios (unit_id, article_id, title, kind, status, requested_provider, provider, file_key, sha256, bytes,
                         duration_ms, ready_at)
     SELECT a.unit_id, a.id, a.title, 'speech', 'ready', 'espeak', 'espeak', 'audio/' || md5(a.id::text) || '.mp3',
            md5(a.id::text) || md5(a.id::text), 64000, 60000 + (abs(hashtext(a.id::text)) % 180000), now() - interval '1 hour'
       FROM articles a JOIN units u ON u.id = a.unit_id AND u.code LIKE 'B${tag}%'`,
  );
  return tag;
}

async function planFigures(db: DataSource, tag: string): Promise<string[][]> {
  const repo = new BroadcastRepository(db);
  const plans = new PlansService(db, repo, null as never, null as never, null as never);
  const stations = await db.query(
    `SELECT s.id, s.unit_id AS "unitId", s.name FROM stations s JOIN units u ON u.id = s.unit_id WHERE u.code LIKE 'B${tag}%' ORDER BY s.id`,
  );
  const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const started = process.hrtime.bigint();
  let written = 0;
  for (let i = 0; i < stations.length; i += 500) {
    written += await db.transaction((manager) =>
      plans.generateMany(stations.slice(i, i + 500), date, null, manager, 'keep'),
    );
  }
  const ours = Number(process.hrtime.bigint() - started) / 1e6;
  const items: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM broadcast_plan_items i JOIN broadcast_plans p ON p.id = i.plan_id WHERE p.date = $1`,
    [date],
  );

  // The floor: the same number of plan and item rows written by one bare statement each, no rules.
  const bareDate = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const bareStarted = process.hrtime.bigint();
  await db.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO broadcast_plans (unit_id, station_id, date, status, version, warnings, generated_at)
       SELECT s.unit_id, s.id, $1, 'draft', 1, '[]', now() FROM stations s JOIN units u ON u.id = s.unit_id WHERE u.code LIKE 'B${tag}%'`,
      [bareDate],
    );
    await manager.query(
      `INSERT INTO broadcast_plan_items (unit_id, plan_id, slot_id, position, kind, audio_id, article_id, title, duration_sec, priority, planned_start)
       SELECT p.unit_id, p.id, sl.id, row_number() OVER (PARTITION BY p.id, sl.id ORDER BY a.id)::smallint, 'audio', a.id, a.article_id, a.title,
              a.duration_ms / 1000, 'normal', now()
         FROM broadcast_plans p
         JOIN broadcast_slots sl ON sl.station_id = p.station_id AND sl.kind = 'programme'
         JOIN audios a ON a.unit_id = p.unit_id
        WHERE p.date = $1 AND p.unit_id IN (SELECT id FROM units WHERE code LIKE 'B${tag}%')
        LIMIT $2`,
      [bareDate, items[0].n],
    );
  });
  const bare = Number(process.hrtime.bigint() - bareStarted) / 1e6;
  return [
    [
      `daily plans for ${written} stations (generateMany, 500 a transaction)`,
      `${(ours / 1000).toFixed(2)} s`,
      'target ≤ 5 s, moonshot 1 s',
    ],
    [`  items written`, String(items[0].n)],
    [
      `  bare INSERT … SELECT of as many plan and item rows (no rules)`,
      `${(bare / 1000).toFixed(2)} s`,
      'the floor',
    ],
  ];
}

async function timed(count: number, send: (i: number) => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = process.hrtime.bigint();
    const status = await send(i);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (status !== 201) {
      throw new Error(`answer ${status}`);
    }
  }
  return times;
}

async function airingFigures(base: string, token: string, url: string, unitId: string): Promise<string[][]> {
  const station = (await (
    await fetch(`${base}/units/${unitId}/stations`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { id: string }[];
  const stationId = station[0].id;
  const post = (i: number) =>
    fetch(`${base}/airings`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        stationId,
        kind: 'relay',
        sourceName: 'Thời sự VOV1',
        startedAt: new Date(Date.now() - 3_600_000 - i * 1000).toISOString(),
        endedAt: new Date(Date.now() - 1_800_000 - i * 1000).toISOString(),
        status: 'aired',
        method: 'console',
      }),
    }).then(async (r) => {
      await r.arrayBuffer();
      return r.status;
    });
  await timed(30, post); // warm-up
  const ours = await timed(AIRINGS, post);

  // A bare Fastify server on the same PostgreSQL: parse JSON, one INSERT, 201.
  const db = await new DataSource(dataSourceOptions(url, { poolSize: 4 })).initialize();
  await db.query(`CREATE TABLE IF NOT EXISTS bench_bare_airings (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), station_id uuid, kind text,
    started_at timestamptz, ended_at timestamptz, status text, idempotency_key text UNIQUE)`);
  const app = Fastify();
  app.post('/airings', async (request, reply) => {
    const b = request.body as Record<string, string>;
    const rows = await db.query(
      `INSERT INTO bench_bare_airings (station_id, kind, started_at, ended_at, status, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [b.stationId, b.kind, b.startedAt, b.endedAt, b.status, request.headers['idempotency-key']],
    );
    return reply.code(201).send(rows[0]);
  });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const barePost = (i: number) =>
    fetch(`http://127.0.0.1:${port}/airings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        stationId,
        kind: 'relay',
        startedAt: new Date(Date.now() - 3_600_000 - i * 1000).toISOString(),
        endedAt: new Date().toISOString(),
        status: 'aired',
      }),
    }).then(async (r) => {
      await r.arrayBuffer();
      return r.status;
    });
  await timed(30, barePost);
  const bare = await timed(AIRINGS, barePost);
  await app.close();
  await db.query('DROP TABLE bench_bare_airings');
  await db.destroy();
  const f = (v: number) => `${v.toFixed(1)} ms`;
  return [
    [`recording an airing, POST /api/v1/airings (${AIRINGS}, one at a time) p50`, f(percentile(ours, 50))],
    ['  p95', f(percentile(ours, 95)), 'target ≤ 30 ms'],
    ['  bare Fastify + one INSERT, p50', f(percentile(bare, 50))],
    ['  bare Fastify + one INSERT, p95', f(percentile(bare, 95))],
  ];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xa-bench-broadcast-'));
  const port = await freePort();
  const password = 'mat-khau-do-toc-do';
  const run = launch(dir, port, { BOOTSTRAP_ADMIN_PASSWORD: password, PLAN_GENERATE_CRON: '0 0 3 1 1 *' });
  try {
    const { base, token, call } = await signedInAdmin(port, password);
    const url = embeddedUrl(dir);
    const db = await new DataSource(dataSourceOptions(url, { poolSize: 6 })).initialize();
    const tag = await seed(db);
    const figures = await planFigures(db, tag);
    const unit = await call<{ id: string }>('POST', '/units', {
      code: `A${tag}`,
      name: 'Xã ghi lượt phát',
      kind: 'commune',
      slug: `a-${tag}`,
    });
    figures.push(...(await airingFigures(base, token, url, unit.id)));
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
