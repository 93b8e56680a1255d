import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG, AppConfig, TIME_ZONE, vietnamDay } from '@app/common';
import { addDays } from '@app/broadcast';
import { QueueService, ScheduleService } from '@app/queue';

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
    const job = CronJob.from({
      cronTime: cron,
      timeZone: TIME_ZONE,
      onTick: () => {
        this.tick(cron).catch((error: unknown) =>
          this.logger.error({ err: error }, `Lịch "${NAME}" không chạy được`),
        );
      },
    });
    this.registry.addCronJob(NAME, job);
    job.start();
  }

  /** One claimed tick: enqueues the job for the day after the tick's day. */
  async tick(cron: string): Promise<boolean> {
    return this.schedule.runOnce(NAME, cron, async (at) => {
      const date = addDays(vietnamDay(at), 1);
      await this.queue.enqueue(NAME, { date }, { singletonKey: date });
    });
  }
}
