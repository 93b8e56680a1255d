import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { isbot } from 'isbot';
import { DataSource } from 'typeorm';
import { vietnamDay } from '@app/common';

const FLUSH_EVERY_MS = 2000;
const TOTAL_FRESH_MS = 30_000;

/**
 * Counts portal page views without touching the page's path: a view adds to an in-memory tally that is
 * added to PostgreSQL every 2 s (additive upserts, so any number of api replicas can count at once).
 * Bots are left out by user agent. If the database is down the tally waits for the next flush; a crash
 * loses at most the last two seconds of counts, never a page.
 */
@Injectable()
export class VisitCounter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('VisitCounter');
  private pending = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private readonly totals = new Map<string, { total: number; at: number }>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** One page view of the unit's portal, unless the agent is a bot. */
  count(unitId: string, userAgent: string | undefined, now = new Date()): boolean {
    if (!userAgent || isbot(userAgent)) {
      return false;
    }
    const key = `${unitId}|${vietnamDay(now)}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    return true;
  }

  /** Adds the tally to the database; what fails is kept for the next flush. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) {
      return;
    }
    const batch = this.pending;
    this.pending = new Map();
    const rows = [...batch.entries()].map(([key, views]) => {
      const [unitId, day] = key.split('|');
      return { unitId, day, views };
    });
    try {
      await this.dataSource.query(
        `INSERT INTO portal_visits (unit_id, day, views)
         SELECT * FROM unnest($1::uuid[], $2::date[], $3::bigint[])
         ON CONFLICT (unit_id, day) DO UPDATE SET views = portal_visits.views + EXCLUDED.views`,
        [rows.map((r) => r.unitId), rows.map((r) => r.day), rows.map((r) => r.views)],
      );
      // What this process just stored shows at once; other replicas' views within 30 s.
      for (const row of rows) {
        const cached = this.totals.get(row.unitId);
        if (cached) {
          cached.total += row.views;
        }
      }
    } catch (error) {
      for (const [key, views] of batch) {
        this.pending.set(key, (this.pending.get(key) ?? 0) + views);
      }
      this.logger.warn({ err: error }, 'Chưa ghi được lượt truy cập, sẽ thử lại');
    }
  }

  /** The running total shown in the footer: stored views plus this process's tally, refreshed every 30 s. */
  async total(unitId: string): Promise<number> {
    const cached = this.totals.get(unitId);
    let stored = cached?.total ?? 0;
    if (!cached || Date.now() - cached.at > TOTAL_FRESH_MS) {
      const [row] = await this.dataSource.query<{ total: string | null }[]>(
        'SELECT sum(views) AS total FROM portal_visits WHERE unit_id = $1',
        [unitId],
      );
      stored = Number(row?.total ?? 0);
      this.totals.set(unitId, { total: stored, at: Date.now() });
    }
    let unflushed = 0;
    for (const [key, views] of this.pending) {
      if (key.startsWith(`${unitId}|`)) {
        unflushed += views;
      }
    }
    return stored + unflushed;
  }
}
