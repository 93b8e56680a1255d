import type { ErrorDetail } from '@app/common';
import type { BroadcastPolicy } from '@app/units';

export const WEEKDAY_NAMES: Record<number, string> = {
  1: 'thứ Hai',
  2: 'thứ Ba',
  3: 'thứ Tư',
  4: 'thứ Năm',
  5: 'thứ Sáu',
  6: 'thứ Bảy',
  7: 'Chủ nhật',
};

export function weekdayList(days: number[]): string {
  return [...days]
    .sort((a, b) => a - b)
    .map((d) => WEEKDAY_NAMES[d] ?? String(d))
    .join(', ');
}

/** "06:05" of minutes after midnight. */
export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function minutesOf(hhmmText: string): number {
  const [h, m] = hhmmText.split(':').map(Number);
  return h * 60 + m;
}

export interface SlotShape {
  id?: string;
  name: string;
  weekdays: number[];
  startMinute: number;
  durationMinutes: number;
  kind: 'programme' | 'relay';
}

/**
 * What is wrong with `slot` among the station's `others` under the unit's policy (design.md §4): weekdays
 * the policy does not allow, a slot longer than its limit or past midnight, an overlap with another slot
 * on a shared day, more slots a day than allowed. Every slot, relays included, counts toward the limits
 * (Hà Nội's "45 minutes a session including relays", vn-domain.md §1.8). Empty when it may be saved.
 */
export function slotProblems(
  slot: SlotShape,
  others: SlotShape[],
  policy: BroadcastPolicy | undefined,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const allowed = policy?.allowedWeekdays;
  if (allowed && allowed.length > 0) {
    const forbidden = slot.weekdays.filter((d) => !allowed.includes(d));
    if (forbidden.length > 0) {
      problems.push({
        field: 'weekdays',
        message: `Ngày phát trong tuần (weekdays): quy định phát thanh của đơn vị không cho phát vào ${weekdayList(forbidden)} (chỉ ${weekdayList(allowed)})`,
      });
    }
  }
  const maxMinutes = policy?.maxMinutesPerSlot;
  if (maxMinutes !== undefined && slot.durationMinutes > maxMinutes) {
    problems.push({
      field: 'durationMinutes',
      message: `Thời lượng (durationMinutes) ${slot.durationMinutes} phút vượt quy định của đơn vị: tối đa ${maxMinutes} phút mỗi khung giờ`,
    });
  }
  const end = slot.startMinute + slot.durationMinutes;
  if (end > 24 * 60) {
    problems.push({
      field: 'durationMinutes',
      message: `Khung giờ bắt đầu ${hhmm(slot.startMinute)} dài ${slot.durationMinutes} phút sẽ qua nửa đêm: khung giờ phải kết thúc trước 24:00`,
    });
  }
  const sameStation = others.filter((o) => o.id === undefined || o.id !== slot.id);
  for (const other of sameStation) {
    const shared = slot.weekdays.filter((d) => other.weekdays.includes(d));
    const otherEnd = other.startMinute + other.durationMinutes;
    if (shared.length > 0 && slot.startMinute < otherEnd && other.startMinute < end) {
      problems.push({
        field: 'start',
        message: `Giờ bắt đầu (start): khung ${hhmm(slot.startMinute)}–${hhmm(Math.min(end, 1440))} trùng với khung "${other.name}" (${hhmm(other.startMinute)}–${hhmm(otherEnd)}) vào ${weekdayList(shared)}`,
      });
      break;
    }
  }
  const maxSlots = policy?.maxSlotsPerDay;
  if (maxSlots !== undefined) {
    const full = slot.weekdays.filter(
      (d) => sameStation.filter((o) => o.weekdays.includes(d)).length + 1 > maxSlots,
    );
    if (full.length > 0) {
      problems.push({
        field: 'weekdays',
        message: `Ngày phát trong tuần (weekdays): ${weekdayList(full)} đã đủ ${maxSlots} khung giờ, mức tối đa mỗi ngày theo quy định của đơn vị`,
      });
    }
  }
  return problems;
}

/** The VOV1 news stream a new station relays by default (an operator can change it). */
export const VOV1_STREAM = 'https://str.vov.gov.vn/vovlive/vov1vov5Vietnamese.sdp_aac/playlist.m3u8';

export interface DefaultSlot extends SlotShape {
  relayName: string | null;
  relayUrl: string | null;
}

/**
 * The slots a new station starts with (vn-domain.md §3.2, a typical commune day): the morning bulletin, the
 * VOV news relay at 06:00 and the afternoon bulletin, cut to the unit's policy (allowed days, minutes a
 * slot, slots a day: the relay goes first, then the afternoon bulletin).
 */
export function defaultSlots(policy: BroadcastPolicy | undefined): DefaultSlot[] {
  const allowed = policy?.allowedWeekdays?.length
    ? [...policy.allowedWeekdays].sort((a, b) => a - b)
    : [1, 2, 3, 4, 5, 6, 7];
  const cap = (minutes: number) => Math.min(minutes, policy?.maxMinutesPerSlot ?? minutes);
  const slots: DefaultSlot[] = [
    {
      name: 'Bản tin buổi sáng',
      weekdays: allowed,
      startMinute: 5 * 60 + 30,
      durationMinutes: cap(15),
      kind: 'programme',
      relayName: null,
      relayUrl: null,
    },
    {
      name: 'Tiếp âm Thời sự VOV',
      weekdays: allowed,
      startMinute: 6 * 60,
      durationMinutes: cap(30),
      kind: 'relay',
      relayName: 'Thời sự VOV1',
      relayUrl: VOV1_STREAM,
    },
    {
      name: 'Bản tin buổi chiều',
      weekdays: allowed,
      startMinute: 17 * 60,
      durationMinutes: cap(15),
      kind: 'programme',
      relayName: null,
      relayUrl: null,
    },
  ];
  const max = policy?.maxSlotsPerDay ?? slots.length;
  if (max >= 3) {
    return slots;
  }
  return max === 2 ? [slots[0], slots[2]] : [slots[0]];
}
