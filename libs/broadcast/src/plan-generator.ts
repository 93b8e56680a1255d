/**
 * Daily plan generation as a pure function (no clock, no database, no randomness): the same inputs give
 * the same plan, whatever order they came in. The service gathers the inputs; property tests hold this to
 * the rules of issue [7/10]:
 *
 * 1. relay slots become one relay item each;
 * 2. programme slots are filled in time order from one ordered list of candidates:
 *    `priority` bulletins first, then pieces still short of their planned airings (N over M days, most
 *    urgent window first), then the freshest other pieces (ready in the last FRESH_DAYS days);
 * 3. a piece airs once a day unless it is asked to air more often (N > M: ⌈deficit / days left⌉ a day), and
 *    never twice in one slot;
 * 4. a slot is never overfilled: its items plus a gap between consecutive items fit its length;
 * 5. warnings for under-filled slots, pieces longer than every slot, and pieces that will not get their
 *    planned airings before the end of their window this week (found by generating the rest of the week).
 */

/** Silence between two items of a slot (the pieces carry their own jingles). */
export const GAP_SEC = 3;
/** A piece that has had its planned airings still fills free time while it is this fresh. */
export const FRESH_DAYS = 14;
/** A slot with at least this share free is reported as under-filled. */
export const UNDERFILLED_SHARE = 0.2;

export interface SlotInput {
  id: string;
  name: string;
  /** 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  startMinute: number;
  durationMinutes: number;
  kind: 'programme' | 'relay';
  relayName: string | null;
}

export interface PieceInput {
  audioId: string;
  articleId: string | null;
  title: string;
  durationSec: number;
  priority: 'normal' | 'priority';
  /** When its audio became ready (ms since epoch): fresher first. */
  readyAtMs: number;
  /** N: how many times it should air (0: never planned by itself). */
  plannedAirings: number;
  /** M: over how many days, from `windowStart`, the N airings are spread. */
  airingDays: number;
  /** The first day the piece could air (YYYY-MM-DD): the day its first audio became ready. */
  windowStart: string;
  /** How many times it was planned on this station on days before the plan's date, within its window. */
  plannedBefore: number;
}

export interface PlannedItemOut {
  kind: 'audio' | 'relay';
  audioId: string | null;
  articleId: string | null;
  title: string;
  durationSec: number;
  priority: 'normal' | 'priority';
  /** Seconds after the slot's start. */
  offsetSec: number;
}

export interface PlannedSlotOut {
  slotId: string;
  items: PlannedItemOut[];
}

export type GeneratedWarning =
  | { code: 'slot-underfilled'; slotId: string; freeSec: number; slotName: string; startMinute: number }
  | { code: 'piece-too-long'; audioId: string; title: string; durationSec: number; longestSec: number }
  | { code: 'piece-will-not-fit'; audioId: string; title: string; missing: number; windowEnd: string }
  | { code: 'no-pieces' };

export interface GeneratedPlan {
  date: string;
  slots: PlannedSlotOut[];
  warnings: GeneratedWarning[];
}

export interface GenerateInput {
  /** YYYY-MM-DD, a Vietnamese day. */
  date: string;
  slots: SlotInput[];
  pieces: PieceInput[];
}

const DAY_MS = 86_400_000;

/** 1 = Monday … 7 = Sunday of a YYYY-MM-DD date. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The slots that run on `date`, in time order (ties by id, so the order never depends on the input's). */
export function slotsOn(date: string, slots: SlotInput[]): SlotInput[] {
  const weekday = weekdayOf(date);
  return slots
    .filter((s) => s.weekdays.includes(weekday))
    .sort((a, b) => a.startMinute - b.startMinute || compareStrings(a.id, b.id));
}

interface Candidate {
  piece: PieceInput;
  /** 0 priority, 1 short of its planned airings, 2 fresh filler. */
  rank: number;
  /** How many times it may be placed today. */
  uses: number;
  /** Last day of its window (short pieces), for urgency. */
  windowEnd: string;
}

function windowOf(piece: PieceInput): { start: string; end: string } {
  return { start: piece.windowStart, end: addDays(piece.windowStart, Math.max(1, piece.airingDays) - 1) };
}

/** How many more airings the piece needs and may get on `date` (0 when none). */
function neededToday(piece: PieceInput, date: string): number {
  if (piece.plannedAirings <= 0) {
    return 0;
  }
  const { start, end } = windowOf(piece);
  if (date > end || date < start) {
    return 0;
  }
  const deficit = piece.plannedAirings - piece.plannedBefore;
  if (deficit <= 0) {
    return 0;
  }
  const daysLeft = daysBetween(date, end) + 1;
  return Math.ceil(deficit / daysLeft);
}

function isFresh(piece: PieceInput, date: string): boolean {
  const dayStart = Date.parse(`${date}T00:00:00+07:00`);
  return (
    piece.plannedAirings > 0 &&
    piece.readyAtMs > dayStart - FRESH_DAYS * DAY_MS &&
    piece.readyAtMs < dayStart + DAY_MS
  );
}

function candidatesFor(date: string, pieces: PieceInput[]): Candidate[] {
  const out: Candidate[] = [];
  for (const piece of pieces) {
    if (piece.durationSec <= 0) {
      continue;
    }
    const needed = neededToday(piece, date);
    const fresh = isFresh(piece, date);
    if (needed === 0 && !fresh) {
      continue;
    }
    const uses = Math.max(needed, 1);
    const rank = piece.priority === 'priority' ? 0 : needed > 0 ? 1 : 2;
    out.push({ piece, rank, uses, windowEnd: needed > 0 ? windowOf(piece).end : '9999-12-31' });
  }
  return out.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.rank === 1 ? compareStrings(a.windowEnd, b.windowEnd) : 0) ||
      b.piece.readyAtMs - a.piece.readyAtMs ||
      compareStrings(a.piece.audioId, b.piece.audioId),
  );
}

/** One day's plan: relays, then programme slots filled greedily from the ordered candidates. */
export function generateDay(input: GenerateInput): GeneratedPlan {
  const { date } = input;
  const daySlots = slotsOn(date, input.slots);
  const candidates = candidatesFor(date, input.pieces);
  const left = new Map(candidates.map((c) => [c.piece.audioId, c.uses]));
  const warnings: GeneratedWarning[] = [];
  const slots: PlannedSlotOut[] = [];

  for (const slot of daySlots) {
    const capacity = slot.durationMinutes * 60;
    if (slot.kind === 'relay') {
      slots.push({
        slotId: slot.id,
        items: [
          {
            kind: 'relay',
            audioId: null,
            articleId: null,
            title: slot.relayName ?? slot.name,
            durationSec: capacity,
            priority: 'normal',
            offsetSec: 0,
          },
        ],
      });
      continue;
    }
    const items: PlannedItemOut[] = [];
    let used = 0;
    for (const c of candidates) {
      const remaining = left.get(c.piece.audioId) ?? 0;
      if (remaining <= 0 || items.some((i) => i.audioId === c.piece.audioId)) {
        continue;
      }
      const offset = items.length === 0 ? 0 : used + GAP_SEC;
      if (offset + c.piece.durationSec > capacity) {
        continue;
      }
      items.push({
        kind: 'audio',
        audioId: c.piece.audioId,
        articleId: c.piece.articleId,
        title: c.piece.title,
        durationSec: c.piece.durationSec,
        priority: c.piece.priority,
        offsetSec: offset,
      });
      used = offset + c.piece.durationSec;
      left.set(c.piece.audioId, remaining - 1);
    }
    slots.push({ slotId: slot.id, items });
    const free = capacity - used;
    if (free >= capacity * UNDERFILLED_SHARE) {
      warnings.push({
        code: 'slot-underfilled',
        slotId: slot.id,
        freeSec: free,
        slotName: slot.name,
        startMinute: slot.startMinute,
      });
    }
  }

  const programme = daySlots.filter((s) => s.kind === 'programme');
  if (programme.length > 0 && candidates.length === 0) {
    warnings.push({ code: 'no-pieces' });
  }
  const longestSec = Math.max(
    0,
    ...input.slots.filter((s) => s.kind === 'programme').map((s) => s.durationMinutes * 60),
  );
  for (const piece of sortedPieces(input.pieces)) {
    if (neededToday(piece, date) > 0 && piece.durationSec > longestSec) {
      warnings.push({
        code: 'piece-too-long',
        audioId: piece.audioId,
        title: piece.title,
        durationSec: piece.durationSec,
        longestSec,
      });
    }
  }
  return { date, slots, warnings };
}

function sortedPieces(pieces: PieceInput[]): PieceInput[] {
  return [...pieces].sort((a, b) => compareStrings(a.audioId, b.audioId));
}

/** The pieces' counts after a day's plan: what `generateDay` needs for the next day. */
export function advance(pieces: PieceInput[], plan: GeneratedPlan): PieceInput[] {
  const placed = new Map<string, number>();
  for (const slot of plan.slots) {
    for (const item of slot.items) {
      if (item.audioId) {
        placed.set(item.audioId, (placed.get(item.audioId) ?? 0) + 1);
      }
    }
  }
  return pieces.map((p) => {
    const n = placed.get(p.audioId) ?? 0;
    if (n === 0) {
      return p;
    }
    return { ...p, plannedBefore: p.plannedBefore + n };
  });
}

/**
 * The plan of `date`, with the week's outlook: the rest of the week (to Sunday) is generated from it, and
 * a piece whose window ends by Sunday without its planned airings gets a warning now, while the plan can
 * still change.
 */
export function generatePlan(input: GenerateInput): GeneratedPlan {
  const today = generateDay(input);
  let pieces = advance(input.pieces, today);
  const sunday = addDays(input.date, 7 - weekdayOf(input.date));
  for (let d = addDays(input.date, 1); d <= sunday; d = addDays(d, 1)) {
    pieces = advance(pieces, generateDay({ date: d, slots: input.slots, pieces }));
  }
  const warnings = [...today.warnings];
  const tooLong = new Set(today.warnings.flatMap((w) => (w.code === 'piece-too-long' ? [w.audioId] : [])));
  const original = new Map(input.pieces.map((p) => [p.audioId, p]));
  for (const piece of sortedPieces(pieces)) {
    const was = original.get(piece.audioId);
    // Only pieces that are short of their airings today: the others are filler, never owed anything.
    if (!was || tooLong.has(piece.audioId) || neededToday(was, input.date) === 0) {
      continue;
    }
    const { end } = windowOf(piece);
    const missing = piece.plannedAirings - piece.plannedBefore;
    const placedThisWeek = piece.plannedBefore > was.plannedBefore;
    if (missing > 0 && (end <= sunday || !placedThisWeek)) {
      warnings.push({
        code: 'piece-will-not-fit',
        audioId: piece.audioId,
        title: piece.title,
        missing,
        windowEnd: end,
      });
    }
  }
  return { ...today, warnings };
}
