import {
  looksLikeXlsx,
  readCsvTable,
  readWorkbookTable,
  type SheetFailure,
  type SheetTable,
} from '@app/common';
import { ProceduresException } from '../procedures.exception';
import { columnLabel, COLUMNS, type ColumnKey } from './columns';
import { restoreNeutralized } from './format';
import { IMPORT_MAX_ROWS } from './limits';
import { mapNationalRecord } from './national';
import { quoted } from './storable';
import {
  fold,
  parseCases,
  parseDate,
  parseExcelSerial,
  parseDossier,
  parseLegalBasis,
  parseMethods,
  parseOnlineLevel,
  parseStatus,
} from './text';

export type ImportFormat = 'csv' | 'xlsx' | 'json';

export interface RowError {
  row: number;
  field: string | null;
  message: string;
}

/** One record of the file, mapped to the API's shape (ProcedureContentDto) plus `replacedByCode`. */
export interface ParsedRow {
  row: number;
  input: Record<string, unknown>;
  errors: RowError[];
}

/** The bytes and name of an uploaded file (what crosses to the reading thread). */
export interface ImportFile {
  bytes: Uint8Array;
  filename: string;
}

export interface ParsedFile {
  format: ImportFormat;
  rows: ParsedRow[];
}

const FORMATS = ['csv', 'xlsx', 'json'] as const;

function fileError(
  code: 'UNSUPPORTED_MEDIA_TYPE' | 'VALIDATION_FAILED',
  message: string,
): ProceduresException {
  return ProceduresException.file(message, code);
}

function tooManyRows(count: number): ProceduresException {
  return fileError(
    'VALIDATION_FAILED',
    `Tệp có ${count.toLocaleString('vi-VN')} dòng thủ tục; mỗi lần nhập tối đa ${IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng. Hãy chia tệp thành nhiều tệp nhỏ hơn.`,
  );
}

/**
 * Reads an import file whose kind is decided by its extension and confirmed by its content: a .xlsx must
 * be a zip (Office Open XML), a .csv or .json must be UTF-8 text. What is wrong with the file as a whole
 * is a 4xx naming `file`; what is wrong with one record is an error of that row.
 */
export async function parseImportFile(upload: ImportFile): Promise<ParsedFile> {
  const extension = /\.([a-z0-9]+)$/i.exec(upload.filename ?? '')?.[1]?.toLowerCase() ?? '';
  const format = FORMATS.find((f) => f === extension);
  if (!format) {
    const hint = extension === 'xls' ? ' Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.' : '';
    throw fileError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Chỉ nhận tệp .csv, .xlsx hoặc .json (tệp gửi lên: "${upload.filename}").${hint}`,
    );
  }
  const bytes = Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength);
  if (format === 'xlsx') {
    if (!looksLikeXlsx(bytes)) {
      throw fileError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Tệp có đuôi .xlsx nhưng nội dung không phải bảng tính Excel (.xlsx)',
      );
    }
    return { format, rows: tableRows(await readWorkbookTable(bytes, sheetFailure)) };
  }
  const text = utf8(bytes, format);
  if (format === 'json') {
    return { format, rows: jsonRows(text) };
  }
  return { format, rows: tableRows(readCsvTable(text, sheetFailure)) };
}

function utf8(bytes: Buffer, format: ImportFormat): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Tệp có đuôi .${format} nhưng không phải văn bản UTF-8 (có thể là tệp nhị phân, hoặc CSV lưu bằng bảng mã khác: hãy lưu lại dạng "CSV UTF-8")`,
    );
  }
  // NUL in the first line is a binary file (or UTF-16 text); further down it is one bad cell, which its
  // row reports (check.ts).
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  if (firstLine.includes('\u0000')) {
    throw fileError('UNSUPPORTED_MEDIA_TYPE', `Tệp có đuôi .${format} nhưng nội dung là dữ liệu nhị phân`);
  }
  return text.replace(/^\uFEFF/, '');
}

const sheetFailure: SheetFailure = (message, code) => fileError(code, message);

function tableRows(table: SheetTable): ParsedRow[] {
  if (table.header.every((h) => h.trim() === '')) {
    throw fileError('VALIDATION_FAILED', 'Tệp rỗng: không có dòng tiêu đề');
  }
  const byHeader = new Map<string, ColumnKey>();
  for (const column of COLUMNS) {
    for (const name of [column.label, ...column.aliases]) {
      byHeader.set(fold(name), column.key);
    }
  }
  const positions = new Map<ColumnKey, number>();
  table.header.forEach((name, index) => {
    const key = byHeader.get(fold(name));
    if (key && !positions.has(key)) {
      positions.set(key, index);
    }
  });
  const missing = COLUMNS.filter((c) => c.required && !positions.has(c.key)).map((c) => `"${c.label}"`);
  if (missing.length > 0) {
    throw fileError(
      'VALIDATION_FAILED',
      `Thiếu cột bắt buộc: ${missing.join(', ')}. Dòng đầu của tệp phải là tiêu đề cột như trong tệp mẫu.`,
    );
  }
  const rows = table.rows.filter((r) => r.cells.some((c) => (c ?? '').trim() !== ''));
  if (rows.length === 0) {
    throw fileError('VALIDATION_FAILED', 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề');
  }
  if (rows.length > IMPORT_MAX_ROWS) {
    throw tooManyRows(rows.length);
  }
  return rows.map(({ row, cells }) => {
    const cell = (key: ColumnKey): string => {
      const index = positions.get(key);
      return index === undefined ? '' : restoreNeutralized((cells[index] ?? '').normalize('NFC').trim());
    };
    return rowFromCells(row, cell);
  });
}

function rowFromCells(row: number, cell: (key: ColumnKey) => string): ParsedRow {
  const errors: RowError[] = [];
  const fail = (field: string, message: string) =>
    errors.push({ row, field, message: `${columnLabel(field)}: ${message}` });
  const input: Record<string, unknown> = {
    code: cell('code'),
    name: cell('name'),
    field: cell('field'),
    level: cell('level'),
    agency: cell('agency'),
    applicants: cell('applicants'),
    steps: parseCases(cell('steps')),
    methods: parseMethods(cell('methods')),
    dossier: parseDossier(cell('dossier')),
    dossierCount: cell('dossierCount'),
    timeLimit: cell('timeLimit'),
    fees: cell('fees'),
    forms: cell('forms'),
    result: cell('result'),
    conditions: cell('conditions'),
    legalBasis: parseLegalBasis(cell('legalBasis')),
    receivingAddress: cell('receivingAddress'),
    onlineUrl: cell('onlineUrl') || null,
    decisionNumber: cell('decisionNumber'),
    decisionIssuer: cell('decisionIssuer'),
    replacedByCode: cell('replacedByCode') || null,
  };
  const online = parseOnlineLevel(cell('onlineLevel'));
  if (online) {
    input.onlineLevel = online;
  } else {
    fail(
      'onlineLevel',
      `${quoted(cell('onlineLevel'))} không rõ; ghi "Toàn trình", "Một phần" hoặc để trống`,
    );
  }
  const status = parseStatus(cell('status'));
  if (status) {
    input.status = status;
  } else {
    fail(
      'status',
      `${quoted(cell('status'))} không rõ; ghi "Còn hiệu lực", "Sửa đổi, bổ sung", "Thay thế" hoặc "Bãi bỏ"`,
    );
  }
  const date = cell('decisionDate');
  if (date === '') {
    input.decisionDate = null;
  } else {
    // A date Excel kept as a date reaches a CSV (or a cell formatted as a number) as its serial, 45000.
    const parsed = parseDate(date) ?? parseExcelSerial(date);
    if (parsed) {
      input.decisionDate = parsed;
    } else {
      fail(
        'decisionDate',
        `${quoted(date)} không phải một ngày có thật (ghi dạng ngày/tháng/năm, ví dụ 25/12/2024)`,
      );
    }
  }
  return { row, input, errors };
}

function jsonRows(text: string): ParsedRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw fileError('VALIDATION_FAILED', `Tệp JSON không đúng cú pháp: ${(error as Error).message}`);
  }
  let records: unknown[] | undefined;
  if (Array.isArray(data)) {
    records = data;
  } else if (data && typeof data === 'object') {
    const object = data as Record<string, unknown>;
    const list = ['data', 'Data', 'DATA', 'items', 'result', 'Result', 'records']
      .map((k) => object[k])
      .find(Array.isArray);
    records = list ?? ('MATTHC' in object ? [object] : undefined);
  }
  if (!records) {
    throw fileError(
      'VALIDATION_FAILED',
      'Tệp JSON phải là danh sách thủ tục theo cấu trúc Cơ sở dữ liệu quốc gia (các trường MATTHC, TENTTHC, …)',
    );
  }
  if (records.length === 0) {
    throw fileError('VALIDATION_FAILED', 'Tệp JSON không có thủ tục nào');
  }
  if (records.length > IMPORT_MAX_ROWS) {
    throw tooManyRows(records.length);
  }
  return records.map((record, index) => mapNationalRecord(index + 1, record));
}
