/**
 * Every job of the system, with its payload, in one place (style.md). Payloads carry ids; handlers re-read
 * state and are idempotent. The worker refuses to start while a job here has no handler.
 */
export interface JobPayloads {
  /** Re-walks one unit's evidence chain and reports a break. */
  'evidence.verify': { unitId: string };
  /** Deletes expired login rate-limit counters. */
  'maintenance.purge-rate-limits': Record<string, never>;
  /** Publishes approved articles whose scheduled time has passed. */
  'articles.publish-due': Record<string, never>;
  /** Runs one procedure import (a row of procedure_imports: its file, dry run or not). */
  'procedures.import': { importId: string };
  /** Speaks an article's audio with its engine, masters it with ffmpeg and makes it ready. */
  'audio.synthesize': { audioId: string };
  /** Masters an uploaded programme to the station's loudness. */
  'audio.master-upload': { audioId: string };
}

export type JobName = keyof JobPayloads;

/** The same names as a list, checked against JobPayloads by the compiler. */
export const JOB_NAMES = Object.keys({
  'evidence.verify': true,
  'maintenance.purge-rate-limits': true,
  'articles.publish-due': true,
  'procedures.import': true,
  'audio.synthesize': true,
  'audio.master-upload': true,
} satisfies Record<JobName, true>) as JobName[];
