import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const pg = globalThis.__TEST_PG__;
  if (pg) {
    await pg.server.stop();
    rmSync(pg.dir, { recursive: true, force: true });
  }
}
