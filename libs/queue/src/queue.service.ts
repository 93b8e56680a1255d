import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/common';
import { JOB_NAMES, JobName, JobPayloads } from './jobs';

export const QUEUE_OPTIONS = Symbol('QUEUE_OPTIONS');
const QUEUE_SETUP_LOCK_KEY = 7_402_115_003;
export interface QueueOptions {
  /** The worker consumes and maintains the queue; the api only sends. */
  role: 'api' | 'worker';
}

export interface EnqueueOptions {
  /** Send inside this transaction: the job exists only if the transaction commits. */
  manager?: EntityManager;
  /** Deterministic key: a second job with the same key is dropped while the first is queued or active. */
  singletonKey?: string;
  startAfter?: Date;
  retryLimit?: number;
}

/** pg-boss on the application's own PostgreSQL (schema `pgboss`): no Redis to run. */
@Injectable()
export class QueueService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Queue');
  readonly boss: PgBoss;
  private started = false;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(QUEUE_OPTIONS) options: QueueOptions,
    private readonly dataSource: DataSource,
  ) {
    const worker = options.role === 'worker';
    this.boss = new PgBoss({
      connectionString: config.databaseUrl,
      schema: 'pgboss',
      application_name: `xa-portal-${options.role}-queue`,
      max: worker ? 4 : 2,
      supervise: worker,
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
      await runner.query('SELECT pg_advisory_lock($1)', [QUEUE_SETUP_LOCK_KEY]);
      try {
        for (const name of JOB_NAMES) {
          if (!(await this.boss.getQueue(name))) {
            await this.boss.createQueue(name, { name, retryLimit: 3, retryBackoff: true });
          }
        }
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [QUEUE_SETUP_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.started) {
      this.started = false;
      await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    }
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
