import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, GLOBAL_LOCKS } from '@app/common';

import { JOB_NAMES, JOB_POLICIES, JobName, JobPayloads, QUEUE_SUPERVISE_SECONDS } from './jobs';

export const QUEUE_OPTIONS = Symbol('QUEUE_OPTIONS');
export interface QueueOptions {
  /** The worker consumes and maintains the queue; the api only sends. */
  role: 'api' | 'worker';
  /**
   * Called when jobs were handed back: their handlers are still running in this process and must not get
   * to record a failure once the engines close under them, so by default the process ends at once (as a
   * power cut would; handlers are idempotent and another worker runs the job again).
   */
  onHandedBack?: () => void;
}

export interface EnqueueOptions {
  /** Send inside this transaction: the job exists only if the transaction commits. */
  manager?: EntityManager;
  /** Deterministic key: a second job with the same key is dropped while the first is queued or active. */
  singletonKey?: string;
  /** Higher runs first among waiting jobs of the same name (an emergency notice's speech: 10). */
  priority?: number;
  startAfter?: Date;
  retryLimit?: number;
}

/** pg-boss on the application's own PostgreSQL (schema `pgboss`): no Redis to run. */
@Injectable()
export class QueueService implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Queue');
  readonly boss: PgBoss;
  private started = false;
  /** Jobs whose handler is running in this process. */
  private readonly running = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(QUEUE_OPTIONS) private readonly options: QueueOptions,
    private readonly dataSource: DataSource,
  ) {
    const worker = options.role === 'worker';
    this.boss = new PgBoss({
      connectionString: config.databaseUrl,
      schema: 'pgboss',
      application_name: `xa-portal-${options.role}-queue`,
      max: worker ? 4 : 2,
      supervise: worker,
      maintenanceIntervalSeconds: QUEUE_SUPERVISE_SECONDS,
      schedule: false,
      migrate: true,
    });
    this.boss.on('error', (error) => this.logger.error(error));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.started = true;
    // Replicas booting together would deadlock creating the same queues: one at a time, missing ones only.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [GLOBAL_LOCKS.queueSetup]);
      try {
        for (const name of JOB_NAMES) {
          const { expireInSeconds, retryLimit, retryDelaySeconds } = JOB_POLICIES[name];
          const policy = {
            name,
            expireInSeconds,
            retryLimit,
            retryDelay: retryDelaySeconds,
            retryBackoff: true,
          };
          const existing = await this.boss.getQueue(name);
          if (!existing) {
            await this.boss.createQueue(name, policy);
          } else if (
            existing.expireInSeconds !== expireInSeconds ||
            existing.retryLimit !== retryLimit ||
            existing.retryDelay !== retryDelaySeconds ||
            existing.retryBackoff !== true
          ) {
            // A queue made by an earlier version keeps pg-boss's 15-minute expiry until told otherwise.
            await this.boss.updateQueue(name, policy);
          }
        }
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [GLOBAL_LOCKS.queueSetup]);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Subscribes a handler to its job. A job still running when the worker stops is either finished (the
   * queue stops before anything else closes, see beforeApplicationShutdown) or handed back.
   */
  async work<N extends JobName>(name: N, handler: (payload: JobPayloads[N], jobId: string) => Promise<void>) {
    // Polled every 0.5 s (pg-boss's floor; its default is 2 s): a person waits on audio jobs, and the pick-up
    // delay was up to 2 s of a 5 s article (issue 13, B4).
    await this.boss.work<object>(name, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      for (const job of jobs) {
        this.running.add(job.id);
        try {
          await handler(job.data as JobPayloads[N], job.id);
        } finally {
          this.running.delete(job.id);
        }
      }
    });
  }

  /**
   * Stops taking jobs and waits for the running ones (bounded) while the engines, ffmpeg and the database
   * they use are still open: Nest calls every beforeApplicationShutdown before any onApplicationShutdown,
   * where the speech engines and TypeORM close. A job still running after the bound is handed back to the
   * queue (pg-boss fails it into `retry`), and another worker, or this one restarted, runs it again.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) {
      return;
    }
    this.started = false;
    // WORKER_STOP_TIMEOUT_SECONDS; `npm start` gives the worker longer than this before it kills it.
    const timeout = this.config.workerStopTimeoutSeconds * 1000;
    if (this.running.size > 0) {
      this.logger.log(
        { jobs: [...this.running] },
        `Đang chờ ${this.running.size} công việc đang chạy xong (tối đa ${this.config.workerStopTimeoutSeconds} giây)…`,
      );
    }
    await this.boss.stop({ graceful: true, wait: true, timeout });
    if (this.running.size > 0) {
      this.logger.warn(
        { jobs: [...this.running] },
        `Đã trả lại hàng đợi ${this.running.size} công việc chưa xong; một worker khác sẽ làm lại`,
      );
      (this.options.onHandedBack ?? exitNow)();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // Reached without beforeApplicationShutdown only by a failed boot.
    await this.beforeApplicationShutdown();
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    const { manager, ...sendOptions } = options;
    return this.boss.send(name, payload as object, {
      ...sendOptions,
      ...(manager
        ? {
            db: {
              executeSql: (text: string, values: unknown[]) =>
                manager.query(text, values).then((rows: unknown[]) => ({ rows })),
            },
          }
        : {}),
    });
  }

  /** True when the queue's tables answer. */
  async healthy(): Promise<boolean> {
    if (!this.started) {
      return false;
    }
    try {
      await this.boss.getQueueSize(JOB_NAMES[0]);
      return true;
    } catch {
      return false;
    }
  }
}

/** Ends the process without running the remaining shutdown hooks (see QueueOptions.onHandedBack). */
function exitNow(): void {
  process.exit(1);
}
