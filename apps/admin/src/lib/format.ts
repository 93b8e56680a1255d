// Every date a person sees is dd/mm/yyyy in Asia/Ho_Chi_Minh, whatever the computer's own time zone.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(format: Intl.DateTimeFormat, value: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(value).map((p) => [p.type, p.value]));
}

/** dd/mm/yyyy; an empty string for no date. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) {
    return '';
  }
  const p = parts(dateParts, new Date(value));
  return `${p.day}/${p.month}/${p.year}`;
}

/** HH:mm dd/mm/yyyy, as the api's own Vietnamese messages write it. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) {
    return '';
  }
  const p = parts(timeParts, new Date(value));
  return `${p.hour}:${p.minute} ${formatDate(value)}`;
}

/** Date pickers show dd/mm/yyyy. */
export const DATE_FORMAT = 'DD/MM/YYYY';

/** A Vietnamese title as a portal slug: no diacritics, đ → d, lower case, words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/g, '');
}
