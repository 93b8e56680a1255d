import { FIGURES, type FigureDefinition } from './figures';

type EvidenceFigure = FigureDefinition & {
  source: Extract<FigureDefinition['source'], { kind: 'evidence' }>;
};

export const EVIDENCE_FIGURES = FIGURES.filter(
  (f): f is (typeof FIGURES)[number] & EvidenceFigure => f.source.kind === 'evidence',
);

/** The SQL condition that selects a figure's evidence rows (over the alias `e`): the drill-down's rows. */
export function figureCondition(source: { types: readonly string[]; where: string }): string {
  const types = source.types.map((t) => `'${t}'`).join(', ');
  return `(e.type IN (${types}) AND ${source.where})`;
}

/**
 * Every evidence figure of a set of units over a period of days, per unit, from the per-day counts
 * (report_daily). The column names are constants of figures.ts; units and days are parameters $1..$3.
 */
export const DAILY_SUMMARY_SQL = `
  SELECT d.unit_id AS "unitId",
         ${EVIDENCE_FIGURES.map((f) => `sum(d.${f.source.column}) AS "${f.path}"`).join(',\n         ')}
    FROM report_daily d
   WHERE d.unit_id = ANY($1::uuid[]) AND d.day >= $2::date AND d.day <= $3::date
   GROUP BY d.unit_id`;

/** The same figures of one unit set, month by month (1–12) of a year: the home screen's chart. */
export const MONTHLY_SQL = `
  SELECT extract(month FROM d.day)::int AS month,
         ${EVIDENCE_FIGURES.map((f) => `sum(d.${f.source.column}) AS "${f.path}"`).join(',\n         ')}
    FROM report_daily d
   WHERE d.unit_id = ANY($1::uuid[]) AND d.day >= $2::date AND d.day <= $3::date
   GROUP BY 1 ORDER BY 1`;

/** Tin bài by category (an article in two categories counts in both), named as at its latest publication. */
export const BY_CATEGORY_SQL = `
  SELECT c.unit_id AS "unitId", c.category_id AS "categoryId",
         (array_agg(c.name ORDER BY c.day DESC))[1] AS name, sum(c.count)::int AS count
    FROM report_daily_categories c
   WHERE c.unit_id = ANY($1::uuid[]) AND c.day >= $2::date AND c.day <= $3::date
   GROUP BY c.unit_id, c.category_id`;
