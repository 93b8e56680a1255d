/** When a child that exited unexpectedly is started again. */
export interface RestartPolicy {
  /** The wait before the first restart; each further one doubles it… */
  firstDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** A child that ran this long before exiting counts as having been well: the waits start over. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 1000,
  maxDelayMs: 60_000,
  stableAfterMs: 2 * 60_000,
};

/**
 * Exponential backoff for one child: 1 s, 2 s, 4 s … capped, reset after a stable run. A child that
 * crashes at boot (a broken configuration, the database gone) is retried forever but at most once a
 * minute, so the log stays readable and the PC is not kept busy; one that crashed after running a while
 * comes back at once.
 */
export class RestartBackoff {
  private failures = 0;

  constructor(private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY) {}

  /** Records an exit after `ranMs` of running; returns the wait before the restart and its number. */
  exited(ranMs: number): { delayMs: number; attempt: number } {
    if (ranMs >= this.policy.stableAfterMs) {
      this.failures = 0;
    }
    const delayMs = Math.min(
      this.policy.maxDelayMs,
      this.policy.firstDelayMs * 2 ** Math.min(this.failures, 30),
    );
    this.failures += 1;
    return { delayMs, attempt: this.failures };
  }
}
