import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { EvidenceService, type RecordEvidence } from '../../libs/evidence/src';
import { EvidenceRow } from '../../libs/evidence/src/evidence.entity';
import { FIGURES } from '../../libs/reports/src/figures';
import { EVIDENCE_FIGURES, figureCondition } from '../../libs/reports/src/figures.sql';
import { periodOf, type Period } from '../../libs/reports/src/period';
import { SummaryRepository } from '../../libs/reports/src/summary.repository';
import { UnitAccess } from '../../libs/units/src';
import { Unit } from '../../libs/units/src/unit.entity';
import { UnitsRepository } from '../../libs/units/src/units.repository';
import { openDataSource, workerDatabaseUrl } from '../support/database';

// The per-day counts (report_daily, kept by a trigger as evidence is recorded) against the rules of
// figures.ts applied to the evidence rows themselves, on random logs: the summary and its drill-down must
// never disagree. And report_daily_rebuild(), which counts a whole log at once, gives the same table.

const TYPES = [
  'article.published',
  'article.unpublished',
  'procedure.published',
  'audio.produced',
  'airing.recorded',
  'relay.recorded',
  'emergency.aired',
  'plan.approved',
] as const;

const fact = fc.record({
  type: fc.constantFrom(...TYPES),
  // Any minute of 2025–2027 in Vietnam, so rows fall on both sides of year and day boundaries.
  minute: fc.integer({ min: 0, max: 3 * 365 * 24 * 60 }),
  first: fc.boolean(),
  cchc: fc.boolean(),
  status: fc.constantFrom('aired', 'partial', 'missed'),
  minutes: fc.integer({ min: 0, max: 6000 }).map((n) => n / 100),
  category: fc.constantFrom('a', 'b', 'c'),
});

type Fact = typeof fact extends fc.Arbitrary<infer T> ? T : never;

describe('report_daily (per-day counts) against the evidence rows', () => {
  let db: DataSource;
  let evidence: EvidenceService;
  let repo: SummaryRepository;

  beforeAll(async () => {
    db = await openDataSource(await workerDatabaseUrl());
    evidence = new EvidenceService(
      db.getRepository(EvidenceRow),
      new UnitAccess(new UnitsRepository(db.getRepository(Unit))),
    );
    repo = new SummaryRepository(db);
  });
  afterAll(async () => {
    await db.destroy();
  });

  async function newUnit(): Promise<string> {
    const id = randomUUID();
    await db.query(`INSERT INTO units (id, code, name, kind, slug) VALUES ($1, $2, $3, 'commune', $4)`, [
      id,
      `D${id.slice(0, 8)}`,
      `Xã ${id.slice(0, 8)}`,
      `d-${id.slice(0, 8)}`,
    ]);
    return id;
  }

  function toEvidence(unitId: string, f: Fact): RecordEvidence {
    const occurredAt = new Date(Date.parse('2025-01-01T00:00:00+07:00') + f.minute * 60_000);
    const categories = [{ id: `cat-${f.category}`, name: `Chuyên mục ${f.category}`, countsAsCchc: f.cchc }];
    return {
      unitId,
      type: f.type,
      occurredAt,
      actorId: null,
      method: 'live',
      subject: { type: 'x', id: randomUUID() },
      snapshot: {
        first: f.first,
        title: 'Dòng thử',
        status: f.status,
        minutes: f.minutes,
        categories,
        countsAsCchc: f.cchc,
      },
    } as unknown as RecordEvidence;
  }

  /** The figures counted straight from the evidence rows by the drill-down's conditions. */
  async function fromRows(unitId: string, period: Period): Promise<Record<string, number>> {
    const rows: Record<string, string>[] = await db.query(
      `SELECT ${EVIDENCE_FIGURES.map((f) =>
        f.source.measure === 'minutes'
          ? `coalesce(sum((e.snapshot->>'minutes')::numeric) FILTER (WHERE ${figureCondition(f.source)}), 0) AS "${f.path}"`
          : `count(*) FILTER (WHERE ${figureCondition(f.source)}) AS "${f.path}"`,
      ).join(', ')}
         FROM evidence e WHERE e.unit_id = $1 AND e.occurred_at >= $2 AND e.occurred_at < $3`,
      [unitId, period.start, period.end],
    );
    return Object.fromEntries(
      EVIDENCE_FIGURES.map((f) => [f.path, Math.round(Number(rows[0][f.path]) * 100) / 100]),
    );
  }

  it('gives the numbers the rows give, for any log and any period', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fact, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 400 }),
        async (facts, startDay, length) => {
          const unitId = await newUnit();
          await db.transaction(async (manager) => {
            for (const f of facts) {
              await evidence.record(manager, toEvidence(unitId, f));
            }
          });
          const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
          const period = periodOf(day(startDay), day(startDay + length)) as Period;
          const counted = (await repo.figures([unitId], period)).get(unitId)!;
          const expected = await fromRows(unitId, period);
          for (const f of EVIDENCE_FIGURES) {
            expect({ figure: f.path, value: counted.values[f.path] }).toEqual({
              figure: f.path,
              value: expected[f.path],
            });
          }
          const categories: { n: string }[] = await db.query(
            `SELECT count(*) AS n FROM evidence e, jsonb_array_elements(e.snapshot->'categories') c
              WHERE e.unit_id = $1 AND e.occurred_at >= $2 AND e.occurred_at < $3
                AND e.type = 'article.published' AND (e.snapshot->>'first')::boolean`,
            [unitId, period.start, period.end],
          );
          expect(counted.byCategory.reduce((sum, c) => sum + c.count, 0)).toBe(Number(categories[0].n));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('is rebuilt from the whole log to the same table (for rows recorded before the trigger)', async () => {
    const snapshot = async () => ({
      daily: await db.query(`SELECT * FROM report_daily ORDER BY unit_id, day`),
      categories: await db.query(`SELECT * FROM report_daily_categories ORDER BY unit_id, day, category_id`),
    });
    const unitId = await newUnit();
    await db.transaction(async (manager) => {
      for (const f of fc.sample(fact, 60)) {
        await evidence.record(manager, toEvidence(unitId, f));
      }
    });
    const kept = await snapshot();
    expect(kept.daily.length).toBeGreaterThan(0);
    await db.query('SELECT report_daily_rebuild()');
    expect(await snapshot()).toEqual(kept);
    expect(FIGURES.length).toBeGreaterThan(EVIDENCE_FIGURES.length);
  });
});
