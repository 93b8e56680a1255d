import { isCalendarDate } from './validators';
import { formatDate, formatDateTime, startOfVietnamDay, vietnamDay } from './time';

describe('Vietnamese time', () => {
  it('formats dates as dd/mm/yyyy in Asia/Ho_Chi_Minh', () => {
    // 17:30 UTC on 31/12 is already 1 January in Vietnam.
    expect(formatDate(new Date('2025-12-31T17:30:00Z'))).toBe('01/01/2026');
    expect(formatDate(new Date('2026-03-04T02:00:00Z'))).toBe('04/03/2026');
    expect(formatDateTime(new Date('2026-03-04T23:05:00Z'))).toBe('06:05 05/03/2026');
  });

  it('starts a Vietnamese day at 17:00 UTC the day before', () => {
    expect(startOfVietnamDay('2026-01-01').toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });
});

describe('calendar dates', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
    expect(isCalendarDate(20260101)).toBe(false);
  });
});

describe('vietnamDay', () => {
  it('gives the day in Vietnam', () => {
    expect(vietnamDay(new Date('2026-05-01T16:59:59Z'))).toBe('2026-05-01');
    expect(vietnamDay(new Date('2026-05-01T17:00:00Z'))).toBe('2026-05-02');
  });
});
