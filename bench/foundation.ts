/**
 * Foundation figures (issue [1/8]), on the product as `npm start` runs it (durable PostgreSQL, fsync on):
 *   - fresh DATA_DIR → healthy api, and a warm restart → healthy api;
 *   - resident memory of the idle api (and worker);
 *   - evidence appends per second in one unit with 8 concurrent writers, each append its own
 *     transaction, and the chain verified afterwards.
 * Run: npm run bench:foundation   (ROWS_PER_WRITER=1000 WRITERS=8 by default)
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, freePort } from '@app/db';
import { EvidenceRow, EvidenceService } from '@app/evidence';
import { Unit, UnitAccess, UnitsRepository } from '@app/units';
import { launch, msUntilHealthy, printFigures } from './support';

const WRITERS = Number(process.env.WRITERS ?? 8);
const ROWS_PER_WRITER = Number(process.env.ROWS_PER_WRITER ?? 1000);

function rssMb(pattern: string, launcherPid: number): number {
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (cmdline.includes(pattern) && environ.includes(`LAUNCHER_PID=${launcherPid}\0`)) {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
        return Math.round(kb / 1024);
      }
    } catch {
      // not ours
    }
  }
  return NaN;
}

function embeddedUrl(dataDir: string): string {
  const password = readFileSync(join(dataDir, 'secrets', 'postgres-password'), 'utf8').trim();
  const port = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3];
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/xa_portal`;
}

async function evidenceAppends(
  url: string,
): Promise<{ rowsPerSecond: number; verifyMs: number; ok: boolean; rows: number; leftForSweep: number }> {
  const dataSource = await new DataSource(dataSourceOptions(url, { poolSize: WRITERS + 2 })).initialize();
  try {
    const unitId = randomUUID();
    await dataSource.query(
      `INSERT INTO units (id, code, name, kind, slug) VALUES ($1, $2, 'Xã đo tốc độ', 'commune', $3)`,
      [unitId, `B${unitId.slice(0, 8)}`, `bench-${unitId.slice(0, 8)}`],
    );
    const evidence = new EvidenceService(
      dataSource.getRepository(EvidenceRow),
      new UnitAccess(new UnitsRepository(dataSource.getRepository(Unit))),
    );
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < ROWS_PER_WRITER; i += 1) {
          await dataSource.transaction((manager) =>
            evidence.record(manager, {
              unitId,
              type: 'test.event',
              occurredAt: new Date(),
              actorId: null,
              method: 'live',
              subject: { type: 'article', id: `${w}-${i}` },
              snapshot: {
                title: `Tin bài ${w}-${i} về cải cách hành chính`,
                url: `/site/bench/bai-viet/${w}-${i}`,
              },
            }),
          );
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // Rows whose commit found the link lock busy wait for the next linker (the worker sweeps every 2 s).
    const pending: { n: string }[] = await dataSource.query(
      'SELECT count(*) AS n FROM evidence WHERE unit_id = $1 AND hash IS NULL',
      [unitId],
    );
    await evidence.linkPending(unitId);
    const verifyStarted = Date.now();
    const result = await evidence.verify(unitId);
    return {
      rowsPerSecond: Math.round((WRITERS * ROWS_PER_WRITER) / seconds),
      verifyMs: Date.now() - verifyStarted,
      ok: result.ok && result.checked === WRITERS * ROWS_PER_WRITER,
      rows: result.checked,
      leftForSweep: Number(pending[0].n),
    };
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xa-portal-bench-'));
  const port = await freePort();
  try {
    const coldStart = Date.now();
    let run = launch(dataDir, port);
    const coldMs = await msUntilHealthy(port, coldStart);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const apiRss = rssMb('dist/apps/api/src/main.js', run.child.pid!);
    const workerRss = rssMb('dist/apps/worker/src/main.js', run.child.pid!);
    const appends = await evidenceAppends(embeddedUrl(dataDir));
    const stopStarted = Date.now();
    run.child.kill('SIGTERM');
    const code = await run.exited;
    const stopMs = Date.now() - stopStarted;

    const warmStart = Date.now();
    run = launch(dataDir, port);
    const warmMs = await msUntilHealthy(port, warmStart);
    run.child.kill('SIGTERM');
    await run.exited;

    const figures = [
      ['fresh DATA_DIR → healthy api', `${(coldMs / 1000).toFixed(2)} s`, '≤ 15 s'],
      ['warm restart → healthy api', `${(warmMs / 1000).toFixed(2)} s`, '≤ 6 s'],
      ['api resident memory, idle', `${apiRss} MB`, '≤ 250 MB'],
      ['worker resident memory, idle', `${workerRss} MB`, ''],
      [
        `evidence appends, 1 unit, ${WRITERS} writers, ${WRITERS * ROWS_PER_WRITER} rows`,
        `${appends.rowsPerSecond} rows/s`,
        '≥ 2,000 rows/s',
      ],
      ['rows linked by the commits themselves', `${WRITERS * ROWS_PER_WRITER - appends.leftForSweep}`, ''],
      ['rows still unlinked when the writers stopped', `${appends.leftForSweep}`, ''],
      [
        `chain verified afterwards (${appends.rows} rows)`,
        `${appends.ok ? 'valid' : 'BROKEN'} in ${appends.verifyMs} ms`,
        'valid',
      ],
      ['clean stop (SIGTERM → all exited)', `${(stopMs / 1000).toFixed(2)} s, exit code ${code}`, ''],
    ];
    printFigures(figures);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
