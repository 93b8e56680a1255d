import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrationsLocked } from '../../libs/db/src';
import { emptyDatabaseUrl, freshDatabaseUrl } from '../support/database';

describe('schema', () => {
  it('has no drift: entities and migrations describe the same schema', async () => {
    const dataSource = await new DataSource(dataSourceOptions(await freshDatabaseUrl('drift'))).initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      // Any query here means an entity changed without a migration: run `npm run migration:generate`.
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('applies every migration on an empty database, reverts them all with down(), and applies them again', async () => {
    const dataSource = await new DataSource(dataSourceOptions(await emptyDatabaseUrl('updown'))).initialize();
    try {
      const applied = await runMigrationsLocked(dataSource);
      expect(applied.length).toBeGreaterThan(0);
      for (let i = 0; i < applied.length; i += 1) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      const tables: { table_name: string }[] = await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(tables).toEqual([]);
      expect(await runMigrationsLocked(dataSource)).toEqual(applied);
    } finally {
      await dataSource.destroy();
    }
  });

  it('applies migrations once when several processes boot at the same time', async () => {
    const url = await emptyDatabaseUrl('race');
    const sources = await Promise.all(
      [1, 2, 3].map(() => new DataSource(dataSourceOptions(url, { poolSize: 2 })).initialize()),
    );
    try {
      const results = await Promise.all(sources.map((s) => runMigrationsLocked(s)));
      const total = results.reduce((n, applied) => n + applied.length, 0);
      expect(total).toBe(Math.max(...results.map((r) => r.length)));
      const rows: { count: string }[] = await sources[0].query('SELECT count(*) FROM migrations');
      expect(Number(rows[0].count)).toBe(total);
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
    }
  });
});
