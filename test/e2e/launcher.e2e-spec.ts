import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../libs/db/src/embedded-postgres.server';
import { waitHealthy } from '../support/processes';

/**
 * `npm start` as a user runs it: the built launcher in a child process, embedded PostgreSQL in a fresh
 * DATA_DIR, real signals. (`npm test` builds dist/ first, see the pretest script.)
 */
const LAUNCHER = join(__dirname, '..', '..', 'dist', 'apps', 'launcher', 'src', 'main.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(dataDir: string, port: number): Running {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.BOOTSTRAP_ADMIN_PASSWORD;
  delete env.JWT_SECRET;
  delete env.LAUNCHER_PID;
  const child = spawn(process.execPath, [LAUNCHER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const running = { child, output: () => output, exited };
  launched.push(running);
  return running;
}

const launched: Running[] = [];

/** Processes started for this launcher or running on this data directory. */
function leftovers(launcherPid: number, dataDir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (cmdline.includes(dataDir) || environ.includes(`LAUNCHER_PID=${launcherPid}`)) {
        found.push(`${entry}: ${cmdline}`);
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** The pid of the launcher's running api or worker. */
function childPid(launcherPid: number, app: 'api' | 'worker'): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (
        environ.includes(`LAUNCHER_PID=${launcherPid}`) &&
        environ.includes(`APP_NAME=${app}`) &&
        cmdline.includes(`dist/apps/${app}/src/main.js`)
      ) {
        return Number(entry);
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return undefined;
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (check()) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

async function login(port: number, password: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

describe('npm start (the launcher)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'xa-portal-launcher-'));
  afterAll(async () => {
    // A failed assertion must not leave a launcher (and its database) running.
    for (const { child, exited } of launched) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts everything on a fresh DATA_DIR, stops cleanly, restarts warm and survives being killed', async () => {
    expect(existsSync(LAUNCHER)).toBe(true);
    const port = await freePort();

    // First start: PostgreSQL is initialised, the admin password is printed once.
    const first = launch(dataDir, port);
    await waitHealthy(port);
    const password = /mật khẩu: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    // Also as a plain framed line a person finds among the JSON logs.
    expect(first.output()).toContain(`║ Mật khẩu: ${password!} `);
    expect(first.output()).toContain('║ Tài khoản quản trị: admin');
    const token = await login(port, password!);
    const created = await fetch(`http://127.0.0.1:${port}/api/v1/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ code: 'HAKY', name: 'UBND xã Hà Kỳ', kind: 'commune', slug: 'ha-ky' }),
    });
    expect(created.status).toBe(201);

    // SIGTERM stops the api, the worker and PostgreSQL, and leaves nothing behind.
    first.child.kill('SIGTERM');
    await expect(first.exited).resolves.toBe(0);
    expect(leftovers(first.child.pid!, dataDir)).toEqual([]);

    // Warm start: same data, the password is not printed again.
    const second = launch(dataDir, port);
    await waitHealthy(port);
    expect(second.output()).not.toMatch(/mật khẩu: /);
    const again = await login(port, password!);
    const units = (await (
      await fetch(`http://127.0.0.1:${port}/api/v1/units`, { headers: { authorization: `Bearer ${again}` } })
    ).json()) as { items: { code: string }[] };
    expect(units.items.map((u) => u.code)).toContain('HAKY');

    // A second launcher on the same DATA_DIR is refused instead of stealing the database.
    const intruder = launch(dataDir, await freePort());
    await expect(intruder.exited).resolves.toBe(1);
    expect(intruder.output()).toMatch(/đang chạy/);

    // Killed outright: the api and the worker notice and stop by themselves…
    second.child.kill('SIGKILL');
    await second.exited;
    const apiAndWorkerGone = await until(
      () => leftovers(second.child.pid!, dataDir).filter((p) => p.includes('dist/apps')).length === 0,
      10_000,
    );
    expect(apiAndWorkerGone).toBe(true);

    // …and the next start takes over the PostgreSQL left running, with no corrupt data.
    const third = launch(dataDir, port);
    await waitHealthy(port);
    await expect(login(port, password!)).resolves.toEqual(expect.any(String));
    third.child.kill('SIGINT');
    await expect(third.exited).resolves.toBe(0);
    expect(leftovers(third.child.pid!, dataDir)).toEqual([]);
  }, 120_000);

  it('restarts a crashed api with backoff and logs it, leaving the worker and the database running', async () => {
    const port = await freePort();
    const crashDir = mkdtempSync(join(tmpdir(), 'xa-portal-launcher-crash-'));
    const running = launch(crashDir, port);
    await waitHealthy(port, 60_000);
    const launcherPid = running.child.pid!;
    const worker = childPid(launcherPid, 'worker');
    const api = childPid(launcherPid, 'api');
    expect(worker).toBeDefined();
    expect(api).toBeDefined();

    // An api killed outright (out of memory, kill -9) comes back by itself and answers again.
    process.kill(api!, 'SIGKILL');
    await until(() => running.output().includes('api đã thoát bất thường (tín hiệu SIGKILL)'), 5000);
    expect(running.output()).toMatch(/khởi động lại sau 1 giây \(lần 1\)/);
    await waitHealthy(port, 30_000);
    const restarted = childPid(launcherPid, 'api');
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(api);
    // The worker was not touched, the launcher still runs.
    expect(childPid(launcherPid, 'worker')).toBe(worker);
    expect(running.child.exitCode).toBeNull();

    // A second crash soon after waits longer (backoff), and comes back too.
    process.kill(restarted!, 'SIGKILL');
    await until(() => /khởi động lại sau 2 giây \(lần 2\)/.test(running.output()), 5000);
    await waitHealthy(port, 30_000);

    // A crashed worker comes back as well.
    process.kill(worker!, 'SIGKILL');
    await until(() => running.output().includes('worker đã thoát bất thường (tín hiệu SIGKILL)'), 5000);
    expect(await until(() => (childPid(launcherPid, 'worker') ?? worker) !== worker, 10_000)).toBe(true);

    // Ctrl-C still stops everything, restarted children included.
    running.child.kill('SIGINT');
    await expect(running.exited).resolves.toBe(0);
    expect(leftovers(launcherPid, crashDir)).toEqual([]);
    rmSync(crashDir, { recursive: true, force: true });
  }, 180_000);
});
