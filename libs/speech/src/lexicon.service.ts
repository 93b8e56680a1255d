import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorDetail, ForbiddenException, lockKeyed, NotFoundException, Principal, ROLES } from '@app/common';
import { UnitAccess, UnitsRepository } from '@app/units';
import { LexiconEntryDto } from './speech.dto';
import { LexiconEntryRow } from './lexicon.entity';
import { LexiconEntry, termKey } from './normalize';
import { SpeechException } from './speech.exception';
import { LEXICON_WRITERS, LEXICON_WRITERS_TEXT } from './speech.roles';

/** A unit's lexicon: read by its members, replaced as a whole by its admins, editors and operators. */
@Injectable()
export class LexiconService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitsRepository,
    private readonly access: UnitAccess,
  ) {}

  async list(principal: Principal, unitId: string): Promise<LexiconEntryDto[]> {
    await this.assertUnit(unitId);
    this.access.assertRole(principal, unitId, ROLES);
    return this.entries(unitId);
  }

  /** Replaces the whole list in one transaction; two editors saving at once take turns. */
  async replace(
    principal: Principal,
    unitId: string,
    entries: LexiconEntryDto[],
  ): Promise<LexiconEntryDto[]> {
    await this.assertUnit(unitId);
    if (!this.access.hasRole(principal, unitId, LEXICON_WRITERS)) {
      // A member is told who may (a stranger to the unit learns nothing more than a 403).
      throw new ForbiddenException(
        this.access.isMember(principal, unitId) ? LEXICON_WRITERS_TEXT : undefined,
      );
    }
    this.assertNoDuplicates(entries);
    await this.dataSource.transaction(async (manager) => {
      await lockKeyed(manager, 'lexiconReplace', unitId);
      const repo = manager.getRepository(LexiconEntryRow);
      await repo.delete({ unitId });
      if (entries.length > 0) {
        await repo.insert(entries.map(({ term, spoken }, position) => ({ unitId, term, spoken, position })));
      }
    });
    return this.entries(unitId);
  }

  /** The unit's entries in the editor's order, for the normalizer. No access check: callers do it. */
  async entries(unitId: string): Promise<LexiconEntry[]> {
    const rows = await this.dataSource.getRepository(LexiconEntryRow).find({
      where: { unitId },
      order: { position: 'ASC' },
    });
    return rows.map(({ term, spoken }) => ({ term, spoken }));
  }

  async assertUnit(unitId: string): Promise<void> {
    if (!(await this.units.findById(unitId))) {
      throw new NotFoundException('đơn vị');
    }
  }

  /** Two entries for one term (in any case) would leave the reader to guess which one wins. */
  private assertNoDuplicates(entries: LexiconEntryDto[]): void {
    const seen = new Map<string, number>();
    const details: ErrorDetail[] = [];
    entries.forEach(({ term }, index) => {
      const key = termKey(term);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, index);
      } else {
        details.push({
          field: `[${index}].term`,
          message: `Từ cần đọc ([${index}].term) "${term}" trùng với mục [${first}]`,
        });
      }
    });
    if (details.length > 0) {
      throw SpeechException.invalidLexicon(details);
    }
  }
}
