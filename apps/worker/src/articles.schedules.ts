import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '@app/common';
import { QueueService, ScheduleService } from '@app/queue';
import { registerConfiguredCron } from './configured-cron';

const NAME = 'articles.publish-due';

/**
 * Scheduled publication: each tick (every minute by default, PUBLISH_CHECK_CRON) enqueues one job that
 * publishes every approved article whose time has come. Registered at boot because the cron comes from
 * the configuration; the tick is claimed in PostgreSQL like every schedule.
 */
@Injectable()
export class ArticleSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger('ArticleSchedules');

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly schedule: ScheduleService,
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const cron = this.config.publishCheckCron;
    registerConfiguredCron(this.registry, this.logger, NAME, cron, () =>
      this.schedule.runOnce(NAME, cron, async (at) => {
        await this.queue.enqueue(NAME, {}, { singletonKey: at.toISOString() });
      }),
    );
  }
}
