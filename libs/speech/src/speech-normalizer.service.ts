import { Injectable } from '@nestjs/common';
import { ForbiddenException, Principal } from '@app/common';
import { UnitAccess } from '@app/units';
import { NormalizedTextResponse, NormalizeTextDto } from './speech.dto';
import { LexiconService } from './lexicon.service';
import { normalizeForSpeech } from './normalize';

/** The normalizer for Nest: the pure function plus the unit's lexicon from the database. */
@Injectable()
export class SpeechNormalizer {
  constructor(
    private readonly lexicon: LexiconService,
    private readonly access: UnitAccess,
  ) {}

  /** What the engines will say for `text` in `unitId` (or with the built-in rules only). */
  async normalize(text: string, unitId?: string): Promise<string> {
    const lexicon = unitId === undefined ? [] : await this.lexicon.entries(unitId);
    return normalizeForSpeech(text, { lexicon });
  }

  /** POST /speech/normalize: a unit's lexicon is applied for its members only. */
  async preview(principal: Principal, dto: NormalizeTextDto): Promise<NormalizedTextResponse> {
    if (dto.unitId !== undefined) {
      await this.lexicon.assertUnit(dto.unitId);
      if (!this.access.isMember(principal, dto.unitId)) {
        throw new ForbiddenException('Bạn không phải thành viên của đơn vị này');
      }
    }
    return { text: await this.normalize(dto.text, dto.unitId) };
  }
}
