import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { formatDate, Principal, startOfVietnamDay, vietnamDay } from '@app/common';
import { BroadcastException } from '../broadcast.exception';
import { BroadcastRepository, type LogbookAiringRow, type LogbookItemRow } from '../broadcast.repository';
import { BROADCAST_READERS } from '../broadcast.roles';
import { addDays } from '../plan-generator';
import { hhmm } from '../slot-policy';
import { StationsService } from '../stations.service';
import { LogbookResponse, LogbookRowResponse, LogbookTotalsResponse, MONTH } from './broadcast-files.dto';

const RESULT_LABELS: Record<LogbookRowResponse['result'], string> = {
  aired: 'Đã phát',
  partial: 'Phát một phần',
  missed: 'Không phát',
  unrecorded: 'Chưa ghi nhận',
};

const PRIORITY_LABELS: Record<LogbookRowResponse['priority'], string> = {
  normal: 'Thông thường',
  priority: 'Ưu tiên',
  emergency: 'Khẩn cấp',
};

/** The logbook's columns, in the order of the paper book. */
export const LOGBOOK_COLUMNS: {
  header: string;
  width: number;
  value: (r: LogbookRowResponse) => string | number;
}[] = [
  { header: 'Ngày', width: 12, value: (r) => r.day },
  { header: 'Khung giờ', width: 28, value: (r) => r.slot },
  { header: 'Giờ dự kiến', width: 11, value: (r) => r.plannedTime ?? '' },
  { header: 'Giờ bắt đầu', width: 11, value: (r) => r.startTime ?? '' },
  { header: 'Giờ kết thúc', width: 11, value: (r) => r.endTime ?? '' },
  { header: 'Thời lượng (phút)', width: 11, value: (r) => r.minutes ?? '' },
  { header: 'Nội dung', width: 48, value: (r) => r.title },
  { header: 'Nguồn', width: 24, value: (r) => r.source },
  { header: 'Chuyên mục', width: 22, value: (r) => r.category },
  { header: 'Ưu tiên', width: 13, value: (r) => r.priorityLabel },
  { header: 'Kết quả', width: 15, value: (r) => r.resultLabel },
  { header: 'Người ghi', width: 22, value: (r) => r.operator },
  { header: 'Ghi chú', width: 36, value: (r) => r.note },
];

/** HH:mm in Asia/Ho_Chi_Minh. */
export function vietnamTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

/** Minutes played: the console's count, else the span; nothing for a missed airing. Two decimals. */
function minutesPlayed(a: LogbookAiringRow): number {
  if (a.status === 'missed') {
    return 0;
  }
  const seconds = a.playedSeconds ?? (new Date(a.endedAt).getTime() - new Date(a.startedAt).getTime()) / 1000;
  return Math.round((seconds / 60) * 100) / 100;
}

function sourceOf(
  a: LogbookAiringRow | null,
  item: LogbookItemRow | null,
): Pick<LogbookRowResponse, 'sourceKind' | 'source'> {
  if (a?.method === 'import') {
    const what =
      a.kind === 'relay' ? ` (tiếp âm ${a.sourceName ?? ''})` : a.kind === 'emergency' ? ' (khẩn cấp)' : '';
    return { sourceKind: 'import', source: `Sổ cũ${what}` };
  }
  if (a?.kind === 'emergency') {
    return { sourceKind: 'emergency', source: 'Khẩn cấp' };
  }
  if (a?.kind === 'relay' || item?.kind === 'relay') {
    return {
      sourceKind: 'relay',
      source: `Tiếp âm ${a?.sourceName ?? item?.relayName ?? item?.title ?? ''}`.trim(),
    };
  }
  return item
    ? { sourceKind: 'plan', source: 'Bản tin của xã' }
    : { sourceKind: 'unplanned', source: 'Bản tin của xã (ngoài lịch)' };
}

function rowOf(item: LogbookItemRow | null, a: LogbookAiringRow | null): LogbookRowResponse {
  const date = item ? item.date : vietnamDay(new Date(a!.startedAt));
  const priority: LogbookRowResponse['priority'] =
    a?.kind === 'emergency' ? 'emergency' : (item?.priority ?? 'normal');
  const result: LogbookRowResponse['result'] = a ? a.status : 'unrecorded';
  return {
    date,
    day: formatDate(startOfVietnamDay(date)),
    slot: item
      ? `${item.slotName} (${hhmm(item.slotStart)}–${hhmm(Math.min(item.slotStart + item.slotMinutes, 1440))})`
      : 'Ngoài lịch',
    plannedTime: item ? vietnamTime(new Date(item.plannedStart)) : null,
    startTime: a ? vietnamTime(new Date(a.startedAt)) : null,
    endTime: a ? vietnamTime(new Date(a.endedAt)) : null,
    minutes: a ? minutesPlayed(a) : null,
    title: a?.title ?? item!.title,
    ...sourceOf(a, item),
    category: a?.categories ?? item?.categories ?? '',
    priority,
    priorityLabel: PRIORITY_LABELS[priority],
    result,
    resultLabel: RESULT_LABELS[result],
    operator: a?.operatorName ?? '',
    note: a?.note ?? '',
    planItemId: item?.id ?? null,
    airingId: a?.id ?? null,
  };
}

/** Planned against aired: each item with each of its airings (or none), then the airings with no item. */
export function logbookRows(items: LogbookItemRow[], airings: LogbookAiringRow[]): LogbookRowResponse[] {
  const byItem = new Map<string, LogbookAiringRow[]>();
  for (const a of airings) {
    if (a.planItemId) {
      byItem.set(a.planItemId, [...(byItem.get(a.planItemId) ?? []), a]);
    }
  }
  const rows: { at: number; row: LogbookRowResponse }[] = [];
  for (const item of items) {
    const mine = byItem.get(item.id) ?? [];
    for (const a of mine.length > 0 ? mine : [null]) {
      rows.push({ at: new Date(item.plannedStart).getTime(), row: rowOf(item, a) });
    }
  }
  for (const a of airings.filter((x) => !x.planItemId)) {
    rows.push({ at: new Date(a.startedAt).getTime(), row: rowOf(null, a) });
  }
  // By day, then by the planned time or, outside the plan, the time it aired.
  return rows
    .sort((x, y) => (x.row.date < y.row.date ? -1 : x.row.date > y.row.date ? 1 : x.at - y.at))
    .map((x) => x.row);
}

export function logbookTotals(rows: LogbookRowResponse[]): LogbookTotalsResponse {
  const totals = { aired: 0, partial: 0, minutes: 0, relays: 0, emergencies: 0, missed: 0, unrecorded: 0 };
  for (const r of rows) {
    if (r.result === 'aired' || r.result === 'partial') {
      totals[r.result] += 1;
      totals.minutes += r.minutes ?? 0;
      if (r.sourceKind === 'relay' || (r.sourceKind === 'import' && r.source.includes('tiếp âm'))) {
        totals.relays += 1;
      }
      if (r.priority === 'emergency') {
        totals.emergencies += 1;
      }
    } else if (r.result === 'missed') {
      totals.missed += 1;
    } else {
      totals.unrecorded += 1;
    }
  }
  totals.minutes = Math.round(totals.minutes * 100) / 100;
  return totals;
}

/** The monthly airing logbook (sổ nhật ký phát sóng) of a station: JSON for the screen, XLSX to keep. */
@Injectable()
export class LogbookService {
  constructor(
    private readonly repo: BroadcastRepository,
    private readonly stations: StationsService,
  ) {}

  async logbook(principal: Principal, stationId: string, month: string): Promise<LogbookResponse> {
    if (!MONTH.test(month)) {
      throw BroadcastException.invalid([
        { field: 'month', message: 'Tháng (month) phải có dạng YYYY-MM, ví dụ 2026-12' },
      ]);
    }
    const { station, unit } = await this.stations.requireStation(principal, stationId, BROADCAST_READERS);
    const first = `${month}-01`;
    const next = addDays(`${month}-28`, 4).slice(0, 7) + '-01';
    const last = addDays(next, -1);
    const items = await this.repo.logbookItems(station.unitId, station.id, first, last);
    const airings = await this.repo.logbookAirings(
      station.unitId,
      station.id,
      items.map((i) => i.id),
      startOfVietnamDay(first),
      startOfVietnamDay(next),
    );
    const rows = logbookRows(items, airings);
    const [year, mm] = month.split('-');
    return {
      title: `SỔ NHẬT KÝ PHÁT SÓNG – ${station.name} – tháng ${mm}/${year}`,
      unitName: unit.name,
      stationId: station.id,
      stationName: station.name,
      month,
      rows,
      totals: logbookTotals(rows),
    };
  }

  async logbookXlsx(
    principal: Principal,
    stationId: string,
    month: string,
  ): Promise<{ bytes: Buffer; fileName: string }> {
    const book = await this.logbook(principal, stationId, month);
    return { bytes: await logbookWorkbook(book), fileName: `so-nhat-ky-phat-song-${month}.xlsx` };
  }
}

/** The logbook as one sheet: title, unit, the table, and the totals under it. */
export async function logbookWorkbook(book: LogbookResponse): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trang thông tin điện tử xã';
  const sheet = workbook.addWorksheet('Sổ nhật ký phát sóng', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const n = LOGBOOK_COLUMNS.length;
  sheet.columns = LOGBOOK_COLUMNS.map((c) => ({ width: c.width }));
  sheet.addRow([book.title]);
  sheet.mergeCells(1, 1, 1, n);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  sheet.addRow([book.unitName]);
  sheet.mergeCells(2, 1, 2, n);
  sheet.getRow(2).alignment = { horizontal: 'center' };
  sheet.addRow([]);
  const header = sheet.addRow(LOGBOOK_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const row of book.rows) {
    const added = sheet.addRow(LOGBOOK_COLUMNS.map((c) => c.value(row)));
    added.alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.addRow([]);
  const t = book.totals;
  const totals: [string, number][] = [
    ['Lượt phát đã phát', t.aired],
    ['Lượt phát một phần', t.partial],
    ['Phút phát', t.minutes],
    ['Lượt tiếp âm', t.relays],
    ['Lượt khẩn cấp', t.emergencies],
    ['Lượt không phát', t.missed],
    ['Mục chưa ghi nhận', t.unrecorded],
  ];
  const heading = sheet.addRow(['TỔNG HỢP']);
  heading.font = { bold: true };
  for (const [label, value] of totals) {
    const r = sheet.addRow([label, value]);
    r.getCell(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
