import { WEEKDAY_LABELS } from '../../lib/labels';

// Broadcast days and clock times are Vietnamese (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), whatever
// the station PC's own time zone.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const DAY_MS = 86_400_000;

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Vietnamese day (YYYY-MM-DD) of an instant; today by default. */
export function vietnamDay(at: Date = new Date()): string {
  return dayFormat.format(at);
}

/** YYYY-MM-DD plus `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday, of a YYYY-MM-DD. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** YYYY-MM-DD → dd/mm/yyyy. */
export function dayText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** "Thứ Năm, 03/12/2026". */
export function dayLabel(date: string): string {
  return `${WEEKDAY_LABELS[weekdayOf(date)]}, ${dayText(date)}`;
}

/** [1, 3, 5] → "Thứ 2, 4, 6"; Sunday is "Chủ nhật"; every day is "Hằng ngày". */
export function weekdaysText(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) {
    return 'Hằng ngày';
  }
  const weekdays = sorted.filter((d) => d < 7).map((d) => String(d + 1));
  const parts: string[] = [];
  if (weekdays.length > 0) {
    parts.push(`Thứ ${weekdays.join(', ')}`);
  }
  if (sorted.includes(7)) {
    parts.push('Chủ nhật');
  }
  return parts.join(', ');
}

/** HH:mm of an instant, in Vietnam. */
export function clockTime(value: string | Date, withSeconds = false): string {
  const p = Object.fromEntries(clockFormat.formatToParts(new Date(value)).map((x) => [x.type, x.value]));
  return withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

/** The instant of "HH:mm" (or HH:mm:ss) on a Vietnamese day; null when the text is not a time. */
export function atVietnamTime(date: string, time: string): Date | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(time.trim());
  if (!match) {
    return null;
  }
  const [, h, m, s] = match;
  return new Date(
    Date.parse(`${date}T00:00:00+07:00`) + ((Number(h) * 60 + Number(m)) * 60 + Number(s ?? 0)) * 1000,
  );
}

/** 245 → "04:05"; past an hour "1:04:05". */
export function clockDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const s = String(total % 60).padStart(2, '0');
  const m = Math.floor(total / 60);
  return m >= 60
    ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${s}`
    : `${String(m).padStart(2, '0')}:${s}`;
}

/** "4 phút 05 giây", as the api's messages say it. */
export function spokenDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const m = Math.floor(total / 60);
  const rest = total % 60;
  if (m === 0) {
    return `${rest} giây`;
  }
  return rest === 0 ? `${m} phút` : `${m} phút ${String(rest).padStart(2, '0')} giây`;
}
