import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HandlesJob, JobHandler, JobPayloads } from '@app/queue';
import { BroadcastRepository } from './broadcast.repository';
import { PlansService } from './plans.service';

const BATCH = 500;

/**
 * The evening tick's job: tomorrow's plan for every station that has none yet (a plan someone already made or
 * edited is left alone), 500 stations a transaction. Idempotent: a second run finds the plans there.
 */
@Injectable()
@HandlesJob('broadcast.generate-plans')
export class GeneratePlansJob implements JobHandler<'broadcast.generate-plans'> {
  private readonly logger = new Logger('GeneratePlans');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: BroadcastRepository,
    private readonly plans: PlansService,
  ) {}

  async handle(payload: JobPayloads['broadcast.generate-plans']): Promise<void> {
    let written = 0;
    let after: string | null = null;
    for (;;) {
      const stations = await this.repo.stationsPage(after, BATCH);
      if (stations.length === 0) {
        break;
      }
      written += await this.dataSource.transaction((manager) =>
        this.plans.generateMany(stations, payload.date, null, manager, 'keep'),
      );
      after = stations[stations.length - 1].id;
    }
    this.logger.log({ date: payload.date, written }, 'Đã tạo lịch phát sóng ngày mai');
  }
}
