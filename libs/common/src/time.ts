/** Every date a person sees or a report groups by is in this zone (design.md §3). */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd/mm/yyyy in Asia/Ho_Chi_Minh. */
export function formatDate(date: Date): string {
  const parts = Object.fromEntries(dateFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year}`;
}

/** HH:mm dd/mm/yyyy in Asia/Ho_Chi_Minh. */
export function formatDateTime(date: Date): string {
  const parts = Object.fromEntries(timeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${formatDate(date)}`;
}

/** The instant a Vietnamese calendar day (YYYY-MM-DD) starts. Vietnam has no daylight saving. */
export function startOfVietnamDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+07:00`);
}

/** The Vietnamese calendar day (YYYY-MM-DD) an instant falls on. */
export function vietnamDay(date: Date): string {
  return new Date(date.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}
