/**
 * Every figure of the summary (design.md §6), named by its path, with the rule that counts it (design.md §5).
 * One table drives the summary's SQL, the drill-down to the evidence rows behind a figure, the spreadsheet
 * columns, the propaganda plans' metrics and the report document: a figure is added here or nowhere.
 */

/** Where a figure comes from. */
export type FigureSource =
  /** Rows of the evidence log: `types`, filtered by `where` (SQL over the alias `e`). */
  | {
      kind: 'evidence';
      types: readonly string[];
      where: string;
      /** Rows, distinct subjects (`distinct` is the SQL of the key), or the sum of the rows' minutes. */
      measure: 'rows' | 'minutes' | { distinct: string };
    }
  /** Counted page views of the portal (portal_visits). */
  | { kind: 'visits' }
  /** Quantities typed in by report writers (activities of this kind). */
  | { kind: 'activity'; activity: ActivityKind };

export interface FigureDefinition {
  path: string;
  /** How a person reads it, in Vietnamese. */
  label: string;
  /** `minutes` are shown with their hours in the report. */
  unit: 'count' | 'minutes';
  source: FigureSource;
}

export const ACTIVITY_KINDS = ['conference', 'one_stop_guidance', 'banner', 'leaflet', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  conference: 'Hội nghị, hội thảo tuyên truyền',
  one_stop_guidance: 'Lượt người được hướng dẫn tại bộ phận một cửa',
  banner: 'Pano, áp phích, băng rôn, khẩu hiệu',
  leaflet: 'Tờ rơi, tờ gấp',
  other: 'Hình thức khác',
};

// The rules of design.md §5, as SQL over the evidence row `e`. A first publication is its own row
// (`first: true`); a piece is an article or an uploaded programme, once (the recorder writes one
// `audio.produced` per piece; distinct is the guard).
const FIRST = `(e.snapshot->>'first')::boolean`;
const CCHC = `(e.snapshot->>'countsAsCchc')::boolean`;
const AIRED = `e.snapshot->>'status' = 'aired'`;
const PIECE = `coalesce(e.snapshot->>'articleId', e.subject_id)`;
const SUBJECT = { distinct: 'e.subject_id' };
const DISTINCT_PIECE = { distinct: PIECE };

export const FIGURES = [
  {
    path: 'portal.articlesPublished',
    label: 'Tin bài đăng trên cổng thông tin',
    unit: 'count',
    source: { kind: 'evidence', types: ['article.published'], where: FIRST, measure: SUBJECT },
  },
  {
    path: 'portal.cchcArticlesPublished',
    label: 'Tin bài tuyên truyền cải cách hành chính',
    unit: 'count',
    source: {
      kind: 'evidence',
      types: ['article.published'],
      where: `${FIRST} AND ${CCHC}`,
      measure: SUBJECT,
    },
  },
  {
    path: 'portal.articlesUnpublished',
    label: 'Tin bài gỡ khỏi cổng (vẫn được tính khi đã đăng)',
    unit: 'count',
    source: { kind: 'evidence', types: ['article.unpublished'], where: 'true', measure: SUBJECT },
  },
  {
    path: 'portal.proceduresPublished',
    label: 'Thủ tục hành chính công khai trên cổng',
    unit: 'count',
    source: { kind: 'evidence', types: ['procedure.published'], where: FIRST, measure: SUBJECT },
  },
  { path: 'portal.visits', label: 'Lượt truy cập cổng thông tin', unit: 'count', source: { kind: 'visits' } },
  {
    path: 'radio.piecesProduced',
    label: 'Bài tuyên truyền trên đài truyền thanh',
    unit: 'count',
    source: { kind: 'evidence', types: ['audio.produced'], where: 'true', measure: DISTINCT_PIECE },
  },
  {
    path: 'radio.cchcPiecesProduced',
    label: 'Bài tuyên truyền cải cách hành chính trên đài',
    unit: 'count',
    source: { kind: 'evidence', types: ['audio.produced'], where: CCHC, measure: DISTINCT_PIECE },
  },
  {
    path: 'radio.airings',
    label: 'Lượt phát sóng',
    unit: 'count',
    source: { kind: 'evidence', types: ['airing.recorded'], where: AIRED, measure: 'rows' },
  },
  {
    path: 'radio.cchcAirings',
    label: 'Lượt phát sóng tin bài cải cách hành chính',
    unit: 'count',
    source: { kind: 'evidence', types: ['airing.recorded'], where: `${AIRED} AND ${CCHC}`, measure: 'rows' },
  },
  {
    path: 'radio.airedMinutes',
    label: 'Thời lượng phát sóng (phút)',
    unit: 'minutes',
    source: { kind: 'evidence', types: ['airing.recorded'], where: AIRED, measure: 'minutes' },
  },
  {
    path: 'radio.relayAirings',
    label: 'Lượt tiếp âm',
    unit: 'count',
    source: { kind: 'evidence', types: ['relay.recorded'], where: AIRED, measure: 'rows' },
  },
  {
    path: 'radio.relayMinutes',
    label: 'Thời lượng tiếp âm (phút)',
    unit: 'minutes',
    source: { kind: 'evidence', types: ['relay.recorded'], where: AIRED, measure: 'minutes' },
  },
  {
    path: 'radio.emergencyAirings',
    label: 'Lượt phát thông báo khẩn cấp',
    unit: 'count',
    source: { kind: 'evidence', types: ['emergency.aired'], where: 'true', measure: 'rows' },
  },
  {
    path: 'radio.emergencyMinutes',
    label: 'Thời lượng thông báo khẩn cấp (phút)',
    unit: 'minutes',
    source: { kind: 'evidence', types: ['emergency.aired'], where: 'true', measure: 'minutes' },
  },
  {
    path: 'radio.partialAirings',
    label: 'Lượt phát không trọn vẹn (không tính)',
    unit: 'count',
    source: {
      kind: 'evidence',
      types: ['airing.recorded'],
      where: `e.snapshot->>'status' = 'partial'`,
      measure: 'rows',
    },
  },
  {
    path: 'radio.missedAirings',
    label: 'Lượt không phát được (không tính)',
    unit: 'count',
    source: {
      kind: 'evidence',
      types: ['airing.recorded'],
      where: `e.snapshot->>'status' = 'missed'`,
      measure: 'rows',
    },
  },
  ...ACTIVITY_KINDS.map((activity) => ({
    path: `activities.${activity}`,
    label: ACTIVITY_LABELS[activity],
    unit: 'count' as const,
    source: { kind: 'activity' as const, activity },
  })),
] as const satisfies readonly FigureDefinition[];

export type FigurePath = (typeof FIGURES)[number]['path'];
export const FIGURE_PATHS = FIGURES.map((f) => f.path) as readonly FigurePath[];

const BY_PATH = new Map<string, FigureDefinition>(FIGURES.map((f) => [f.path, f]));

export function figure(path: string): FigureDefinition | undefined {
  return BY_PATH.get(path);
}
