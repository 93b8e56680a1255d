import { ChildProcess, spawn } from 'node:child_process';
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
