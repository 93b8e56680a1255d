import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/db';
import { databaseUrl, TEMPLATE_DATABASE } from './database-url';

async function withAdmin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * This jest worker's own database, cloned from the migrated template the first time it is asked for.
 * Test files of one worker run one after another and share it; they make their own rows (factories).
 */
export async function workerDatabaseUrl(): Promise<string> {
  const name = `test_w${process.env.JEST_WORKER_ID ?? '1'}`;
  await withAdmin(async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
    }
  });
  return databaseUrl(name);
}

/** A new, empty (migrated) database, for tests that need one to themselves. */
export async function freshDatabaseUrl(label: string): Promise<string> {
  const name = `test_${label}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return databaseUrl(name);
}

/** A bare database with no tables at all. */
export async function emptyDatabaseUrl(label: string): Promise<string> {
  const name = `test_${label}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  return databaseUrl(name);
}

export async function openDataSource(url: string): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url, { poolSize: 12 })).initialize();
}
