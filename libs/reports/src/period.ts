import { startOfVietnamDay } from '@app/common';

/** A report period: inclusive Vietnamese days, and the instants that bound them (design.md §5). */
export interface Period {
  from: string;
  to: string;
  /** The first instant of `from` in Asia/Ho_Chi_Minh. */
  start: Date;
  /** The first instant after `to`. */
  end: Date;
}

const DAY_MS = 86_400_000;
export const MAX_PERIOD_YEARS = 10;

/** The period of two checked YYYY-MM-DD days, or the field and message that is wrong with them. */
export function periodOf(from: string, to: string): Period | { field: 'from' | 'to'; message: string } {
  if (to < from) {
    return { field: 'to', message: `Đến ngày (to) ${dmy(to)} ở trước Từ ngày (from) ${dmy(from)}` };
  }
  const limit = `${String(Number(from.slice(0, 4)) + MAX_PERIOD_YEARS).padStart(4, '0')}${from.slice(4)}`;
  if (to >= limit) {
    return {
      field: 'to',
      message: `Khoảng thời gian dài quá ${MAX_PERIOD_YEARS} năm: hãy chọn Đến ngày (to) trước ${dmy(limit)}`,
    };
  }
  const start = startOfVietnamDay(from);
  const end = new Date(startOfVietnamDay(to).getTime() + DAY_MS);
  return { from, to, start, end };
}

/** The whole of a year. */
export function yearPeriod(year: number): Period {
  return periodOf(`${year}-01-01`, `${year}-12-31`) as Period;
}

/** YYYY-MM-DD → dd/mm/yyyy. */
export function dmy(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
