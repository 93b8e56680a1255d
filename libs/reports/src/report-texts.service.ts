import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '@app/common';
import { UnitAccess, UnitsRepository } from '@app/units';
import { TEMPLATE } from './annual-report.model';
import { ReportTextsDto, ReportTextsResponse } from './documents.dto';
import { ReportText } from './report-text.entity';
import { defaultRecipients, defaultSections } from './report-texts.defaults';
import { ReportsException } from './reports.exception';
import { REPORT_WRITERS } from './reports.roles';

/**
 * The written parts of a unit's annual report, kept per unit and year. A year not written yet starts from
 * last year's text (the years in it moved on by one), else from the suggested text.
 */
@Injectable()
export class ReportTextsService {
  constructor(
    @InjectRepository(ReportText) private readonly texts: Repository<ReportText>,
    private readonly units: UnitsRepository,
    private readonly access: UnitAccess,
  ) {}

  async get(principal: Principal, unitId: string, year: number): Promise<ReportTextsResponse> {
    if (!(await this.access.canReadReports(principal, unitId))) {
      throw ReportsException.unitNotReadable();
    }
    return this.current(unitId, year);
  }

  /** What the report of the year uses now (no access check: callers have made theirs). */
  async current(unitId: string, year: number): Promise<ReportTextsResponse> {
    const unit = await this.units.findById(unitId);
    if (!unit) {
      throw ReportsException.unitNotFound();
    }
    const saved = await this.texts.findOneBy({ unitId, year, template: TEMPLATE });
    if (saved) {
      return this.response(saved, 'saved');
    }
    const last = await this.texts.findOneBy({ unitId, year: year - 1, template: TEMPLATE });
    if (last) {
      const moved = (text: string) =>
        text.replaceAll(String(year), String(year + 1)).replaceAll(String(year - 1), String(year));
      const sections = Object.fromEntries(
        (Object.entries(last.sections) as [string, string][]).map(([key, text]) => [key, moved(text)]),
      ) as unknown as ReportText['sections'];
      return {
        ...(await this.response(last, 'lastYear')),
        year,
        sections,
        overrides: [],
        updatedAt: null,
        updatedByName: null,
      };
    }
    return {
      unitId,
      year,
      template: TEMPLATE,
      sections: defaultSections(unit.kind, year),
      recipients: defaultRecipients(unit.kind),
      overrides: [],
      source: 'default',
      updatedAt: null,
      updatedByName: null,
    };
  }

  async put(
    principal: Principal,
    unitId: string,
    year: number,
    dto: ReportTextsDto,
  ): Promise<ReportTextsResponse> {
    await this.access.requireRole(principal, unitId, REPORT_WRITERS);
    const figures = dto.overrides.map((o) => o.figure);
    const repeated = figures.findIndex((f, i) => figures.indexOf(f) !== i);
    if (repeated >= 0) {
      throw ReportsException.field(
        `overrides.${repeated}.figure`,
        `Số liệu ${figures[repeated]} được điều chỉnh hai lần: mỗi số liệu chỉ ghi một giá trị`,
      );
    }
    await this.texts.upsert(
      {
        unitId,
        year,
        template: TEMPLATE,
        sections: { ...dto.sections },
        recipients: dto.recipients.map((r) => r.trim()).filter((r) => r !== ''),
        overrides: dto.overrides.map((o) => ({ figure: o.figure, value: o.value, note: o.note })),
        updatedBy: principal.id,
        updatedAt: new Date(),
      },
      { conflictPaths: ['unitId', 'year', 'template'] },
    );
    return this.current(unitId, year);
  }

  private async response(text: ReportText, source: 'saved' | 'lastYear'): Promise<ReportTextsResponse> {
    const rows: { full_name: string }[] = await this.texts.query(
      'SELECT full_name FROM users WHERE id = $1',
      [text.updatedBy],
    );
    return {
      unitId: text.unitId,
      year: text.year,
      template: text.template,
      sections: text.sections,
      recipients: text.recipients,
      overrides: text.overrides,
      source,
      updatedAt: text.updatedAt,
      updatedByName: rows[0]?.full_name ?? null,
    };
  }
}
