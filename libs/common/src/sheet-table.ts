import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

// Reading the table of an uploaded .xlsx or .csv, for every import (procedures, an old airing logbook):
// the first non-empty sheet or the CSV's records, the first row as the header, every cell as text. What the
// columns mean stays with each import; what is wrong with the file as a whole goes through `fail`, so that
// each module answers with its own exception naming `file`.

/** A header row and the rows under it; `row` is the row's number in the sheet (the header is 1). */
export interface SheetTable {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export type SheetFailure = (message: string, code: 'UNSUPPORTED_MEDIA_TYPE' | 'VALIDATION_FAILED') => Error;

const ZIP_MAGIC = 0x504b0304;

/** An Office Open XML file (.xlsx) is a zip: its first four bytes say so. */
export function looksLikeXlsx(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32BE(0) === ZIP_MAGIC;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell as text: an Excel date becomes dd/mm/yyyy, an Excel time alone HH:mm, a formula its value. */
export function sheetCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (value instanceof Date) {
    // Excel keeps dates and times without a zone; exceljs reads them as UTC. A time alone is a day of 1899.
    if (value.getUTCFullYear() < 1900) {
      return `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
    }
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) {
      return value.richText.map((part) => part.text).join('');
    }
    if ('text' in value && typeof value.text === 'string') {
      return value.text; // a hyperlink cell
    }
    if ('result' in value) {
      return sheetCellText(value.result ?? ''); // a formula: its computed value
    }
    return ''; // an error cell
  }
  return String(value);
}

/** The first sheet with rows; `maxRows` (data rows) is checked before any row is read. */
export async function readWorkbookTable(
  bytes: Buffer,
  fail: SheetFailure,
  tooMany?: { maxRows: number; error: (count: number) => Error },
): Promise<SheetTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fail('Không mở được tệp .xlsx: tệp hỏng hoặc không phải bảng tính Excel', 'UNSUPPORTED_MEDIA_TYPE');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) {
    throw fail('Bảng tính không có dữ liệu', 'VALIDATION_FAILED');
  }
  if (tooMany && sheet.actualRowCount - 1 > tooMany.maxRows) {
    throw tooMany.error(sheet.actualRowCount - 1);
  }
  let header: string[] | undefined;
  const rows: SheetTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = sheetCellText(cell.value);
    });
    const filled = Array.from(cells, (c) => c ?? '');
    if (!header) {
      header = filled;
    } else {
      rows.push({ row: rowNumber, cells: filled });
    }
  });
  return { header: header ?? [], rows };
}

/** Excel in Vietnamese locales saves CSV with semicolons. */
export function sniffCsvDelimiter(text: string): ';' | ',' {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** The records of a CSV's text (a leading BOM is dropped); the first is the header. */
export function readCsvTable(text: string, fail: SheetFailure): SheetTable {
  let records: string[][];
  try {
    const parsed: unknown = parseCsv(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      delimiter: sniffCsvDelimiter(text),
    });
    records = parsed as string[][]; // without `columns`, every record is an array of cells
  } catch (error) {
    throw fail(`Không đọc được tệp CSV: ${(error as Error).message}`, 'VALIDATION_FAILED');
  }
  const [header = [], ...rest] = records;
  return { header, rows: rest.map((cells, i) => ({ row: i + 2, cells })) };
}
