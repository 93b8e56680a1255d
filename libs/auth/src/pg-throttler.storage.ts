import { Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * @nestjs/throttler's counters kept in PostgreSQL (table rate_limits), so that every api replica sees the
 * same counts. A key over its limit stays blocked for `blockDuration` from the hit that crossed it.
 */
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly dataSource: DataSource) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<ThrottlerStorageRecord> {
    const rows: { hits: number; seconds: string }[] = await this.dataSource.query(
      `INSERT INTO rate_limits AS r (key, hits, expires_at)
       VALUES ($1, 1, now() + make_interval(secs => $2::float8 / 1000))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.expires_at <= now() THEN 1 ELSE r.hits + 1 END,
         expires_at = CASE
           WHEN r.expires_at <= now() THEN EXCLUDED.expires_at
           WHEN r.hits + 1 > $3 THEN greatest(r.expires_at, now() + make_interval(secs => $4::float8 / 1000))
           ELSE r.expires_at END
       RETURNING hits, extract(epoch FROM expires_at - now()) AS seconds`,
      [key, ttl, limit, blockDuration],
    );
    const hits = Number(rows[0].hits);
    const seconds = Math.max(0, Math.ceil(Number(rows[0].seconds)));
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire: seconds, isBlocked, timeToBlockExpire: isBlocked ? seconds : 0 };
  }

  /** Removes counters whose window has passed (run hourly by the worker). */
  async purgeExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      'DELETE FROM rate_limits WHERE expires_at < now()',
    );
    return result[1];
  }
}
