import ExcelJS from 'exceljs';
import {
  looksLikeXlsx,
  readCsvTable,
  readWorkbookTable,
  type SheetFailure,
  type SheetTable,
} from '@app/common';
import { BroadcastException } from '../broadcast.exception';

/** An old logbook's file: 10 MB, 10,000 lines (a commune's paper book holds a few thousand a year). */
export const LOGBOOK_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const LOGBOOK_IMPORT_MAX_ROWS = 10_000;
/** Errors kept in an answer. */
export const LOGBOOK_IMPORT_MAX_ERRORS = 1_000;

export const IMPORT_COLUMNS = [
  { key: 'day', label: 'Ngày', required: true },
  { key: 'start', label: 'Giờ bắt đầu', required: true },
  { key: 'end', label: 'Giờ kết thúc', required: true },
  { key: 'title', label: 'Nội dung', required: true },
  { key: 'kind', label: 'Loại', required: false },
  { key: 'source', label: 'Nguồn tiếp âm', required: false },
  { key: 'category', label: 'Chuyên mục', required: false },
  { key: 'result', label: 'Kết quả', required: false },
  { key: 'note', label: 'Ghi chú', required: false },
  { key: 'station', label: 'Đài', required: false },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

export const columnLabel = (key: ImportColumnKey): string => IMPORT_COLUMNS.find((c) => c.key === key)!.label;

/** One line of the file: its row number (the header is 1) and the text of each known column. */
export interface SheetLine {
  row: number;
  cells: Partial<Record<ImportColumnKey, string>>;
}

/** Lower case, no diacritics, single spaces: how headers and choices are compared. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function tooMany(count: number): BroadcastException {
  return BroadcastException.file(
    `Tệp có ${count.toLocaleString('vi-VN')} dòng; mỗi lần nhập tối đa ${LOGBOOK_IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng. Hãy chia tệp thành nhiều tệp nhỏ hơn.`,
  );
}

const sheetFailure: SheetFailure = (message, code) => BroadcastException.file(message, code);

async function tableOf(bytes: Buffer, filename: string): Promise<SheetTable> {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  if (extension === 'xlsx') {
    if (!looksLikeXlsx(bytes)) {
      throw BroadcastException.file(
        'Tệp có đuôi .xlsx nhưng nội dung không phải bảng tính Excel',
        'UNSUPPORTED_MEDIA_TYPE',
      );
    }
    return readWorkbookTable(bytes, sheetFailure, {
      maxRows: LOGBOOK_IMPORT_MAX_ROWS,
      error: tooMany,
    });
  }
  if (extension === 'csv') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      throw BroadcastException.file(
        'Tệp .csv không phải văn bản UTF-8: hãy lưu lại dạng "CSV UTF-8"',
        'UNSUPPORTED_MEDIA_TYPE',
      );
    }
    return readCsvTable(text, sheetFailure);
  }
  throw BroadcastException.file(
    `Chỉ nhận tệp .xlsx hoặc .csv (tệp gửi lên: "${filename}")${extension === 'xls' ? '. Hãy mở bằng Excel và lưu lại dạng .xlsx' : ''}`,
    'UNSUPPORTED_MEDIA_TYPE',
  );
}

/**
 * The lines of an old logbook's file (.xlsx or .csv): the header row names the columns (in any order,
 * with or without diacritics); blank lines are skipped. A file that is wrong as a whole is a 4xx naming
 * `file`: another kind of file, a missing required column, more than 10,000 lines.
 */
export async function readLogbookFile(bytes: Buffer, filename: string): Promise<SheetLine[]> {
  const table = await tableOf(bytes, filename);
  const positions = new Map<ImportColumnKey, number>();
  table.header.forEach((h, i) => {
    const column = IMPORT_COLUMNS.find((c) => fold(c.label) === fold(h.replace(/\(.*\)/, '')));
    if (column && !positions.has(column.key)) {
      positions.set(column.key, i);
    }
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !positions.has(c.key));
  if (missing.length > 0) {
    throw BroadcastException.file(
      `Tệp thiếu cột ${missing.map((c) => `"${c.label}"`).join(', ')}: hãy dùng tệp mẫu (import-template.xlsx)`,
    );
  }
  const lines = table.rows
    .map(({ row, cells }) => ({
      row,
      cells: Object.fromEntries([...positions].map(([key, i]) => [key, (cells[i] ?? '').trim()])),
    }))
    .filter((line) => Object.values(line.cells).some((v) => v !== ''));
  if (lines.length > LOGBOOK_IMPORT_MAX_ROWS) {
    throw tooMany(lines.length);
  }
  return lines;
}

/** The template: the columns, three example lines, and a guide sheet. */
export async function logbookTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trang thông tin điện tử xã';
  const sheet = workbook.addWorksheet('Sổ nhật ký phát sóng', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.filter((c) => c.key !== 'station').map((c) => ({
    header: c.label,
    key: c.key,
    width: c.key === 'title' || c.key === 'note' ? 44 : 16,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    day: '02/01/2025',
    start: '06:00',
    end: '06:12',
    title: 'Bản tin thời sự của xã',
    kind: 'Bản tin',
    category: '',
    result: 'Đã phát',
    note: '',
  });
  sheet.addRow({
    day: '02/01/2025',
    start: '06:15',
    end: '06:45',
    title: 'Thời sự VOV1',
    kind: 'Tiếp âm',
    source: 'VOV1',
    result: 'Phát một phần',
    note: 'Mất điện lúc 06:40',
  });
  sheet.addRow({
    day: '03/01/2025',
    start: '17:00',
    end: '17:05',
    title: 'Thông báo phòng chống bão số 3',
    kind: 'Khẩn cấp',
    result: 'Đã phát',
  });
  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'label', width: 18 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: 'Cách ghi', key: 'how', width: 100, style: { alignment: { wrapText: true } } },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) {
    help.addRow({ label: c.label, required: c.required ? 'Có' : '', how: HOW[c.key] });
  }
  help.addRow({
    label: 'Giới hạn',
    how: `Mỗi tệp tối đa ${LOGBOOK_IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng và 10 MB. Nhập lại cùng tệp không ghi trùng: các dòng đã nhập được bỏ qua.`,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const HOW: Record<ImportColumnKey, string> = {
  day: 'Ngày phát, dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 02/01/2025; ô ngày của Excel cũng được nhận.',
  start: 'Giờ bắt đầu phát, dạng giờ:phút (HH:mm), ví dụ 06:00 (giờ Việt Nam).',
  end: 'Giờ kết thúc, dạng HH:mm, không trước giờ bắt đầu (lượt phát qua nửa đêm: ghi thành hai dòng).',
  title: 'Tên bài, chương trình hoặc thông báo đã phát.',
  kind: '"Bản tin" (hoặc để trống), "Tiếp âm" hoặc "Khẩn cấp".',
  source: 'Với tiếp âm: nguồn tiếp âm, ví dụ VOV1, Đài tỉnh.',
  category: 'Tên một chuyên mục của đơn vị (để trống nếu không có).',
  result:
    '"Đã phát" (hoặc để trống), "Phát một phần" hoặc "Không phát" (khi không phát: ghi lý do ở cột Ghi chú).',
  note: 'Ghi chú, lý do không phát.',
  station: 'Không bắt buộc: tên đài; nếu ghi, phải đúng tên đài đang nhập.',
};
