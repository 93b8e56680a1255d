import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/common';
import { dataSourceOptions, runMigrationsLocked } from '@app/db';
import { openDatabase } from './embedded-database';

/**
 * Runs a command with DATABASE_URL pointing at the product's database (the embedded one unless
 * DATABASE_URL is set), after applying the migrations. Used by `npm run migration:generate`.
 *   node dist/apps/launcher/src/with-database.js <command> [args…]
 */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfig();
  const database = await openDatabase(config, (m) => console.error(m), 'guest');
  let status = 1;
  try {
    const dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    await runMigrationsLocked(dataSource);
    await dataSource.destroy();
    if (command) {
      status =
        spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: database.url } })
          .status ?? 1;
    } else {
      status = 0;
    }
  } finally {
    await database.stop();
  }
  process.exit(status);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
