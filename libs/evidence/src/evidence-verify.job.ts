import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob, JobHandler, JobPayloads } from '@app/queue';
import { EvidenceService } from './evidence.service';

/** Nightly re-walk of a unit's chain: a break is logged as an error for the operators to see. */
@Injectable()
@HandlesJob('evidence.verify')
export class EvidenceVerifyJob implements JobHandler<'evidence.verify'> {
  private readonly logger = new Logger('EvidenceVerify');

  constructor(private readonly evidence: EvidenceService) {}

  async handle(payload: JobPayloads['evidence.verify']): Promise<void> {
    const result = await this.evidence.verify(payload.unitId);
    if (result.ok) {
      this.logger.log({ unitId: payload.unitId, checked: result.checked }, 'Chuỗi chứng cứ toàn vẹn');
    } else {
      this.logger.error({ unitId: payload.unitId, ...result }, 'Chuỗi chứng cứ bị sai lệch');
    }
  }
}
