import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '@app/common';
import { openDatabase } from './embedded-database';
import { RestartBackoff } from './restart-policy';

/** After the worker's own bound for finishing its jobs, how long it gets to close the rest. */
const CLOSE_MARGIN_MS = 15_000;

type Level = 'info' | 'warn' | 'error';
const LEVELS: Record<Level, number> = { info: 30, warn: 40, error: 50 };

function log(message: string, fields: Record<string, unknown> = {}, level: Level = 'info'): void {
  process.stdout.write(
    `${JSON.stringify({ level: LEVELS[level], time: Date.now(), app: 'launcher', ...fields, msg: message })}\n`,
  );
}

interface Child {
  app: 'api' | 'worker';
  process?: ChildProcess;
  startedAt: number;
  backoff: RestartBackoff;
  restartTimer?: NodeJS.Timeout;
}

/**
 * `npm start`: the whole product on one machine. PostgreSQL (embedded unless DATABASE_URL is set), then the
 * api and the worker as child processes. A child that exits on its own (a crash, out of memory) is started
 * again with backoff, and the event is logged: a commune's one PC has nobody watching it, and one crashed
 * process must not take the others down. Ctrl-C or SIGTERM stops the api and the worker first (the worker
 * finishes or hands back its jobs), then PostgreSQL, and nothing is left running.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, (message) => log(message));
  const graceMs = config.workerStopTimeoutSeconds * 1000 + CLOSE_MARGIN_MS;
  const children: Child[] = [
    { app: 'api', startedAt: 0, backoff: new RestartBackoff() },
    { app: 'worker', startedAt: 0, backoff: new RestartBackoff() },
  ];
  let stopping = false;

  const stopAll = async (reason: string): Promise<void> => {
    if (stopping) {
      return;
    }
    stopping = true;
    log(`Đang dừng (${reason})…`);
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            clearTimeout(child.restartTimer);
            const running = child.process;
            if (!running || running.exitCode !== null || running.signalCode !== null) {
              resolve();
              return;
            }
            const timer = setTimeout(() => running.kill('SIGKILL'), graceMs);
            running.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            running.kill('SIGTERM');
          }),
      ),
    );
    await database.stop();
    log('Đã dừng hẳn.');
    process.exit(0);
  };

  process.on('SIGINT', () => void stopAll('SIGINT'));
  process.on('SIGTERM', () => void stopAll('SIGTERM'));
  process.on('SIGHUP', () => void stopAll('SIGHUP'));

  const env = { ...process.env, DATABASE_URL: database.url, LAUNCHER_PID: String(process.pid) };
  const start = (child: Child): void => {
    child.restartTimer = undefined;
    if (stopping) {
      return;
    }
    // Each child in its own process group: Ctrl-C reaches only the launcher, which stops them in order.
    const running = spawn(process.execPath, [join(__dirname, '..', '..', child.app, 'src', 'main.js')], {
      env: { ...env, APP_NAME: child.app },
      stdio: 'inherit',
      detached: true,
    });
    child.process = running;
    child.startedAt = Date.now();
    running.on('exit', (code, signal) => {
      if (stopping) {
        return;
      }
      const ranMs = Date.now() - child.startedAt;
      const { delayMs, attempt } = child.backoff.exited(ranMs);
      log(
        `${child.app} đã thoát bất thường (${signal ? `tín hiệu ${signal}` : `mã ${code}`}) sau ${Math.round(ranMs / 1000)} giây; ` +
          `khởi động lại sau ${delayMs / 1000} giây (lần ${attempt})`,
        { child: child.app, pid: running.pid, code, signal, ranMs, restartInMs: delayMs, attempt },
        'error',
      );
      child.restartTimer = setTimeout(() => {
        log(`Khởi động lại ${child.app} (lần ${attempt})…`, { child: child.app, attempt });
        start(child);
      }, delayMs);
    });
  };
  children.forEach(start);
  log(`Đang khởi động api (cổng ${config.port}) và worker…`);
}

main().catch((error: unknown) => {
  console.error('Không khởi động được:', error);
  process.exit(1);
});
