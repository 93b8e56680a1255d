/**
 * Every kind of fact the log keeps (design.md §4). Reports count these; add a type here before
 * recording it, and never rename one that has rows.
 */
export const EVIDENCE_TYPES = [
  'article.published',
  'article.unpublished',
  'article.republished',
  'article.audio-changed',
  'procedure.published',
  'procedure.updated',
  'procedure.abolished',
  'audio.produced',
  'plan.approved',
  'airing.recorded',
  'relay.recorded',
  'emergency.aired',
  'evidence.corrected',
  // Used by tests and benchmarks of the log itself; never counted by a report.
  'test.event',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
