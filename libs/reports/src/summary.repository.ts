import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BY_CATEGORY_SQL, DAILY_SUMMARY_SQL, EVIDENCE_FIGURES, MONTHLY_SQL } from './figures.sql';
import { ACTIVITY_KINDS, type FigurePath } from './figures';
import type { Period } from './period';

export interface CategoryCount {
  /** null in a roll-up where categories of the same name in several units are added together. */
  categoryId: string | null;
  name: string;
  count: number;
}

/** Every figure of one unit (alone, not its children) in a period. */
export interface UnitFigures {
  values: Record<FigurePath, number>;
  byCategory: CategoryCount[];
}

/** A unit of a report's tree. */
export interface TreeUnit {
  id: string;
  parentId: string | null;
  name: string;
  code: string;
  kind: string;
  slug: string;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The reads behind a summary: SQL over the evidence log, the portal's visit counts and the activities. */
@Injectable()
export class SummaryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The unit and, with `withDescendants`, every unit below it (depth-first order is not promised). */
  async tree(unitId: string, withDescendants: boolean): Promise<TreeUnit[]> {
    const rows: TreeUnit[] = await this.db.query(
      withDescendants
        ? `WITH RECURSIVE down(id, depth) AS (
             SELECT id, 0 FROM units WHERE id = $1
             UNION ALL
             SELECT u.id, down.depth + 1 FROM units u JOIN down ON u.parent_id = down.id WHERE down.depth < 100
           )
           SELECT u.id, u.parent_id AS "parentId", u.name, u.code, u.kind, u.slug
             FROM units u WHERE u.id IN (SELECT id FROM down)`
        : `SELECT u.id, u.parent_id AS "parentId", u.name, u.code, u.kind, u.slug FROM units u WHERE u.id = $1`,
      [unitId],
    );
    return rows;
  }

  /** Each unit's own figures; a unit with nothing in the period has zeros. */
  async figures(unitIds: string[], period: Period): Promise<Map<string, UnitFigures>> {
    const [evidence, categories, visits, activities] = await Promise.all([
      this.db.query<Record<string, string | number>[]>(DAILY_SUMMARY_SQL, [unitIds, period.from, period.to]),
      this.db.query<(CategoryCount & { unitId: string })[]>(BY_CATEGORY_SQL, [
        unitIds,
        period.from,
        period.to,
      ]),
      this.db.query<{ unitId: string; views: string }[]>(
        `SELECT unit_id AS "unitId", sum(views)::bigint AS views FROM portal_visits
          WHERE unit_id = ANY($1::uuid[]) AND day >= $2 AND day <= $3 GROUP BY unit_id`,
        [unitIds, period.from, period.to],
      ),
      this.db.query<{ unitId: string; kind: string; quantity: string }[]>(
        `SELECT unit_id AS "unitId", kind, sum(quantity)::bigint AS quantity FROM report_activities
          WHERE unit_id = ANY($1::uuid[]) AND date >= $2 AND date <= $3 GROUP BY unit_id, kind`,
        [unitIds, period.from, period.to],
      ),
    ]);
    const result = new Map<string, UnitFigures>();
    const of = (unitId: string): UnitFigures => {
      let figures = result.get(unitId);
      if (!figures) {
        figures = { values: emptyValues(), byCategory: [] };
        result.set(unitId, figures);
      }
      return figures;
    };
    unitIds.forEach(of);
    for (const row of evidence) {
      const figures = of(String(row.unitId));
      for (const f of EVIDENCE_FIGURES) {
        figures.values[f.path] = round2(Number(row[f.path] ?? 0));
      }
    }
    for (const row of categories) {
      of(row.unitId).byCategory.push({
        categoryId: row.categoryId,
        name: row.name,
        count: Number(row.count),
      });
    }
    for (const row of visits) {
      of(row.unitId).values['portal.visits'] = Number(row.views);
    }
    for (const row of activities) {
      of(row.unitId).values[`activities.${row.kind}`] = Number(row.quantity);
    }
    return result;
  }
}

/**
 * The evidence figures of a set of units month by month over a year's period; months with nothing are
 * zeros. Index 0 is January.
 */
export async function monthlyFigures(
  db: DataSource,
  unitIds: string[],
  period: Period,
): Promise<Record<string, number>[]> {
  const rows = await db.query<Record<string, string | number>[]>(MONTHLY_SQL, [
    unitIds,
    period.from,
    period.to,
  ]);
  return Array.from({ length: 12 }, (_, i) => {
    const row = rows.find((r) => Number(r.month) === i + 1);
    return Object.fromEntries(EVIDENCE_FIGURES.map((f) => [f.path, round2(Number(row?.[f.path] ?? 0))]));
  });
}

export function emptyValues(): Record<FigurePath, number> {
  const values = Object.fromEntries(EVIDENCE_FIGURES.map((f) => [f.path, 0])) as Record<FigurePath, number>;
  values['portal.visits'] = 0;
  for (const kind of ACTIVITY_KINDS) {
    values[`activities.${kind}`] = 0;
  }
  return values;
}

/**
 * The sum of several units' figures (a roll-up). Every unit has its own categories; those of the same name
 * (the default ones every unit starts with) are added together, with no single id.
 */
export function addFigures(parts: UnitFigures[]): UnitFigures {
  const values = emptyValues();
  const byName = new Map<string, CategoryCount>();
  for (const part of parts) {
    for (const path of Object.keys(part.values)) {
      values[path] = round2(values[path] + part.values[path]);
    }
    for (const category of part.byCategory) {
      const known = byName.get(category.name);
      if (known) {
        known.count += category.count;
        known.categoryId = known.categoryId === category.categoryId ? known.categoryId : null;
      } else {
        byName.set(category.name, { ...category });
      }
    }
  }
  const byCategory = [...byName.values()].sort(
    (a, b) => b.count - a.count || a.name.localeCompare(b.name, 'vi'),
  );
  return { values, byCategory };
}
