import { DataSource } from 'typeorm';
import { GLOBAL_LOCKS } from '@app/common';

/**
 * Runs pending migrations while holding a session-level advisory lock, so that several api and worker
 * replicas booting at once apply each migration exactly once. Returns the names applied.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [GLOBAL_LOCKS.migrations]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [GLOBAL_LOCKS.migrations]);
    }
  } finally {
    await runner.release();
  }
}
