import { Injectable, INestApplicationContext, Module } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createWorker } from '../../apps/worker/src/create-worker';
import { loadConfig } from '../../libs/common/src';
import PgBoss from 'pg-boss';
import { JOB_NAMES, JOB_POLICIES, QueueService, ScheduleService } from '../../libs/queue/src';
import { freshDatabaseUrl, openDataSource, workerDatabaseUrl } from '../support/database';

const EVERY_SECOND = '* * * * * *';

/** A schedule of the test's own, firing every second in every worker that loads it. */
@Injectable()
class EverySecond {
  fired = 0;
  constructor(
    private readonly schedule: ScheduleService,
    private readonly dataSource: DataSource,
  ) {}

  @Cron(EVERY_SECOND, { name: 'test.every-second' })
  async tick(): Promise<void> {
    this.fired += 1;
    await this.schedule.runOnce('test.every-second', EVERY_SECOND, async (at) => {
      await this.dataSource.query('INSERT INTO test_tick_runs (scheduled_at) VALUES ($1)', [at]);
    });
  }
}

@Module({ providers: [EverySecond] })
class EverySecondModule {}

describe('worker', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    process.env.DATABASE_URL = await workerDatabaseUrl();
    dataSource = await openDataSource(process.env.DATABASE_URL);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('runs each tick of a schedule exactly once across two workers', async () => {
    await dataSource.query('CREATE TABLE IF NOT EXISTS test_tick_runs (scheduled_at timestamptz NOT NULL)');
    await dataSource.query('DELETE FROM test_tick_runs');
    const workers: INestApplicationContext[] = await Promise.all([
      createWorker([EverySecondModule]),
      createWorker([EverySecondModule]),
    ]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 3500));
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
    const fired = workers.map((w) => w.get(EverySecond).fired);
    // Both workers fired the schedule…
    expect(fired.every((n) => n >= 2)).toBe(true);
    const runs: { scheduled_at: Date; n: string }[] = await dataSource.query(
      'SELECT scheduled_at, count(*) AS n FROM test_tick_runs GROUP BY scheduled_at ORDER BY scheduled_at',
    );
    // …but every scheduled second ran once.
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.every((r) => Number(r.n) === 1)).toBe(true);
    expect(runs.every((r) => new Date(r.scheduled_at).getMilliseconds() === 0)).toBe(true);
  });

  it('consumes a job enqueued by the api and runs its handler', async () => {
    const unitId = randomUUID();
    await dataSource.query(
      `INSERT INTO units (id, code, name, kind, slug) VALUES ($1, $2, 'Xã kiểm tra', 'commune', $3)`,
      [unitId, `W${unitId.slice(0, 8)}`, `w-${unitId.slice(0, 8)}`],
    );
    const worker = await createWorker();
    try {
      const queue = worker.get(QueueService);
      const jobId = await queue.enqueue('evidence.verify', { unitId });
      expect(jobId).toEqual(expect.any(String));
      let state = '';
      for (let i = 0; i < 100 && state !== 'completed'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        state = (await queue.boss.getJobById('evidence.verify', jobId!))?.state ?? '';
      }
      expect(state).toBe('completed');
    } finally {
      await worker.close();
    }
  });
});

describe('queue', () => {
  let queue: QueueService;
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await workerDatabaseUrl();
    dataSource = await openDataSource(url);
    queue = new QueueService(loadConfig({ ...process.env, DATABASE_URL: url }), { role: 'api' }, dataSource);
    await queue.onModuleInit();
  });
  afterAll(async () => {
    await queue.onApplicationShutdown();
    await dataSource.destroy();
  });

  it('enqueues inside the caller transaction: nothing is sent when it rolls back', async () => {
    const unitId = randomUUID();
    let rolledBackId: string | null = null;
    await expect(
      dataSource.transaction(async (manager) => {
        rolledBackId = await queue.enqueue('evidence.verify', { unitId }, { manager });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(rolledBackId).toEqual(expect.any(String));
    await expect(queue.boss.getJobById('evidence.verify', rolledBackId!)).resolves.toBeNull();

    const committedId = await dataSource.transaction((manager) =>
      queue.enqueue('evidence.verify', { unitId }, { manager }),
    );
    const job = await queue.boss.getJobById('evidence.verify', committedId!);
    expect(job?.data).toEqual({ unitId });
  });

  it('answers healthy while the database does', async () => {
    await expect(queue.healthy()).resolves.toBe(true);
  });
});

describe('queue policies', () => {
  it('gives every queue its job’s expiry and retries, also a queue an earlier version made with pg-boss’s 15 minutes', async () => {
    const url = await freshDatabaseUrl('queuepolicy');
    // What the earlier version left: the queue made without an expiry (pg-boss then gives a job 15 minutes).
    const old = new PgBoss({ connectionString: url, schema: 'pgboss', supervise: false, schedule: false });
    await old.start();
    await old.createQueue('audio.synthesize', {
      name: 'audio.synthesize',
      retryLimit: 3,
      retryBackoff: true,
    });
    await old.stop({ graceful: false, wait: true });

    const dataSource = await openDataSource(url);
    const queue = new QueueService(
      loadConfig({ ...process.env, DATABASE_URL: url }),
      { role: 'api' },
      dataSource,
    );
    try {
      await queue.onModuleInit();
      for (const name of JOB_NAMES) {
        const policy = JOB_POLICIES[name];
        expect(await queue.boss.getQueue(name)).toMatchObject({
          expireInSeconds: policy.expireInSeconds,
          retryLimit: policy.retryLimit,
          retryDelay: policy.retryDelaySeconds,
          retryBackoff: true,
        });
      }
      // A job sent now carries its queue's expiry.
      const id = await queue.enqueue('audio.synthesize', { audioId: randomUUID() });
      const [job] = await dataSource.query(
        `SELECT extract(epoch FROM expire_in) AS seconds FROM pgboss.job WHERE id = $1`,
        [id],
      );
      expect(Number(job.seconds)).toBe(JOB_POLICIES['audio.synthesize'].expireInSeconds);
    } finally {
      await queue.onApplicationShutdown();
      await dataSource.destroy();
    }
  });
});
