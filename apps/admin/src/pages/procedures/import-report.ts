import type { ImportError, ImportResult } from '../../api/procedures';
import { IMPORT_ROW_ACTION, procedureFieldLabel } from '../../lib/labels';

/** An error's message without the column name the api already put in front ("Trạng thái: …"). */
export function errorText(error: ImportError): string {
  const label = procedureFieldLabel(error.field);
  return label && error.message.startsWith(`${label}:`)
    ? error.message.slice(label.length + 1).trim()
    : error.message;
}

function cell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would be run as a formula by a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The import's report as CSV (UTF-8 with a BOM so that Excel reads the accents): one line per row of
 * the file, what was done with it, the fields it changed, and each error naming its field.
 */
export function reportCsv(result: ImportResult): string {
  const header = ['Dòng', 'Mã TTHC', 'Tên thủ tục', 'Kết quả', 'Trường thay đổi', 'Trường lỗi', 'Lỗi'];
  const lines = [header.map(cell).join(',')];
  const errorsByRow = new Map<number, ImportError[]>();
  for (const e of result.errors) {
    errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), e]);
  }
  const seen = new Set<number>();
  for (const row of result.rows) {
    seen.add(row.row);
    const errors = errorsByRow.get(row.row) ?? [];
    const base = [
      row.row,
      row.code,
      row.name,
      IMPORT_ROW_ACTION[row.action]?.label ?? row.action,
      [...new Set(row.changed.map(procedureFieldLabel))].join(', '),
    ];
    if (errors.length === 0) {
      lines.push([...base, '', ''].map(cell).join(','));
    }
    for (const e of errors) {
      lines.push([...base, procedureFieldLabel(e.field), errorText(e)].map(cell).join(','));
    }
  }
  for (const e of result.errors.filter((x) => !seen.has(x.row))) {
    lines.push([e.row, '', '', 'Lỗi', '', procedureFieldLabel(e.field), errorText(e)].map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
