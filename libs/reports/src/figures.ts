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
      /** Rows, or the sum of the rows' minutes. */
      measure: 'rows' | 'minutes';
      /** Its column in `report_daily`, the per-day counts kept as rows are recorded (migration ReportDaily). */
      column: string;
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

// The rules of design.md §5, as SQL over the evidence row `e` (the drill-down lists the rows they select;
// the report_daily trigger counts the same, test/integration/report-daily.int-spec.ts holds them equal).
// A first publication is its own row (`first: true`, once per article or procedure); a radio piece is one
// `audio.produced` row (the recorder writes one per article or uploaded programme).
const FIRST = `(e.snapshot->>'first')::boolean`;
const CCHC = `(e.snapshot->>'countsAsCchc')::boolean`;
const AIRED = `e.snapshot->>'status' = 'aired'`;

export const FIGURES = [
  {
    path: 'portal.articlesPublished',
    label: 'Tin bài đăng trên cổng thông tin',
    unit: 'count',
    source: {
      kind: 'evidence',
      types: ['article.published'],
      where: FIRST,
      measure: 'rows',
      column: 'articles_published',
    },
  },
  {
    path: 'portal.cchcArticlesPublished',
    label: 'Tin bài tuyên truyền cải cách hành chính',
    unit: 'count',
    source: {
      kind: 'evidence',
      types: ['article.published'],
      where: `${FIRST} AND ${CCHC}`,
      measure: 'rows',
      column: 'cchc_articles_published',
    },
  },
  {
    path: 'portal.articlesUnpublished',
    label: 'Lượt gỡ tin bài khỏi cổng (không trừ vào số đã đăng)',
    unit: 'count',
    source: {
      kind: 'evidence',
      types: ['article.unpublished'],
      where: 'true',
      measure: 'rows',
      column: 'articles_unpublished',
    },
  },
  {
    path: 'portal.proceduresPublished',
    label: 'Thủ tục hành chính công khai trên cổng',
    unit: 'count',
    source: {
      kind: 'evidence',
      types: ['procedure.published'],
      where: FIRST,
      measure: 'rows',
      column: 'procedures_published',
    },
  },
  { path: 'portal.visits', label: 'Lượt truy cập cổng thông tin', unit: 'count', source: { kind: 'visits' } },
  {
    path: 'radio.piecesProduced',
    label: 'Bài tuyên truyền trên đài truyền thanh',
    unit: 'count',
    source: {
      kind: 'evidence',
      types: ['audio.produced'],
      where: 'true',
      measure: 'rows',
      column: 'pieces_produced',
    },
  },
  {
    path: 'radio.cchcPiecesProduced',
    label: 'Bài tuyên truyền cải cách hành chính trên đài',
    unit: 'count',
    source: {
      kind: 'evidence',
      types: ['audio.produced'],
      where: CCHC,
      measure: 'rows',
      column: 'cchc_pieces_produced',
    },
  },
  {
    path: 'radio.airings',
    label: 'Lượt phát sóng',
    unit: 'count',
    source: {
      kind: 'evidence',
      types: ['airing.recorded'],
      where: AIRED,
      measure: 'rows',
      column: 'airings',
    },
  },
  {
    path: 'radio.cchcAirings',
    label: 'Lượt phát sóng tin bài cải cách hành chính',
    unit: 'count',
    source: {
      kind: 'evidence',
      types: ['airing.recorded'],
      where: `${AIRED} AND ${CCHC}`,
      measure: 'rows',
      column: 'cchc_airings',
    },
  },
  {
    path: 'radio.airedMinutes',
    label: 'Thời lượng phát sóng (phút)',
    unit: 'minutes',
    source: {
      kind: 'evidence',
      types: ['airing.recorded'],
      where: AIRED,
      measure: 'minutes',
      column: 'aired_minutes',
    },
  },
  {
    path: 'radio.relayAirings',
    label: 'Lượt tiếp âm',
    unit: 'count',
    source: {
      kind: 'evidence',
      types: ['relay.recorded'],
      where: AIRED,
      measure: 'rows',
      column: 'relay_airings',
    },
  },
  {
    path: 'radio.relayMinutes',
    label: 'Thời lượng tiếp âm (phút)',
    unit: 'minutes',
    source: {
      kind: 'evidence',
      types: ['relay.recorded'],
      where: AIRED,
      measure: 'minutes',
      column: 'relay_minutes',
    },
  },
  {
    path: 'radio.emergencyAirings',
    label: 'Lượt phát thông báo khẩn cấp',
    unit: 'count',
    source: {
      kind: 'evidence',
      types: ['emergency.aired'],
      where: 'true',
      measure: 'rows',
      column: 'emergency_airings',
    },
  },
  {
    path: 'radio.emergencyMinutes',
    label: 'Thời lượng thông báo khẩn cấp (phút)',
    unit: 'minutes',
    source: {
      kind: 'evidence',
      types: ['emergency.aired'],
      where: 'true',
      measure: 'minutes',
      column: 'emergency_minutes',
    },
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
      column: 'partial_airings',
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
      column: 'missed_airings',
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
