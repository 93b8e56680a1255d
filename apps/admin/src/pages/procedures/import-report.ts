import type { ImportError, ImportResult } from '../../api/procedures';
import { IMPORT_ROW_ACTION, procedureFieldLabel } from '../../lib/labels';
// The product's one CSV rule (every field quoted, formula-looking cells inert), the server's own file.
import { csvText, type CsvValue } from '../../../../../libs/common/src/csv';

/** An error's message without the column name the api already put in front ("Trạng thái: …"). */
export function errorText(error: ImportError): string {
  const label = procedureFieldLabel(error.field);
  return label && error.message.startsWith(`${label}:`)
    ? error.message.slice(label.length + 1).trim()
    : error.message;
}

/**
 * The errors of each row. A code repeated in the file has one error (on its first row, with its count);
 * every other row of that code shows the same error.
 */
export function errorsByRow(
  result: ImportResult,
): (row: { row: number; code: string | null }) => ImportError[] {
  const byRow = new Map<number, ImportError[]>();
  for (const e of result.errors) {
    byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  }
  const codeOfRow = new Map(result.rows.map((r) => [r.row, r.code]));
  const repeated = new Map<string, ImportError>();
  for (const e of result.errors) {
    const code = codeOfRow.get(e.row);
    if (e.field === 'code' && code && e.message.includes(`"${code}" lặp lại`)) {
      repeated.set(code, e);
    }
  }
  return (row) => {
    const own = byRow.get(row.row);
    if (own) {
      return own;
    }
    const dup = row.code ? repeated.get(row.code) : undefined;
    return dup ? [dup] : [];
  };
}

/**
 * The import's report as CSV: one line per row of the file, what was done with it, the fields it
 * changed, and each error naming its field.
 */
export function reportCsv(result: ImportResult): string {
  const header = ['Dòng', 'Mã TTHC', 'Tên thủ tục', 'Kết quả', 'Trường thay đổi', 'Trường lỗi', 'Lỗi'];
  const lines: CsvValue[][] = [header];
  const errorsOf = errorsByRow(result);
  const seen = new Set<number>();
  for (const row of result.rows) {
    seen.add(row.row);
    const errors = row.action === 'error' ? errorsOf(row) : [];
    const base = [
      row.row,
      row.code,
      row.name,
      IMPORT_ROW_ACTION[row.action]?.label ?? row.action,
      [...new Set(row.changed.map(procedureFieldLabel))].join(', '),
    ];
    if (errors.length === 0) {
      lines.push([...base, '', '']);
    }
    for (const e of errors) {
      lines.push([...base, procedureFieldLabel(e.field), errorText(e)]);
    }
  }
  for (const e of result.errors.filter((x) => !seen.has(x.row))) {
    lines.push([e.row, '', '', 'Lỗi', '', procedureFieldLabel(e.field), errorText(e)]);
  }
  return csvText(lines);
}
