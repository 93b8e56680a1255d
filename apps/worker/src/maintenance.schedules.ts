import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { TIME_ZONE, vietnamDay } from '@app/common';
import { QueueService, ScheduleService } from '@app/queue';
import { UnitsRepository } from '@app/units';

const NIGHTLY_VERIFY = '0 0 2 * * *';
const HOURLY_PURGE = '0 17 * * * *';

/** Schedules only enqueue jobs; each tick is claimed in PostgreSQL so it runs once across workers. */
@Injectable()
export class MaintenanceSchedules {
  constructor(
    private readonly schedule: ScheduleService,
    private readonly queue: QueueService,
    private readonly units: UnitsRepository,
  ) {}

  @Cron(NIGHTLY_VERIFY, { name: 'evidence.verify-all', timeZone: TIME_ZONE })
  async verifyEvidence(): Promise<void> {
    await this.schedule.runOnce('evidence.verify-all', NIGHTLY_VERIFY, async (at) => {
      const day = vietnamDay(at);
      for (let page = 0; ; page += 1) {
        const [units] = await this.units.page({ skip: page * 500, take: 500 });
        for (const unit of units) {
          await this.queue.enqueue(
            'evidence.verify',
            { unitId: unit.id },
            { singletonKey: `${unit.id}:${day}` },
          );
        }
        if (units.length < 500) {
          break;
        }
      }
    });
  }

  @Cron(HOURLY_PURGE, { name: 'maintenance.purge-rate-limits', timeZone: TIME_ZONE })
  async purgeRateLimits(): Promise<void> {
    await this.schedule.runOnce('maintenance.purge-rate-limits', HOURLY_PURGE, async () => {
      await this.queue.enqueue('maintenance.purge-rate-limits', {});
    });
  }
}
