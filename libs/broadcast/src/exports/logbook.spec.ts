import type { LogbookAiringRow, LogbookItemRow } from '../broadcast.repository';
import { logbookRows, logbookTotals, vietnamTime } from './logbook.service';

const item = (id: string, at: string, fields: Partial<LogbookItemRow> = {}): LogbookItemRow => ({
  id,
  date: at.slice(0, 10),
  kind: 'audio',
  title: `Mục ${id}`,
  priority: 'normal',
  plannedStart: new Date(at),
  durationSec: 120,
  slotName: 'Bản tin buổi sáng',
  slotStart: 330,
  slotMinutes: 15,
  relayName: null,
  categories: null,
  ...fields,
});

const airing = (
  id: string,
  start: string,
  end: string,
  fields: Partial<LogbookAiringRow> = {},
): LogbookAiringRow => ({
  id,
  planItemId: null,
  kind: 'programme',
  title: `Lượt ${id}`,
  sourceName: null,
  startedAt: new Date(start),
  endedAt: new Date(end),
  playedSeconds: null,
  status: 'aired',
  method: 'console',
  note: null,
  operatorName: 'Nguyễn Văn Thử',
  categories: null,
  ...fields,
});

describe('logbookRows', () => {
  it('puts each item beside each of its airings, keeps unrecorded items, and orders by day and time', () => {
    const rows = logbookRows(
      [
        item('a', '2026-12-03T05:30:00+07:00'),
        item('b', '2026-12-03T05:33:00+07:00', { priority: 'priority' }),
        item('r', '2026-12-03T06:00:00+07:00', {
          kind: 'relay',
          relayName: 'Thời sự VOV1',
          slotName: 'Tiếp âm',
          slotStart: 360,
        }),
      ],
      [
        airing('1', '2026-12-03T05:31:00+07:00', '2026-12-03T05:33:30+07:00', { planItemId: 'a' }),
        airing('2', '2026-12-03T11:00:00+07:00', '2026-12-03T11:00:30+07:00', {
          planItemId: 'a',
          status: 'partial',
        }),
        airing('e', '2026-12-02T23:50:00+07:00', '2026-12-02T23:52:00+07:00', { kind: 'emergency' }),
        airing('x', '2026-12-03T06:00:00+07:00', '2026-12-03T06:30:00+07:00', {
          planItemId: 'r',
          kind: 'relay',
          sourceName: 'Thời sự VOV1',
          playedSeconds: 1500,
        }),
      ],
    );
    expect(rows.map((r) => [r.day, r.airingId, r.planItemId, r.resultLabel])).toEqual([
      ['02/12/2026', 'e', null, 'Đã phát'],
      ['03/12/2026', '1', 'a', 'Đã phát'],
      ['03/12/2026', '2', 'a', 'Phát một phần'],
      ['03/12/2026', null, 'b', 'Chưa ghi nhận'],
      ['03/12/2026', 'x', 'r', 'Đã phát'],
    ]);
    expect(rows[0]).toMatchObject({
      slot: 'Ngoài lịch',
      source: 'Khẩn cấp',
      priorityLabel: 'Khẩn cấp',
      startTime: '23:50',
    });
    expect(rows[1]).toMatchObject({
      slot: 'Bản tin buổi sáng (05:30–05:45)',
      plannedTime: '05:30',
      minutes: 2.5,
    });
    expect(rows[3]).toMatchObject({ priorityLabel: 'Ưu tiên', minutes: null, operator: '' });
    expect(rows[4]).toMatchObject({ source: 'Tiếp âm Thời sự VOV1', minutes: 25 });
    expect(logbookTotals(rows)).toEqual({
      aired: 3,
      partial: 1,
      minutes: 30,
      relays: 1,
      emergencies: 1,
      missed: 0,
      unrecorded: 1,
    });
  });

  it('says times in Vietnam whatever the server zone', () => {
    expect(vietnamTime(new Date('2025-12-31T16:30:00Z'))).toBe('23:30');
    expect(vietnamTime(new Date('2025-12-31T17:30:00Z'))).toBe('00:30');
  });
});
