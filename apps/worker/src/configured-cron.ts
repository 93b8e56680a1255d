import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { TIME_ZONE } from '@app/common';

/**
 * Registers a schedule whose cron comes from the configuration (so it cannot be a `@Cron` decorator): at each
 * tick `tick` runs (it claims the tick with `ScheduleService.runOnce`); a failure is logged, never thrown.
 */
export function registerConfiguredCron(
  registry: SchedulerRegistry,
  logger: Logger,
  name: string,
  cron: string,
  tick: () => Promise<unknown>,
): void {
  const job = CronJob.from({
    cronTime: cron,
    timeZone: TIME_ZONE,
    onTick: () => {
      tick().catch((error: unknown) => logger.error({ err: error }, `Lịch "${name}" không chạy được`));
    },
  });
  registry.addCronJob(name, job);
  job.start();
}
