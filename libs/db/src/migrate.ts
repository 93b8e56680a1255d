import { DataSource } from 'typeorm';

/** Any constant that no other advisory lock of this database uses. */
const MIGRATION_LOCK_KEY = 7_402_115_001;

/**
 * Runs pending migrations while holding a session-level advisory lock, so that several api and worker
 * replicas booting at once apply each migration exactly once. Returns the names applied.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
