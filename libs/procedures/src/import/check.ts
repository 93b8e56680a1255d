import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { toErrorDetails } from '@app/common';
import { ProcedureContentDto } from '../procedure.dto';
import { normalizeContent, type ProcedureContent } from '../procedure-content';
import { columnLabel } from './columns';
import { DUPLICATE_ROWS_SHOWN } from './limits';
import { parseImportFile, type ImportFile, type ImportFormat, type ParsedRow, type RowError } from './parse';
import { displayable, firstUnstorable } from './storable';

/** A row read and validated: its content when it has no error. Plain data (it crosses a thread). */
export interface CheckedRow {
  row: number;
  /** The row's code and name as typed, safe to show (for the report). */
  code: string | null;
  name: string | null;
  errors: RowError[];
  content: ProcedureContent | null;
  replacedByCode: string | null;
  /** Its code is in the file more than once (the error is the code's, on its first row). */
  duplicate: boolean;
}

export interface CheckedFile {
  format: ImportFormat;
  rows: CheckedRow[];
  /** One per code repeated in the file. */
  duplicates: RowError[];
}

/** Reads a file and checks each row: all of an import that needs no database (it runs off the event loop). */
export async function readAndCheck(file: ImportFile): Promise<CheckedFile> {
  const parsed = await parseImportFile(file);
  const rows: CheckedRow[] = [];
  for (const row of parsed.rows) {
    rows.push(await checkRow(row));
  }
  return { format: parsed.format, rows, duplicates: markDuplicates(rows) };
}

const shown = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? displayable(value.trim()) : null;

/** The same validation as the API's (ProcedureContentDto), reported per row. */
export async function checkRow(row: ParsedRow): Promise<CheckedRow> {
  const { replacedByCode, ...fields } = row.input;
  const errors = [...row.errors];
  let storable = true;
  for (const [field, value] of Object.entries(row.input)) {
    const why = firstUnstorable(value);
    if (why) {
      storable = false;
      errors.push({ row: row.row, field, message: `${columnLabel(field)}: ${why}; hãy gõ lại ô này` });
    }
  }
  let content: ProcedureContent | null = null;
  if (storable) {
    const dto = plainToInstance(ProcedureContentDto, fields);
    const details = toErrorDetails(await validate(dto, { forbidUnknownValues: false }));
    errors.push(...details.map((d) => ({ row: row.row, field: d.field, message: d.message })));
    content = errors.length === 0 ? normalizeContent(dto) : null;
  }
  const replacement = shown(replacedByCode);
  return {
    row: row.row,
    code: shown(row.input.code),
    name: shown(row.input.name),
    errors,
    content,
    replacedByCode: errors.length === 0 ? replacement : null,
    duplicate: false,
  };
}

/**
 * A code twice in one file: which row is right cannot be known, so every occurrence is refused. One
 * error per code, with its count and its first rows (the report stays linear in the file's rows).
 */
export function markDuplicates(rows: CheckedRow[]): RowError[] {
  const byCode = new Map<string, CheckedRow[]>();
  for (const row of rows) {
    if (row.code) {
      const same = byCode.get(row.code);
      if (same) {
        same.push(row);
      } else {
        byCode.set(row.code, [row]);
      }
    }
  }
  const errors: RowError[] = [];
  for (const [code, same] of byCode) {
    if (same.length < 2) {
      continue;
    }
    for (const row of same) {
      row.duplicate = true;
      row.content = null;
    }
    const first = same.slice(0, DUPLICATE_ROWS_SHOWN).map((r) => r.row);
    const more = same.length > first.length ? `, … (${same.length - first.length} dòng nữa)` : '';
    errors.push({
      row: same[0].row,
      field: 'code',
      message: `Mã TTHC: "${code}" lặp lại ${same.length} lần trong tệp (dòng ${first.join(', ')}${more}); không biết dòng nào đúng nên không nhập dòng nào`,
    });
  }
  return errors;
}
