// Jest's global setup runs outside its module mapping: the @app/* aliases come from tsconfig.json.
import 'tsconfig-paths/register';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, EmbeddedPostgresServer, runMigrationsLocked } from '../../libs/db/src';
import { isProcessAlive } from '../../libs/common/src/parent-watch';
import { databaseUrl, TEMPLATE_DATABASE } from './database-url';

declare global {
  var __TEST_PG__: { server: EmbeddedPostgresServer; dir: string } | undefined;
}

/**
 * Starts one PostgreSQL for the whole run (durability off: the data is thrown away), and prepares the
 * template database every test database is cloned from: the real migrations, and pg-boss's schema.
 */
export default async function globalSetup(): Promise<void> {
  await stopAbandonedClusters();
  const dir = mkdtempSync(join(tmpdir(), 'xa-portal-test-'));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  const server = new EmbeddedPostgresServer({ dataDir: join(dir, 'pg'), password: 'test', durable: false });
  const adminUrl = await server.start();
  globalThis.__TEST_PG__ = { server, dir };
  process.env.TEST_PG_ADMIN_URL = adminUrl;

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();

  const templateUrl = databaseUrl(TEMPLATE_DATABASE);
  const dataSource = await new DataSource(dataSourceOptions(templateUrl, { poolSize: 2 })).initialize();
  await runMigrationsLocked(dataSource);
  await dataSource.destroy();
  const boss = new PgBoss({
    connectionString: templateUrl,
    schema: 'pgboss',
    supervise: false,
    schedule: false,
  });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}

/**
 * A test run killed before its teardown leaves its PostgreSQL running (pg_ctl runs it in its own session).
 * The next run stops those whose jest process is gone.
 */
async function stopAbandonedClusters(): Promise<void> {
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith('xa-portal-test-')) {
      continue;
    }
    const dir = join(tmpdir(), entry);
    const ownerFile = join(dir, 'owner.pid');
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : 0;
    if (Number.isInteger(owner) && owner > 0 && isProcessAlive(owner)) {
      continue; // another run, still going
    }
    await new EmbeddedPostgresServer({ dataDir: join(dir, 'pg'), password: 'test' })
      .stopIfRunning()
      .catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
