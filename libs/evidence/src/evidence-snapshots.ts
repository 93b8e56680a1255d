import type { EvidenceType } from './evidence-types';

/** One category as it was when the fact happened. */
export interface CategorySnapshot {
  id: string;
  name: string;
  countsAsCchc: boolean;
}

/**
 * The categories part of an article's or a radio piece's snapshot (design.md §4, §5): reports count a fact
 * as CCHC from `countsAsCchc`, which is true when one of the categories counted as CCHC at that time.
 * Made by `CategoriesService.snapshot` only, so articles and audio write it the same way.
 */
export interface CategoriesSnapshot {
  categories: CategorySnapshot[];
  countsAsCchc: boolean;
}

/** `article.published` (the first publication) and `article.republished` (any later one). */
export interface ArticlePublishedSnapshot extends CategoriesSnapshot {
  /** True on the first publication only: reports count articles by it (design.md §5). */
  first: boolean;
  title: string;
  url: string;
  /** An imported historical article: where it was published before. */
  sourceUrl?: string;
}

export interface ArticleUnpublishedSnapshot {
  title: string;
  url: string;
  reason: string;
}

/**
 * A published article's public audio ("Nghe bài viết") changed: a later audio of the article became ready
 * while it was public. Not a new radio piece (no report counts it); it says who changed what people hear.
 */
export interface ArticleAudioChangedSnapshot {
  articleId: string;
  title: string;
  url: string;
  audioId: string;
  audioKind: 'speech' | 'upload';
  audioUrl: string | null;
  previousAudioId: string;
  previousAudioUrl: string | null;
}

/** The first ready audio of an article, or an uploaded programme: one radio piece (design.md §5). */
export interface AudioProducedSnapshot extends CategoriesSnapshot {
  title: string;
  kind: 'speech' | 'upload';
  articleId: string | null;
  provider: string | null;
  voice: string | null;
  durationMs: number | null;
  loudnessLufs: number | null;
  url: string | null;
  /** What was mastered around the speech (`default`, `none` or a media key); null for an upload. */
  jingles: { intro: string; outro: string } | null;
}

/** What every procedure row says about the procedure. */
export interface ProcedureSnapshot {
  code: string;
  name: string;
  field: string;
  status: string;
  onlineLevel: string;
  decisionNumber: string;
  url: string;
}

export interface ProcedurePublishedSnapshot extends ProcedureSnapshot {
  first: boolean;
}

export interface ProcedureChangedSnapshot extends ProcedureSnapshot {
  /** The fields that changed. */
  changed: string[];
  reason?: string;
}

/** Where an airing happened. */
export interface StationRef {
  stationId: string;
  stationName: string;
}

/** One item of an approved plan, as the leader approved it. */
export interface PlanItemSnapshot {
  itemId: string;
  slotId: string;
  kind: 'audio' | 'relay';
  audioId: string | null;
  articleId: string | null;
  title: string;
  plannedStart: string;
  durationSec: number;
  priority: 'normal' | 'priority';
}

/** `plan.approved`: the daily plan a leader approved (never counted; it says what was meant to air). */
export interface PlanApprovedSnapshot extends StationRef {
  planId: string;
  date: string;
  items: PlanItemSnapshot[];
  minutes: number;
}

/**
 * `airing.recorded`: one airing of a radio piece in a programme slot, whatever its status; reports count
 * `status: 'aired'` as lượt phát sóng (design.md §5) and show `partial` and `missed`.
 */
export interface AiringRecordedSnapshot extends StationRef, CategoriesSnapshot {
  airingId: string;
  status: 'aired' | 'partial' | 'missed';
  method: 'console' | 'operator' | 'import';
  title: string;
  audioId: string | null;
  articleId: string | null;
  planItemId: string | null;
  priority: 'normal' | 'priority';
  startedAt: string;
  endedAt: string;
  /** Minutes on air (played seconds / 60, or the length between start and end), 2 decimals. */
  minutes: number;
}

/** `relay.recorded`: a relay (tiếp âm) of an upper-level station or VOV; counted as relays with minutes. */
export interface RelayRecordedSnapshot extends StationRef {
  airingId: string;
  status: 'aired' | 'partial' | 'missed';
  method: 'console' | 'operator' | 'import';
  title: string;
  sourceName: string;
  planItemId: string | null;
  startedAt: string;
  endedAt: string;
  minutes: number;
}

/** `emergency.aired`: a notice aired at once, outside the plan. */
export interface EmergencyAiredSnapshot extends StationRef, CategoriesSnapshot {
  airingId: string;
  method: 'console' | 'operator' | 'import';
  title: string;
  audioId: string | null;
  articleId: string | null;
  startedAt: string;
  endedAt: string;
  minutes: number;
}

/**
 * Not recorded yet: broadcast ([7/10]) gives these their shape before it records the first row. Until then
 * any object is accepted, and no report may read them.
 */
type NotShapedYet = Record<string, unknown>;

/**
 * Every evidence type with the one shape of its snapshot, checked by the compiler where a row is recorded
 * (the same kind of map as the job payloads in libs/queue/src/jobs.ts). Reports read only these fields.
 * Adding a field is fine; renaming or removing one breaks the reading of rows already kept.
 */
export interface EvidenceSnapshots {
  'article.published': ArticlePublishedSnapshot;
  'article.republished': ArticlePublishedSnapshot;
  'article.unpublished': ArticleUnpublishedSnapshot;
  'article.audio-changed': ArticleAudioChangedSnapshot;
  'procedure.published': ProcedurePublishedSnapshot;
  'procedure.updated': ProcedureChangedSnapshot;
  'procedure.abolished': ProcedureChangedSnapshot;
  'audio.produced': AudioProducedSnapshot;
  'plan.approved': PlanApprovedSnapshot;
  'airing.recorded': AiringRecordedSnapshot;
  'relay.recorded': RelayRecordedSnapshot;
  'emergency.aired': EmergencyAiredSnapshot;
  'evidence.corrected': NotShapedYet;
  /** Tests and benchmarks of the log itself; never counted. */
  'test.event': NotShapedYet;
}

/** Whether each field of a snapshot must be there; the compiler holds it to the type exactly. */
export type SnapshotFields<S> = { [K in keyof S]-?: object extends Pick<S, K> ? 'optional' : 'required' };

const ARTICLE_PUBLISHED_FIELDS: SnapshotFields<ArticlePublishedSnapshot> = {
  first: 'required',
  title: 'required',
  url: 'required',
  sourceUrl: 'optional',
  categories: 'required',
  countsAsCchc: 'required',
};
const PROCEDURE_FIELDS: SnapshotFields<ProcedureSnapshot> = {
  code: 'required',
  name: 'required',
  field: 'required',
  status: 'required',
  onlineLevel: 'required',
  decisionNumber: 'required',
  url: 'required',
};
const PROCEDURE_CHANGED_FIELDS: SnapshotFields<ProcedureChangedSnapshot> = {
  ...PROCEDURE_FIELDS,
  changed: 'required',
  reason: 'optional',
};

const AIRING_FIELDS = {
  stationId: 'required',
  stationName: 'required',
  airingId: 'required',
  status: 'required',
  method: 'required',
  title: 'required',
  planItemId: 'required',
  startedAt: 'required',
  endedAt: 'required',
  minutes: 'required',
} as const;

/**
 * The fields of each shaped snapshot, at run time (tests check recorded rows against it). An empty object
 * for a type not shaped yet.
 */
export const SNAPSHOT_FIELDS: { [T in EvidenceType]: SnapshotFields<EvidenceSnapshots[T]> } = {
  'article.published': ARTICLE_PUBLISHED_FIELDS,
  'article.republished': ARTICLE_PUBLISHED_FIELDS,
  'article.unpublished': { title: 'required', url: 'required', reason: 'required' },
  'article.audio-changed': {
    articleId: 'required',
    title: 'required',
    url: 'required',
    audioId: 'required',
    audioKind: 'required',
    audioUrl: 'required',
    previousAudioId: 'required',
    previousAudioUrl: 'required',
  },
  'procedure.published': { ...PROCEDURE_FIELDS, first: 'required' },
  'procedure.updated': PROCEDURE_CHANGED_FIELDS,
  'procedure.abolished': PROCEDURE_CHANGED_FIELDS,
  'audio.produced': {
    title: 'required',
    kind: 'required',
    articleId: 'required',
    provider: 'required',
    voice: 'required',
    durationMs: 'required',
    loudnessLufs: 'required',
    url: 'required',
    jingles: 'required',
    categories: 'required',
    countsAsCchc: 'required',
  },
  'plan.approved': {
    stationId: 'required',
    stationName: 'required',
    planId: 'required',
    date: 'required',
    items: 'required',
    minutes: 'required',
  },
  'airing.recorded': {
    ...AIRING_FIELDS,
    audioId: 'required',
    articleId: 'required',
    priority: 'required',
    categories: 'required',
    countsAsCchc: 'required',
  },
  'relay.recorded': { ...AIRING_FIELDS, sourceName: 'required' },
  'emergency.aired': {
    stationId: 'required',
    stationName: 'required',
    airingId: 'required',
    method: 'required',
    title: 'required',
    audioId: 'required',
    articleId: 'required',
    startedAt: 'required',
    endedAt: 'required',
    minutes: 'required',
    categories: 'required',
    countsAsCchc: 'required',
  },
  'evidence.corrected': {},
  'test.event': {},
};

/**
 * The fields of `snapshot` that its type does not have, and the required ones it lacks (empty when it is
 * exactly of its type). A type not shaped yet accepts anything.
 */
export function snapshotMismatch(type: EvidenceType, snapshot: Record<string, unknown>): string[] {
  const fields = SNAPSHOT_FIELDS[type] as Record<string, 'required' | 'optional'>;
  if (Object.keys(fields).length === 0) {
    return [];
  }
  const extra = Object.keys(snapshot)
    .filter((k) => !(k in fields))
    .map((k) => `+${k}`);
  const missing = Object.entries(fields)
    .filter(([k, presence]) => presence === 'required' && !(k in snapshot))
    .map(([k]) => `-${k}`);
  return [...extra, ...missing];
}
