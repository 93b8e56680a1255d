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
  /** Generates the daily plans of one day (YYYY-MM-DD) for every station that has none yet. */
  'broadcast.generate-plans': { date: string };
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
  'broadcast.generate-plans': true,
} satisfies Record<JobName, true>) as JobName[];

/**
 * How long one run of a job may take before it counts as lost, and how often it is tried. After a power cut
 * (kill -9) an active job is taken over by another worker once its expiry has passed (pg-boss's supervisor
 * moves it back to `retry`), so an expiry that fits the work keeps that wait short; a run that outlives its
 * expiry is failed by pg-boss and tried again, so it must also cover the slowest honest run.
 */
export interface JobPolicy {
  /** A run still active after this is lost (killed worker) and is handed to another worker. */
  expireInSeconds: number;
  /** Further tries after a failed or lost run. */
  retryLimit: number;
  /** First retry after about this long, doubling after each further failure. */
  retryDelaySeconds: number;
}

export const JOB_POLICIES: Record<JobName, JobPolicy> = {
  'evidence.verify': { expireInSeconds: 10 * 60, retryLimit: 3, retryDelaySeconds: 5 },
  'maintenance.purge-rate-limits': { expireInSeconds: 60, retryLimit: 1, retryDelaySeconds: 5 },
  'articles.publish-due': { expireInSeconds: 60, retryLimit: 3, retryDelaySeconds: 1 },
  // Parsing and planning 20,000 rows, then writing them.
  'procedures.import': { expireInSeconds: 10 * 60, retryLimit: 2, retryDelaySeconds: 5 },
  // One article: the longest (20,000 characters, 20 minutes of speech) takes 45 s on a busy two-core PC.
  'audio.synthesize': { expireInSeconds: 120, retryLimit: 3, retryDelaySeconds: 1 },
  // An uploaded programme of up to 100 MB: several ffmpeg passes over up to hours of sound.
  'audio.master-upload': { expireInSeconds: 15 * 60, retryLimit: 3, retryDelaySeconds: 5 },
  // Every station of the deployment, 500 at a time: 1,000 stations take a few seconds.
  'broadcast.generate-plans': { expireInSeconds: 10 * 60, retryLimit: 3, retryDelaySeconds: 30 },
};

/**
 * How often pg-boss's supervisor looks for expired jobs (one worker does it per interval). A lost job waits
 * its expiry plus at most this long, plus the retry delay and one polling interval.
 */
export const QUEUE_SUPERVISE_SECONDS = 10;
