import { Injectable } from '@nestjs/common';
import { Principal, vietnamDay } from '@app/common';
import { Unit, UnitsRepository } from '@app/units';
import { reportDocx } from './annual-report.docx';
import { buildReportModel, type ReportModel } from './annual-report.model';
import { CreateDocumentDto } from './documents.dto';
import { yearPeriod } from './period';
import { ReportRecordsService } from './records.service';
import { ReportTextsService } from './report-texts.service';
import { SummaryService } from './summary.service';

/** The annual report of a unit: its figures, plans and written texts, laid out in the state format. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly summaries: SummaryService,
    private readonly records: ReportRecordsService,
    private readonly texts: ReportTextsService,
    private readonly units: UnitsRepository,
  ) {}

  async model(principal: Principal, dto: CreateDocumentDto): Promise<ReportModel> {
    return (await this.build(principal, dto)).model;
  }

  async docx(principal: Principal, dto: CreateDocumentDto): Promise<{ bytes: Buffer; fileName: string }> {
    const { model, unit } = await this.build(principal, dto);
    const bytes = await reportDocx(model, { creator: unit.name, title: model.title });
    return { bytes, fileName: `bao-cao-tuyen-truyen-cchc-${dto.year}-${unit.slug}.docx` };
  }

  private async build(
    principal: Principal,
    dto: CreateDocumentDto,
  ): Promise<{ model: ReportModel; unit: Unit }> {
    const period = yearPeriod(dto.year);
    const scope = await this.summaries.scope(principal, {
      unitId: dto.unitId,
      from: period.from,
      to: period.to,
    });
    const unit = (await this.units.findById(dto.unitId))!;
    const parent = unit.parentId ? await this.units.findById(unit.parentId) : null;
    const [summary, plans, texts] = await Promise.all([
      this.summaries.summaryOf(scope),
      this.records.listPlans(principal, dto.unitId, dto.year),
      this.texts.current(dto.unitId, dto.year),
    ]);
    const model = buildReportModel({
      year: dto.year,
      unit: { name: unit.name, kind: unit.kind, settings: { ...(unit.settings ?? {}) } },
      parent: parent ? { name: parent.name } : null,
      summary,
      plans,
      sections: texts.sections,
      recipients: texts.recipients,
      overrides: texts.overrides,
      issuedOn: dto.issuedOn ?? vietnamDay(new Date()),
      number: dto.number,
      signer: dto.signer,
    });
    return { model, unit };
  }
}
