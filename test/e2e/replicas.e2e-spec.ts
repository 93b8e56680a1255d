import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../libs/db/src/embedded-postgres.server';
import { ADMIN_PASSWORD } from '../support/api';
import { freshDatabaseUrl, openDataSource } from '../support/database';
import { waitHealthy } from '../support/processes';

/**
 * Two api replicas as `npm run start:api` runs them: real processes on one PostgreSQL, each with a DATA_DIR
 * of its own, and no JWT_SECRET. (`npm test` builds dist/ first, see the pretest script.)
 */
const API = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');

const started: ChildProcess[] = [];

function startApi(databaseUrl: string, dataDir: string, port: number): { output: () => string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    MEDIA_DIR: join(dataDir, 'media'),
    PORT: String(port),
    LOG_LEVEL: 'info',
  };
  delete env.JWT_SECRET;
  delete env.LAUNCHER_PID;
  const child = spawn(process.execPath, [API], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { output: () => output };
}

async function login(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const me = async (port: number, token: string): Promise<number> =>
  (await fetch(`http://127.0.0.1:${port}/api/v1/users/me`, { headers: { authorization: `Bearer ${token}` } }))
    .status;

describe('Replicas without JWT_SECRET (e2e, real processes)', () => {
  afterAll(async () => {
    await Promise.all(
      started.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) {
              resolve();
              return;
            }
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  });

  it('accept each other’s tokens: the generated key is kept in the database, an older DATA_DIR key is carried over', async () => {
    const databaseUrl = await freshDatabaseUrl('replicas');
    // The first replica ran an earlier version, which made its key in DATA_DIR.
    const firstDir = mkdtempSync(join(tmpdir(), 'xa-replica-a-'));
    mkdirSync(join(firstDir, 'secrets'));
    writeFileSync(join(firstDir, 'secrets', 'jwt-secret'), 'khoa-cu-trong-data-dir-cua-ban-a\n');
    const [portA, portB] = [await freePort(), await freePort()];
    const a = startApi(databaseUrl, firstDir, portA);
    await waitHealthy(portA, 60_000);
    const b = startApi(databaseUrl, mkdtempSync(join(tmpdir(), 'xa-replica-b-')), portB);
    await waitHealthy(portB, 60_000);

    const fromA = await login(portA);
    const fromB = await login(portB);
    expect(await me(portB, fromA)).toBe(200);
    expect(await me(portA, fromB)).toBe(200);

    // The key A had is the shared one (tokens it signed before the upgrade stay valid), and the log says so.
    const db = await openDataSource(databaseUrl);
    try {
      const rows: { value: string }[] = await db.query(
        `SELECT value FROM app_secrets WHERE name = 'jwt-secret'`,
      );
      expect(rows).toEqual([{ value: 'khoa-cu-trong-data-dir-cua-ban-a' }]);
    } finally {
      await db.destroy();
    }
    expect(a.output()).toMatch(/khóa ký trong .* được chuyển vào cơ sở dữ liệu/);
    expect(b.output()).toMatch(/JWT_SECRET chưa đặt: dùng khóa ký chung lưu trong cơ sở dữ liệu/);
    expect(b.output()).not.toMatch(/đã tạo khóa ký mới/);
  }, 120_000);
});
