import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainException } from '@app/common';

/**
 * How one account's password checks slow down. The first `freeAttempts` cost nothing; each attempt after
 * that waits twice as long as the one before, from `firstDelaySeconds` up to `maxDelaySeconds`:
 * 5 free, then 15 s, 30 s, 1, 2, 4 and 5 min, which leaves a guesser about a dozen tries an hour, while
 * a stranger hammering the account keeps its owner out for five minutes at most. A success forgets it all;
 * so does an hour without attempts.
 */
export const BACKOFF = {
  freeAttempts: 5,
  firstDelaySeconds: 15,
  maxDelaySeconds: 300,
  forgetAfterSeconds: 3600,
  /** How long an address the account signed in from stays exempt from the account's wait. */
  trustSeconds: 30 * 24 * 3600,
} as const;

/** The wait before the next attempt, once `attempts` have been made (and not yet succeeded). */
export function backoffSeconds(attempts: number, rules: typeof BACKOFF = BACKOFF): number {
  if (attempts < rules.freeAttempts) {
    return 0;
  }
  return Math.min(rules.firstDelaySeconds * 2 ** (attempts - rules.freeAttempts), rules.maxDelaySeconds);
}

export class TooManyAttemptsException extends DomainException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('TOO_MANY_REQUESTS', message);
  }
}

/** "45 giây", "3 phút". */
function wait(seconds: number): string {
  return seconds < 90 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}

/**
 * Per-account backoff of password checks (logins by name, and the current-password check of a password
 * change), kept in PostgreSQL (`auth_backoffs`) so every api replica counts the same attempts. It adds
 * to the per-address limits of the login route: those stop one address, this stops many addresses taking
 * turns on one account.
 *
 * An attempt is counted before the password is checked and forgotten when it succeeds, in one statement
 * under the row's lock: a burst of parallel guesses cannot slip past the count.
 *
 * So that a stranger cannot keep the owner out by guessing every five minutes, an address the account
 * has signed in from (its office PC) is exempt for 30 days (a `trusted:` row): the per-address limits
 * still hold there. The idea of OWASP's "device cookie" lockout, with the address as the device.
 */
@Injectable()
export class AccountBackoff {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts an attempt on `key`, or refuses it (429 TOO_MANY_REQUESTS, with Retry-After) while the
   * account waits. Call `succeeded(key)` when the password was right.
   */
  async attempt(key: string, refusal: (wait: string) => string, trustedKey?: string): Promise<void> {
    const r = BACKOFF;
    if (trustedKey !== undefined) {
      const trusted: unknown[] = await this.dataSource.query(
        'SELECT 1 FROM auth_backoffs WHERE key = $1 AND expires_at > now()',
        [trustedKey],
      );
      if (trusted.length > 0) {
        return;
      }
    }
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO auth_backoffs AS b (key, failures, blocked_until, last_attempt_at, expires_at)
       VALUES ($1, 1, CASE WHEN 1 >= $2 THEN now() + make_interval(secs => $3) END, now(),
               now() + make_interval(secs => $5))
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN b.expires_at <= now() THEN 1 ELSE b.failures + 1 END,
         blocked_until = CASE
           WHEN b.expires_at <= now() OR b.failures + 1 < $2 THEN NULL
           ELSE now() + make_interval(secs => least($3 * power(2, b.failures + 1 - $2), $4)) END,
         last_attempt_at = now(),
         expires_at = now() + make_interval(secs => $5)
       WHERE b.blocked_until IS NULL OR b.blocked_until <= now() OR b.expires_at <= now()
       RETURNING failures`,
      [key, r.freeAttempts, r.firstDelaySeconds, r.maxDelaySeconds, r.forgetAfterSeconds],
    );
    if (rows.length > 0) {
      return;
    }
    // The row exists and waits: nothing was changed (the conflict's WHERE held the update back).
    const [row]: { seconds: string | null }[] = await this.dataSource.query(
      'SELECT extract(epoch FROM blocked_until - now()) AS seconds FROM auth_backoffs WHERE key = $1',
      [key],
    );
    const seconds = Math.max(1, Math.ceil(Number(row?.seconds ?? 1)));
    throw new TooManyAttemptsException(refusal(wait(seconds)), seconds);
  }

  /** The password was right: the account's count starts again, and the address becomes trusted. */
  async succeeded(key: string, trustedKey?: string): Promise<void> {
    await this.dataSource.query('DELETE FROM auth_backoffs WHERE key = $1', [key]);
    if (trustedKey !== undefined) {
      await this.dataSource.query(
        `INSERT INTO auth_backoffs (key, failures, blocked_until, last_attempt_at, expires_at)
         VALUES ($1, 0, NULL, now(), now() + make_interval(secs => $2))
         ON CONFLICT (key) DO UPDATE SET last_attempt_at = now(), expires_at = EXCLUDED.expires_at`,
        [trustedKey, BACKOFF.trustSeconds],
      );
    }
  }

  /** Removes counts nobody has added to for an hour (run hourly by the worker, with the rate limits). */
  async purgeExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      'DELETE FROM auth_backoffs WHERE expires_at < now()',
    );
    return result[1];
  }
}
