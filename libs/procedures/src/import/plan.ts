import type { ImportErrorDto, ImportResultDto, ImportRowDto } from '../procedure.dto';
import {
  changedFields,
  contentOf,
  keepFormFiles,
  type ContentField,
  type ProcedureContent,
} from '../procedure-content';
import type { Procedure } from '../procedure.entity';
import type { CheckedFile, CheckedRow } from './check';
import { IMPORT_MAX_ERRORS } from './limits';
import type { RowError } from './parse';
import { displayable } from './storable';

// The import planner: pure functions from the checked rows and what the unit already has to what an
// import does. The dry run and the real run both go through these, so one predicts the other exactly.

export interface PlanStep {
  action: 'create' | 'update' | 'unchanged';
  row: CheckedRow;
  changed: ContentField[];
  before?: Procedure;
}

export interface ImportPlan {
  steps: Map<number, PlanStep>;
  errors: RowError[];
  existing: Map<string, Procedure>;
}

/** Every code a file names (its own and the replacements'), to look up once. */
export function codesOf(rows: CheckedRow[]): string[] {
  const codes = new Set<string>();
  for (const r of rows) {
    if (r.content) {
      codes.add(r.content.code);
    }
    if (r.replacedByCode) {
      codes.add(r.replacedByCode);
    }
  }
  return [...codes];
}

/** The codes of the rows that will be written (for replacements named in the same file). */
export function codesInFile(rows: CheckedRow[]): Set<string> {
  return new Set(rows.filter((r) => r.errors.length === 0 && r.content).map((r) => r.content!.code));
}

/** What one good row does, or why it cannot (a replacement that does not resolve). */
export function planRow(
  row: CheckedRow,
  existing: Map<string, Procedure>,
  inFile: Set<string>,
): PlanStep | RowError {
  const content = row.content!;
  if (row.replacedByCode) {
    if (row.replacedByCode === content.code) {
      return {
        row: row.row,
        field: 'replacedByCode',
        message: 'Mã TTHC thay thế: không thể là chính thủ tục này',
      };
    }
    if (!existing.has(row.replacedByCode) && !inFile.has(row.replacedByCode)) {
      return {
        row: row.row,
        field: 'replacedByCode',
        message: `Mã TTHC thay thế: không có thủ tục mã "${row.replacedByCode}" trong danh mục hoặc trong tệp`,
      };
    }
  } else if (content.status === 'replaced') {
    return {
      row: row.row,
      field: 'replacedByCode',
      message: 'Mã TTHC thay thế: bắt buộc khi trạng thái là "Thay thế"',
    };
  }
  const before = existing.get(content.code);
  if (!before) {
    return { action: 'create', row, changed: [] };
  }
  // The replacement is compared by code: its id may not exist yet (a row of this file).
  const replacedBy = row.replacedByCode
    ? (existing.get(row.replacedByCode)?.id ?? `code:${row.replacedByCode}`)
    : null;
  const after: ProcedureContent = importedOver(before, content, replacedBy);
  const changed = changedFields(contentOf(before), after);
  return changed.length === 0
    ? { action: 'unchanged', row, changed }
    : { action: 'update', row, changed, before };
}

/** What an imported row makes of a stored procedure: the row's content, with the form files kept. */
export function importedOver(
  before: Procedure,
  content: ProcedureContent,
  replacedById: string | null,
): ProcedureContent {
  return { ...content, dossier: keepFormFiles(content.dossier, before.dossier), replacedById };
}

export function isGood(row: CheckedRow): boolean {
  return row.errors.length === 0 && row.content !== null;
}

/**
 * The answer: counts, every row's action, and the errors by row, at most IMPORT_MAX_ERRORS of them (the
 * rest counted), so that neither an answer nor a stored job grows past what the row cap allows.
 */
export function summarize(file: CheckedFile, plan: ImportPlan, dryRun: boolean): ImportResultDto {
  const all: RowError[] = [...file.rows.flatMap((r) => r.errors), ...file.duplicates, ...plan.errors];
  const failed = new Set(all.map((e) => e.row));
  const rows: ImportRowDto[] = file.rows.map((r) => {
    const step = plan.steps.get(r.row);
    return {
      row: r.row,
      code: r.code,
      name: r.name,
      action: r.duplicate || failed.has(r.row) || !step ? 'error' : step.action,
      changed: step?.action === 'update' ? step.changed : [],
    };
  });
  const count = (action: ImportRowDto['action']) => rows.filter((r) => r.action === action).length;
  const errors: ImportErrorDto[] = all
    .sort((a, b) => a.row - b.row)
    .slice(0, IMPORT_MAX_ERRORS)
    .map((e) => ({ row: e.row, field: e.field, message: displayable(e.message) }));
  return {
    dryRun,
    format: file.format,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    failed: count('error'),
    errors,
    errorsOmitted: all.length - errors.length,
    rows,
  };
}
