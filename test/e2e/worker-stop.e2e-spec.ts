import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { JOB_POLICIES, QUEUE_SUPERVISE_SECONDS } from '../../libs/queue/src';
import { startApi, TestApi } from '../support/api';
import { freshDatabaseUrl, openDataSource } from '../support/database';
import { createUnit } from '../support/factories';
import { eventually } from '../support/processes';

/**
 * Workers as a rolling restart and a power cut treat them: the built worker (`npm run start:worker`) in
 * processes of their own on one PostgreSQL, stopped with real signals while they speak a long article.
 * (`npm test` builds dist/ first, see the pretest script.)
 */
const WORKER = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'src', 'main.js');

interface Worker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: Worker[] = [];

function startWorker(databaseUrl: string, extraEnv: Record<string, string> = {}): Worker {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'info',
    ...extraEnv,
  };
  delete env.LAUNCHER_PID;
  // A process group of its own, as a service manager or a terminal runs it: the signal goes to the group.
  const child = spawn(process.execPath, [WORKER], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const worker = { child, output: () => output, exited };
  started.push(worker);
  return worker;
}

/** The pids of a process's children (ffmpeg runs). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // The parent pid is the 4th field, after the command in parentheses.
        return Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const SENTENCE =
  'Ủy ban nhân dân xã thông báo về việc triển khai cải cách hành chính trên địa bàn, đề nghị bà con nhân dân thực hiện đúng quy định. ';
/** About 800 characters: a minute of speech, some seconds of work (many on a busy machine). */
const BODY = `<p>${SENTENCE.repeat(6)}</p>`;

describe('Workers stopped by signals keep the work (e2e, real processes)', () => {
  let api: TestApi;
  let admin: string;
  let db: DataSource;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await freshDatabaseUrl('workerstop');
    // The api in this process; its DATA_DIR and MEDIA_DIR (set in process.env) are the workers' too.
    api = await startApi({ DATABASE_URL: databaseUrl });
    admin = await api.adminToken();
    db = await openDataSource(databaseUrl);
  });
  afterAll(async () => {
    for (const { child, exited } of started) {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(-child.pid!, 'SIGKILL');
        await exited;
      }
    }
    await db?.destroy();
    await api?.close();
  });

  async function requestAudio(bodyHtml: string): Promise<string> {
    const unit = await createUnit(api, admin);
    const categories = (await api.request('GET', `/api/v1/units/${unit.id}/categories`, { token: admin }))
      .body as { id: string }[];
    const created = await api.request('POST', '/api/v1/articles', {
      token: admin,
      body: {
        unitId: unit.id,
        title: 'Thông báo về cải cách hành chính',
        bodyHtml,
        categoryIds: [categories[0].id],
      },
    });
    expect(created.status).toBe(201);
    for (const step of ['submit', 'approve']) {
      expect(
        (await api.request('POST', `/api/v1/articles/${created.body.id}/${step}`, { token: admin })).status,
      ).toBe(200);
    }
    const requested = await api.request('POST', `/api/v1/articles/${created.body.id}/audio`, {
      token: admin,
      body: {},
    });
    expect(requested.status).toBe(202);
    return requested.body.audioId as string;
  }

  const status = async (audioId: string): Promise<{ status: string; error: string | null }> =>
    (await api.request('GET', `/api/v1/audio/${audioId}`, { token: admin })).body;

  const job = async (audioId: string): Promise<{ state: string; retry_count: number } | undefined> =>
    (
      await db.query(
        `SELECT state, retry_count FROM pgboss.job WHERE name = 'audio.synthesize' AND data->>'audioId' = $1`,
        [audioId],
      )
    )[0];

  const processing = (audioId: string): Promise<true> =>
    eventually(
      'processing',
      async () => ((await status(audioId)).status === 'processing' ? true : undefined),
      30_000,
    );

  it('a worker stopped with SIGTERM (to its whole process group) finishes the audio it is making', async () => {
    // Time enough to finish on a busy machine: this is about the order of shutdown, not the bound.
    const worker = startWorker(databaseUrl, { WORKER_STOP_TIMEOUT_SECONDS: '300' });
    const audioId = await requestAudio(BODY);
    await processing(audioId);
    // The whole group gets it, as from a terminal or a service manager: ffmpeg too, if it is running.
    process.kill(-worker.child.pid!, 'SIGTERM');
    const exit = await worker.exited;
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await status(audioId)).toMatchObject({ status: 'ready', error: null });
    // Finished by this worker, not handed back.
    expect(await job(audioId)).toEqual({ state: 'completed', retry_count: 0 });
    expect(worker.output()).toMatch(/Đang chờ 1 công việc đang chạy xong/);
    expect(worker.output()).not.toMatch(/Đã trả lại/);
  }, 300_000);

  it('a stopping worker that cannot finish in time hands the job back, and another worker makes it', async () => {
    const stopping = startWorker(databaseUrl, { WORKER_STOP_TIMEOUT_SECONDS: '1' });
    const audioId = await requestAudio(BODY);
    await processing(audioId);
    const other = startWorker(databaseUrl);
    process.kill(-stopping.child.pid!, 'SIGTERM');
    expect(await stopping.exited).toEqual({ code: 1, signal: null });
    expect(stopping.output()).toMatch(/Đã trả lại hàng đợi 1 công việc chưa xong/);
    // Not `failed` on the way out: the other worker takes it at once (no expiry to wait for).
    const ready = await eventually(
      'ready',
      async () => {
        const now = await status(audioId);
        expect(now.status).not.toBe('failed');
        return now.status === 'ready' ? now : undefined;
      },
      180_000,
    );
    expect(ready.error).toBeNull();
    expect(await job(audioId)).toEqual({ state: 'completed', retry_count: 1 });
    process.kill(-other.child.pid!, 'SIGTERM');
    await other.exited;
  }, 300_000);

  it('after a kill -9 another worker takes the job over within its expiry and finishes it', async () => {
    const policy = JOB_POLICIES['audio.synthesize'];
    const victim = startWorker(databaseUrl);
    const audioId = await requestAudio(BODY);
    await processing(audioId);
    const other = startWorker(databaseUrl);
    // A power cut: the worker and the ffmpeg it runs (in a process group of its own) die at once.
    const ffmpegs = childrenOf(victim.child.pid!);
    process.kill(-victim.child.pid!, 'SIGKILL');
    ffmpegs.forEach((pid) => process.kill(pid, 'SIGKILL'));
    const killedAt = Date.now();
    await victim.exited;
    // Its expiry, then at most one supervisor interval, the first retry delay (up to twice) and a poll.
    const bound =
      (policy.expireInSeconds + QUEUE_SUPERVISE_SECONDS + 2 * policy.retryDelaySeconds + 5) * 1000;
    const takenOverMs = await eventually(
      'taken over',
      async () => {
        const [taken] = await db.query(
          `SELECT extract(epoch FROM started_on) * 1000 AS at FROM pgboss.job
            WHERE name = 'audio.synthesize' AND data->>'audioId' = $1 AND started_on > to_timestamp($2 / 1000.0)`,
          [audioId, killedAt],
        );
        return taken ? Number(taken.at) - killedAt : undefined;
      },
      bound,
    );
    const readyMs = await eventually(
      'ready',
      async () => ((await status(audioId)).status === 'ready' ? Date.now() - killedAt : undefined),
      120_000,
    );
    // The figure for the notes.
    process.stdout.write(
      `audio.synthesize after kill -9: taken over after ${(takenOverMs / 1000).toFixed(1)} s, ready after ${(readyMs / 1000).toFixed(1)} s (expiry ${policy.expireInSeconds} s)\n`,
    );
    expect(takenOverMs).toBeGreaterThanOrEqual(policy.expireInSeconds * 1000 - 1000);
    expect(takenOverMs).toBeLessThanOrEqual(bound);
    expect(await job(audioId)).toEqual({ state: 'completed', retry_count: 1 });
    process.kill(-other.child.pid!, 'SIGTERM');
    await other.exited;
  }, 400_000);
});
