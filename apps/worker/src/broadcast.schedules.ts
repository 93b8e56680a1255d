import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig, vietnamDay } from '@app/common';
import { addDays } from '@app/broadcast';
import { QueueService, ScheduleService } from '@app/queue';
import { registerConfiguredCron } from './configured-cron';

const NAME = 'broadcast.generate-plans';

/**
 * Tomorrow's daily plans, every evening (18:00 Vietnam time by default, PLAN_GENERATE_CRON): the tick is
 * claimed in PostgreSQL, so with several workers it runs once, and its job is keyed by the day.
 */
@Injectable()
export class BroadcastSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger('BroadcastSchedules');

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly schedule: ScheduleService,
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const cron = this.config.planGenerateCron;
    registerConfiguredCron(this.registry, this.logger, NAME, cron, () => this.tick(cron));
  }

  /** One claimed tick: enqueues the job for the day after the tick's day. */
  async tick(cron: string): Promise<boolean> {
    return this.schedule.runOnce(NAME, cron, async (at) => {
      const date = addDays(vietnamDay(at), 1);
      await this.queue.enqueue(NAME, { date }, { singletonKey: date });
    });
  }
}
