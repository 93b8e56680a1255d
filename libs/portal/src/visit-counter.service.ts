import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { isbot } from 'isbot';
import { DataSource } from 'typeorm';
import { startOfVietnamDay, vietnamDay } from '@app/common';

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
  private readonly totals = new Map<string, { total: number; at: number; loading: boolean }>();

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
  count(unitId: string, userAgent: string | undefined, now = Date.now()): boolean {
    if (!userAgent || this.isBot(userAgent)) {
      return false;
    }
    const key = `${unitId}|${this.day(now)}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    return true;
  }

  // Readers come back with the same few agents: remember the verdict instead of running isbot's regex.
  private readonly bots = new Map<string, boolean>();
  private isBot(userAgent: string): boolean {
    let verdict = this.bots.get(userAgent);
    if (verdict === undefined) {
      verdict = isbot(userAgent);
      if (this.bots.size >= 5000) {
        this.bots.clear();
      }
      this.bots.set(userAgent, verdict);
    }
    return verdict;
  }

  // The Vietnamese day, recomputed once it is over rather than on every view.
  private today = { day: '', until: 0 };
  private day(now: number): string {
    if (now >= this.today.until || now < this.today.until - 86_400_000) {
      const day = vietnamDay(new Date(now));
      this.today = { day, until: startOfVietnamDay(day).getTime() + 86_400_000 };
    }
    return this.today.day;
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

  /**
   * The running total shown in the footer: stored views plus this process's tally. Served from memory
   * (no query on a page view) and read again from the database at most every 30 s, in the background once
   * the unit is known.
   */
  total(unitId: string): number | Promise<number> {
    const cached = this.totals.get(unitId);
    if (!cached) {
      return this.load(unitId).then(() => this.total(unitId) as number);
    }
    if (Date.now() - cached.at > TOTAL_FRESH_MS && !cached.loading) {
      cached.loading = true;
      void this.load(unitId).catch(() => {
        cached.loading = false;
      });
    }
    let unflushed = 0;
    for (const [key, views] of this.pending) {
      if (key.startsWith(`${unitId}|`)) {
        unflushed += views;
      }
    }
    return cached.total + unflushed;
  }

  private async load(unitId: string): Promise<void> {
    const [row] = await this.dataSource.query<{ total: string | null }[]>(
      'SELECT sum(views) AS total FROM portal_visits WHERE unit_id = $1',
      [unitId],
    );
    this.totals.set(unitId, { total: Number(row?.total ?? 0), at: Date.now(), loading: false });
  }
}
