import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { EvidenceService } from '@app/evidence';

/**
 * Links evidence rows that a busy moment left unlinked (see evidence_link()). Not a claimed schedule:
 * running it in every worker at once is safe, since only the holder of a unit's link lock links.
 */
@Injectable()
export class EvidenceLinker {
  private readonly logger = new Logger('EvidenceLinker');
  private running = false;

  constructor(private readonly evidence: EvidenceService) {}

  @Interval('evidence.link-pending', 2000)
  async sweep(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      for (const unitId of await this.evidence.unitsWithPending(1000)) {
        await this.evidence.linkPending(unitId);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'Không nối được chứng cứ đang chờ');
    } finally {
      this.running = false;
    }
  }
}
