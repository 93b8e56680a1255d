import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '@app/common';
import { openDatabase } from './embedded-database';

/** How long the api and the worker get to finish their work after Ctrl-C. */
const GRACE_MS = 20_000;

function log(message: string): void {
  process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), app: 'launcher', msg: message })}\n`);
}

/**
 * `npm start`: the whole product on one machine. PostgreSQL (embedded unless DATABASE_URL is set), then the
 * api and the worker as child processes. Ctrl-C or SIGTERM stops the api and the worker first, then
 * PostgreSQL, and nothing is left running.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, log);
  const children = new Map<string, ChildProcess>();
  let stopping = false;
  let exitCode = 0;

  const stopAll = async (reason: string): Promise<void> => {
    if (stopping) {
      return;
    }
    stopping = true;
    log(`Đang dừng (${reason})…`);
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) {
              resolve();
              return;
            }
            const timer = setTimeout(() => child.kill('SIGKILL'), GRACE_MS);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await database.stop();
    log('Đã dừng hẳn.');
    process.exit(exitCode);
  };

  process.on('SIGINT', () => void stopAll('SIGINT'));
  process.on('SIGTERM', () => void stopAll('SIGTERM'));
  process.on('SIGHUP', () => void stopAll('SIGHUP'));

  const env = { ...process.env, DATABASE_URL: database.url, LAUNCHER_PID: String(process.pid) };
  for (const app of ['api', 'worker'] as const) {
    // Each child in its own process group: Ctrl-C reaches only the launcher, which stops them in order.
    const child = spawn(process.execPath, [join(__dirname, '..', '..', app, 'src', 'main.js')], {
      env: { ...env, APP_NAME: app },
      stdio: 'inherit',
      detached: true,
    });
    children.set(app, child);
    child.on('exit', (code, signal) => {
      if (!stopping) {
        exitCode = 1;
        void stopAll(`${app} đã thoát (mã ${code ?? signal})`);
      }
    });
  }
  log(`Đang khởi động api (cổng ${config.port}) và worker…`);
}

main().catch((error: unknown) => {
  console.error('Không khởi động được:', error);
  process.exit(1);
});
