import { ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const LAUNCHER = join(__dirname, '..', 'apps', 'launcher', 'src', 'main.js');

/** The product as `npm start` runs it (embedded PostgreSQL, api, worker), on a data folder of its own. */
export function launch(
  dataDir: string,
  port: number,
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; exited: Promise<number | null> } {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...env,
  };
  delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [LAUNCHER], { env: childEnv, stdio: 'ignore' });
  return { child, exited: new Promise((resolve) => child.on('exit', resolve)) };
}

/** Stops what `launch` started as Ctrl-C on `npm start` would, waits until it has exited, and removes `dir`. */
export async function stopAndRemove(run: ReturnType<typeof launch>, dir: string): Promise<void> {
  run.child.kill('SIGINT');
  await run.exited;
  rmSync(dir, { recursive: true, force: true });
}

export async function msUntilHealthy(port: number, started: number): Promise<number> {
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status === 200) {
        return Date.now() - started;
      }
    } catch {
      // not yet
    }
    if (Date.now() - started > 60_000) {
      throw new Error('not healthy after 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A JSON call to the api as the signed-in administrator; throws on any answer from 300 up. */
export type AdminCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/**
 * Waits until the product launched on `port` answers, then logs the bootstrap administrator in (the
 * password given to `launch` as BOOTSTRAP_ADMIN_PASSWORD). Returns the api's base address, the token and a
 * `call` that sends it.
 */
export async function signedInAdmin(
  port: number,
  password: string,
): Promise<{ base: string; token: string; call: AdminCall }> {
  await msUntilHealthy(port, Date.now());
  const base = `http://127.0.0.1:${port}/api/v1`;
  const send = async <T>(method: string, path: string, token: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) {
      throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    }
    return (await res.json()) as T;
  };
  const { accessToken: token } = await send<{ accessToken: string }>('POST', '/auth/login', '', {
    username: 'admin',
    password,
  });
  return { base, token, call: (method, path, body) => send(method, path, token, body) };
}

/** One aligned line per figure: what, the value measured, the target. */
export function printFigures(figures: string[][]): void {
  for (const [what, value, target] of figures) {
    console.log(`${what.padEnd(62)} ${value.padStart(22)}   ${target ?? ''}`);
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
