import ExcelJS from 'exceljs';
import { csvText, type CsvValue } from '@app/common';
import { FIGURES } from './figures';
import { dmy } from './period';
import type { SummaryResponse, UnitSummaryResponse } from './reports.dto';

/** One unit's figures in the order of figures.ts. */
function values(summary: UnitSummaryResponse): number[] {
  const groups = summary as unknown as Record<string, Record<string, number>>;
  return FIGURES.map((f) => {
    const [group, name] = f.path.split('.');
    return groups[group][name];
  });
}

/** The table of a summary: a header, the unit (the total of its tree with children), then each child. */
export function summaryRows(summary: SummaryResponse): CsvValue[][] {
  const header = ['Đơn vị', ...FIGURES.map((f) => f.label)];
  const total = summary.includeChildren ? `${summary.unitName} (tổng cộng)` : summary.unitName;
  return [
    header,
    [total, ...values(summary)],
    ...(summary.children ?? []).map((child) => [child.unitName, ...values(child)]),
  ];
}

export function summaryTitle(summary: SummaryResponse): string {
  return `Số liệu tuyên truyền của ${summary.unitName} từ ngày ${dmy(summary.from)} đến ngày ${dmy(summary.to)}`;
}

export function summaryCsv(summary: SummaryResponse): Buffer {
  return Buffer.from(csvText(summaryRows(summary)), 'utf8');
}

/** The same table in a workbook, with its title, and the tin bài by category on a second sheet. */
export async function summaryXlsx(summary: SummaryResponse): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trang thông tin điện tử xã';
  const sheet = workbook.addWorksheet('Số liệu', { views: [{ state: 'frozen', ySplit: 3, xSplit: 1 }] });
  sheet.addRow([summaryTitle(summary)]).font = { bold: true, size: 13 };
  sheet.addRow([
    'Đếm từ nhật ký chứng cứ theo quy tắc của hệ thống; lượt phát không trọn vẹn và không phát được không tính vào lượt phát sóng.',
  ]).font = { italic: true };
  const [header, ...rows] = summaryRows(summary);
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'top' };
  for (const row of rows) {
    sheet.addRow(row);
  }
  sheet.getColumn(1).width = 40;
  for (let i = 2; i <= header.length; i += 1) {
    sheet.getColumn(i).width = 16;
  }
  const categories = workbook.addWorksheet('Theo chuyên mục');
  categories.addRow(['Chuyên mục', 'Tin bài đăng lần đầu trong kỳ']).font = { bold: true };
  for (const c of summary.portal.byCategory) {
    categories.addRow([c.name, c.count]);
  }
  categories.getColumn(1).width = 40;
  categories.getColumn(2).width = 20;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "so-lieu-xa-an-binh-2026-01-01-2026-12-31.xlsx". */
export function summaryFileName(slug: string, summary: SummaryResponse, extension: 'xlsx' | 'csv'): string {
  return `so-lieu-${slug}-${summary.from}-${summary.to}.${extension}`;
}
