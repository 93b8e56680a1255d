import type { DataSource } from 'typeorm';
import { ScheduleService } from './schedule.service';

describe('ScheduleService.scheduledTime', () => {
  const service = new ScheduleService({} as DataSource);

  it('gives the cron slot that is firing, whichever worker fires it a little late', () => {
    const slot = new Date('2026-05-01T19:00:00.000Z'); // 02:00 in Vietnam
    expect(service.scheduledTime('0 0 2 * * *', new Date(slot.getTime() + 3))).toEqual(slot);
    expect(service.scheduledTime('0 0 2 * * *', new Date(slot.getTime() + 2500))).toEqual(slot);
  });

  it('reads the cron expression in Asia/Ho_Chi_Minh', () => {
    const now = new Date('2026-05-01T19:00:00.010Z');
    expect(service.scheduledTime('0 0 2 * * *', now).toISOString()).toBe('2026-05-01T19:00:00.000Z');
  });

  it('per-second schedules get the second that fired', () => {
    expect(service.scheduledTime('* * * * * *', new Date('2026-05-01T00:00:07.020Z')).toISOString()).toBe(
      '2026-05-01T00:00:07.000Z',
    );
  });
});

describe('ScheduleService.scheduledTime outside a slot', () => {
  it('uses the current second when no slot is near', () => {
    const service = new ScheduleService({} as DataSource);
    expect(service.scheduledTime('0 0 2 * * *', new Date('2026-05-01T10:00:00.700Z')).toISOString()).toBe(
      '2026-05-01T10:00:00.000Z',
    );
  });
});
