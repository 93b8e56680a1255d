import { Injectable } from '@nestjs/common';
import { Principal, vietnamDay } from '@app/common';
import { UnitAccess } from '@app/units';
import { csvOf, sheetRow, TEMPLATE_EXAMPLES, xlsxOf } from './import/sheet';
import type { ProcedureFilters } from './procedure.dto';
import { contentOf } from './procedure-content';
import { PROCEDURE_READERS } from './procedure-rules';
import { ProceduresRepository } from './procedures.repository';

export type SheetFormat = 'csv' | 'xlsx';

export interface SheetFile {
  bytes: Buffer;
  fileName: string;
  format: SheetFormat;
}

/** The import template and the catalogue's exports, in the template's columns. */
@Injectable()
export class ProcedureSheetsService {
  constructor(
    private readonly procedures: ProceduresRepository,
    private readonly access: UnitAccess,
  ) {}

  /** The columns, two example procedures (one with cases) and, in XLSX, a guide sheet. */
  async template(format: SheetFormat): Promise<SheetFile> {
    const rows = TEMPLATE_EXAMPLES.map((e) => sheetRow(e.content, e.replacedByCode));
    return {
      bytes: format === 'csv' ? csvOf(rows) : await xlsxOf(rows, true),
      fileName: `mau-nhap-thu-tuc-hanh-chinh.${format}`,
      format,
    };
  }

  /** The catalogue (with the list's filters), formula-looking cells made inert. */
  async export(
    principal: Principal,
    unitId: string,
    query: ProcedureFilters,
    format: SheetFormat,
  ): Promise<SheetFile> {
    const unit = await this.access.requireRole(principal, unitId, PROCEDURE_READERS);
    const rows = await this.procedures.all(unitId, query);
    const sheet = rows.map((p) => sheetRow(contentOf(p), p.replacedBy?.code ?? null));
    return {
      bytes: format === 'csv' ? csvOf(sheet) : await xlsxOf(sheet),
      fileName: `thu-tuc-hanh-chinh-${unit.slug}-${vietnamDay(new Date())}.${format}`,
      format,
    };
  }
}
