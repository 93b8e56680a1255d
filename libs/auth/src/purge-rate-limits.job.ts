import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '@app/queue';
import { AccountBackoff } from './account-backoff';
import { PgThrottlerStorage } from './pg-throttler.storage';

@Injectable()
@HandlesJob('maintenance.purge-rate-limits')
export class PurgeRateLimitsJob implements JobHandler<'maintenance.purge-rate-limits'> {
  constructor(
    private readonly storage: PgThrottlerStorage,
    private readonly backoff: AccountBackoff,
  ) {}

  async handle(): Promise<void> {
    await this.storage.purgeExpired();
    await this.backoff.purgeExpired();
  }
}
