import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

/** Root of the source tree (or of dist/ when built): entities and migrations are found from here. */
const ROOT = join(__dirname, '..', '..', '..');

/**
 * The one description of the database, used by Nest (DbModule), by the TypeORM CLI (below) and by tests.
 * `synchronize` is never on: migrations in migrations/ are the only way the schema changes.
 */
export function dataSourceOptions(
  url: string,
  overrides: { poolSize?: number; applicationName?: string } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [join(ROOT, 'libs', '*', 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(ROOT, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    applicationName: overrides.applicationName ?? 'xa-portal',
    poolSize: overrides.poolSize ?? 10,
    extra: { idleTimeoutMillis: 30_000 },
  };
}

/** For the TypeORM CLI (`npm run migration:generate`, `npm run migration:run`): DATABASE_URL must be set. */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://localhost/postgres'));
