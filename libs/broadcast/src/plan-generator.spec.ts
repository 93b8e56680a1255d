import fc from 'fast-check';
import {
  addDays,
  advance,
  GAP_SEC,
  generateDay,
  generatePlan,
  type GenerateInput,
  type PieceInput,
  type SlotInput,
  weekdayOf,
} from './plan-generator';

const hex = (n: number) => n.toString(16).padStart(12, '0');
const id = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${hex(n)}`;

/** Non-overlapping slots of one station: random lengths and gaps through the day. */
const slotsArb: fc.Arbitrary<SlotInput[]> = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 0, max: 120 }),
      durationMinutes: fc.integer({ min: 1, max: 60 }),
      relay: fc.boolean(),
      weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    }),
    { minLength: 0, maxLength: 6 },
  )
  .map((specs) => {
    let minute = 300;
    return specs.flatMap((s, i) => {
      const start = minute + s.gap;
      if (start + s.durationMinutes > 1440) {
        return [];
      }
      minute = start + s.durationMinutes;
      return [
        {
          id: id('5', i),
          name: `Khung ${i}`,
          weekdays: s.weekdays,
          startMinute: start,
          durationMinutes: s.durationMinutes,
          kind: s.relay ? ('relay' as const) : ('programme' as const),
          relayName: s.relay ? 'VOV' : null,
        },
      ];
    });
  });

const DATE = '2026-12-07'; // a Monday
const dateArb = fc.integer({ min: 0, max: 13 }).map((d) => addDays(DATE, d));

const piecesArb: fc.Arbitrary<PieceInput[]> = fc
  .array(
    fc.record({
      durationSec: fc.integer({ min: 1, max: 1500 }),
      priority: fc.constantFrom('normal' as const, 'priority' as const),
      ageHours: fc.integer({ min: 0, max: 24 * 30 }),
      plannedAirings: fc.integer({ min: 0, max: 20 }),
      airingDays: fc.integer({ min: 1, max: 14 }),
      plannedBefore: fc.integer({ min: 0, max: 5 }),
      startedDaysAgo: fc.integer({ min: -3, max: 20 }),
      article: fc.boolean(),
    }),
    { maxLength: 25 },
  )
  .map((specs) =>
    specs.map((s, i) => ({
      audioId: id('a', i),
      articleId: s.article ? id('b', i) : null,
      title: `Bài ${i}`,
      durationSec: s.durationSec,
      priority: s.priority,
      readyAtMs: Date.parse(`${DATE}T12:00:00+07:00`) - s.ageHours * 3_600_000,
      plannedAirings: s.plannedAirings,
      airingDays: s.airingDays,
      windowStart: addDays(DATE, -s.startedDaysAgo),
      plannedBefore: s.plannedBefore,
    })),
  );

const inputArb: fc.Arbitrary<GenerateInput> = fc.record({
  date: dateArb,
  slots: slotsArb,
  pieces: piecesArb,
});

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let x = seed || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('plan generation (properties)', () => {
  it('never overfills a slot: items, and the gaps between them, end within the slot', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = generatePlan(input);
        for (const slot of plan.slots) {
          const length = input.slots.find((s) => s.id === slot.slotId)!.durationMinutes * 60;
          let end = 0;
          slot.items.forEach((item, i) => {
            expect(item.offsetSec).toBeGreaterThanOrEqual(i === 0 ? 0 : end + GAP_SEC);
            end = item.offsetSec + item.durationSec;
          });
          expect(end).toBeLessThanOrEqual(length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('puts priority bulletins before normal ones in every slot, and a piece at most once a slot', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const slot of generatePlan(input).slots) {
          const priorities = slot.items.filter((i) => i.kind === 'audio').map((i) => i.priority);
          const firstNormal = priorities.indexOf('normal');
          if (firstNormal >= 0) {
            expect(priorities.slice(firstNormal)).not.toContain('priority');
          }
          const ids = slot.items.map((i) => i.audioId).filter(Boolean);
          expect(new Set(ids).size).toBe(ids.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic: the same inputs in any order give the same plan', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 1e6 }), (input, seed) => {
        const a = generatePlan(input);
        const b = generatePlan({
          ...input,
          slots: shuffled(input.slots, seed),
          pieces: shuffled(input.pieces, seed + 1),
        });
        expect(b).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('runs only the slots of the weekday, and a relay slot is one relay item', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = generatePlan(input);
        const expected = input.slots
          .filter((s) => s.weekdays.includes(weekdayOf(input.date)))
          .map((s) => s.id);
        expect(plan.slots.map((s) => s.slotId).sort()).toEqual(expected.sort());
        for (const slot of plan.slots) {
          const def = input.slots.find((s) => s.id === slot.slotId)!;
          if (def.kind === 'relay') {
            expect(slot.items).toEqual([
              expect.objectContaining({ kind: 'relay', durationSec: def.durationMinutes * 60 }),
            ]);
          } else {
            expect(slot.items.every((i) => i.kind === 'audio')).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not repeat a piece within a day unless it needs more than one airing a day', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = generateDay(input);
        const counts = new Map<string, number>();
        plan.slots
          .flatMap((s) => s.items)
          .forEach((i) => i.audioId && counts.set(i.audioId, (counts.get(i.audioId) ?? 0) + 1));
        for (const [audioId, n] of counts) {
          if (n > 1) {
            const p = input.pieces.find((x) => x.audioId === audioId)!;
            const start = p.windowStart;
            const end = addDays(start, p.airingDays - 1);
            const daysLeft = (Date.parse(end) - Date.parse(input.date)) / 86_400_000 + 1;
            expect(n).toBeLessThanOrEqual(Math.ceil((p.plannedAirings - p.plannedBefore) / daysLeft));
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('plans a piece exactly N times over its M days when the slots have room', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 6 }),
        (n, m, offset) => {
          const everyDay = [1, 2, 3, 4, 5, 6, 7];
          const slots: SlotInput[] = [0, 1].map((i) => ({
            id: id('5', i),
            name: `Khung ${i}`,
            weekdays: everyDay,
            startMinute: 360 + i * 600,
            durationMinutes: 15,
            kind: 'programme',
            relayName: null,
          }));
          const start = addDays(DATE, offset);
          let pieces: PieceInput[] = [
            {
              audioId: id('a', 1),
              articleId: id('b', 1),
              title: 'Bài',
              durationSec: 120,
              priority: 'normal',
              readyAtMs: Date.parse(`${start}T00:00:00+07:00`) - 30 * 86_400_000, // old: never filler
              plannedAirings: Math.min(n, 2 * m),
              airingDays: m,
              windowStart: start,
              plannedBefore: 0,
            },
          ];
          let total = 0;
          for (let d = 0; d < m + 3; d += 1) {
            const plan = generateDay({ date: addDays(start, d), slots, pieces });
            const today = plan.slots.flatMap((s) => s.items).length;
            if (d >= m) {
              expect(today).toBe(0);
            }
            total += today;
            pieces = advance(pieces, plan);
          }
          expect(total).toBe(Math.min(n, 2 * m));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('warns about an under-filled slot, a piece too long for any slot, and a piece that will not get its airings this week', () => {
    const slots: SlotInput[] = [
      {
        id: id('5', 1),
        name: 'Sáng',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        startMinute: 390,
        durationMinutes: 10,
        kind: 'programme',
        relayName: null,
      },
    ];
    const piece = (i: number, durationSec: number, n: number): PieceInput => ({
      audioId: id('a', i),
      articleId: null,
      title: `Bài ${i}`,
      durationSec,
      priority: 'normal',
      readyAtMs: Date.parse(`${DATE}T05:00:00+07:00`) - 20 * 86_400_000,
      plannedAirings: n,
      airingDays: 3,
      windowStart: DATE,
      plannedBefore: 0,
    });
    const sunday = addDays(DATE, 6);
    const underfilled = generatePlan({
      date: sunday,
      slots,
      pieces: [{ ...piece(1, 60, 1), windowStart: sunday }],
    });
    expect(underfilled.warnings).toContainEqual(
      expect.objectContaining({ code: 'slot-underfilled', freeSec: 540 }),
    );
    const tooLong = generatePlan({ date: DATE, slots, pieces: [piece(2, 900, 1)] });
    expect(tooLong.warnings).toContainEqual(
      expect.objectContaining({ code: 'piece-too-long', audioId: id('a', 2) }),
    );
    // Three 5-minute pieces wanting 3 airings in 3 days: 2 fit a day in 10 minutes, so one piece falls short.
    const crowded = generatePlan({
      date: DATE,
      slots,
      pieces: [piece(3, 290, 3), piece(4, 290, 3), piece(5, 290, 3)],
    });
    expect(crowded.warnings.filter((w) => w.code === 'piece-will-not-fit').length).toBeGreaterThan(0);
  });
});
