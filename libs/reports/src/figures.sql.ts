import { FIGURES, type FigureDefinition } from './figures';

type EvidenceFigure = FigureDefinition & {
  source: Extract<FigureDefinition['source'], { kind: 'evidence' }>;
};

export const EVIDENCE_FIGURES = FIGURES.filter(
  (f): f is (typeof FIGURES)[number] & EvidenceFigure => f.source.kind === 'evidence',
);

/** Every evidence type some figure reads: the summary scans only these. */
export const COUNTED_TYPES = [...new Set(EVIDENCE_FIGURES.flatMap((f) => f.source.types))];

/** The SQL condition that selects a figure's rows (over the evidence alias `e`). */
export function figureCondition(source: { types: readonly string[]; where: string }): string {
  const types = source.types.map((t) => `'${t}'`).join(', ');
  return `(e.type IN (${types}) AND ${source.where})`;
}

/** The aggregate of one figure, as a SELECT column named by its path. */
function aggregate(f: EvidenceFigure): string {
  const when = figureCondition(f.source);
  const measure = f.source.measure;
  if (measure === 'rows') {
    return `count(*) FILTER (WHERE ${when})`;
  }
  if (measure === 'minutes') {
    return `coalesce(sum((e.snapshot->>'minutes')::numeric) FILTER (WHERE ${when}), 0)`;
  }
  return `count(DISTINCT ${measure.distinct}) FILTER (WHERE ${when})`;
}

/**
 * One pass over a set of units' rows in a period: every evidence figure per unit. The conditions are
 * constants of figures.ts (no input reaches this text); units and instants are parameters $1..$3.
 */
export const EVIDENCE_SUMMARY_SQL = `
  SELECT e.unit_id AS "unitId",
         ${EVIDENCE_FIGURES.map((f) => `${aggregate(f)} AS "${f.path}"`).join(',\n         ')}
    FROM evidence e
   WHERE e.unit_id = ANY($1::uuid[])
     AND e.occurred_at >= $2 AND e.occurred_at < $3
     AND e.type IN (${COUNTED_TYPES.map((t) => `'${t}'`).join(', ')})
   GROUP BY e.unit_id`;

/** Tin bài by category (an article in two categories counts in both), named as at first publication. */
export const BY_CATEGORY_SQL = `
  SELECT e.unit_id AS "unitId", c->>'id' AS "categoryId",
         (array_agg(c->>'name' ORDER BY e.occurred_at DESC))[1] AS name,
         count(DISTINCT e.subject_id)::int AS count
    FROM evidence e CROSS JOIN LATERAL jsonb_array_elements(e.snapshot->'categories') c
   WHERE e.unit_id = ANY($1::uuid[])
     AND e.occurred_at >= $2 AND e.occurred_at < $3
     AND e.type = 'article.published' AND (e.snapshot->>'first')::boolean
   GROUP BY e.unit_id, c->>'id'`;
