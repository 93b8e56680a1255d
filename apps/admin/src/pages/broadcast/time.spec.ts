import { describe, expect, it } from '@jest/globals';
import { addDays, atVietnamTime, clockTime, dayLabel, vietnamDay, weekdaysText } from './time';

describe('broadcast times (Asia/Ho_Chi_Minh)', () => {
  it('says weekdays the way people write them', () => {
    expect(weekdaysText([5, 1, 3])).toBe('Thứ 2, 4, 6');
    expect(weekdaysText([6, 7])).toBe('Thứ 7, Chủ nhật');
    expect(weekdaysText([7])).toBe('Chủ nhật');
    expect(weekdaysText([1, 2, 3, 4, 5, 6, 7])).toBe('Hằng ngày');
  });

  it('takes the Vietnamese day, not the computer’s', () => {
    // 17:30 UTC on 2 December is 00:30 on 3 December in Vietnam.
    expect(vietnamDay(new Date('2026-12-02T17:30:00Z'))).toBe('2026-12-03');
    expect(vietnamDay(new Date('2026-12-02T16:59:59Z'))).toBe('2026-12-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(dayLabel('2026-12-03')).toBe('Thứ Năm, 03/12/2026');
  });

  it('reads a clock time on a Vietnamese day, and writes one back', () => {
    expect(atVietnamTime('2026-12-03', '06:30')?.toISOString()).toBe('2026-12-02T23:30:00.000Z');
    expect(atVietnamTime('2026-12-03', '17:00:05')?.toISOString()).toBe('2026-12-03T10:00:05.000Z');
    expect(atVietnamTime('2026-12-03', '24:00')).toBeNull();
    expect(atVietnamTime('2026-12-03', 'sáu giờ')).toBeNull();
    expect(clockTime('2026-12-02T23:30:00.000Z')).toBe('06:30');
    expect(clockTime('2026-12-03T10:00:05.000Z', true)).toBe('17:00:05');
  });
});
