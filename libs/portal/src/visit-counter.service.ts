import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { isbot } from 'isbot';
import { createHash, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { DataSource } from 'typeorm';
import { startOfVietnamDay, vietnamDay } from '@app/common';

const FLUSH_EVERY_MS = 2000;
const TOTAL_FRESH_MS = 30_000;
/** Visitor-page pairs remembered per day; past this (about 40 MB) new ones are not counted that day. */
export const MAX_VISITORS_PER_DAY = 500_000;
/**
 * Counted views of one unit's pages from one address (an IPv6 /64) per day. A loop that changes its
 * user agent is a new "visitor" each time; this bounds it, while an office of twenty people behind
 * one address reading ten pages each still counts in full.
 */
export const MAX_VIEWS_PER_ADDRESS = 200;

/** The part of an address that names one subscriber: an IPv4 address, or the /64 of an IPv6 one. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) {
    return mapped[1];
  }
  if (!isIPv6(address)) {
    return address;
  }
  const [head, tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':');
}

/**
 * Counts portal page views without touching the page's path, once per visitor, page and Vietnamese day
 * (design.md §4): the visitor is recognised by sha256(salt, address, user agent, unit, page), the way
 * Plausible does it. The salt is random, made when the day starts, kept only in this process's memory and
 * dropped with the day's hashes when the day ends; no address, agent, hash or cookie is ever stored, and
 * yesterday's hashes cannot be recomputed by anyone.
 *
 * Replicas: each api process has its own salt, so a reader whose requests a load balancer spreads over
 * N replicas counts up to N times a day (never more). One machine counts exactly; a cluster does too
 * behind a balancer that keeps a client on one replica (nginx `ip_hash`, HAProxy `balance source`).
 * Sharing the hashes through PostgreSQL would need one salt for every replica, i.e. a stored one.
 *
 * A counted view adds to an in-memory tally that is added to PostgreSQL every 2 s (additive upserts, so
 * any number of replicas can count at once). Bots are left out by user agent. If the database is down
 * the tally waits for the next flush; a crash loses at most the last two seconds of counts, never a page.
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

  private salt = randomBytes(32);
  private saltDay = '';
  /** Today's hashes of (visitor, page) already counted. */
  private readonly seen = new Set<string>();
  /** Today's counted views per hashed (address, unit). */
  private readonly perAddress = new Map<string, number>();

  /**
   * A view of a page (`view`: which page of the unit) by a reader; counted unless the agent is a bot
   * or this reader already viewed this page today. True when it counted.
   */
  count(
    unitId: string,
    view: string,
    address: string | undefined,
    userAgent: string | undefined,
    now = Date.now(),
  ): boolean {
    if (!userAgent || this.isBot(userAgent)) {
      return false;
    }
    const day = this.day(now);
    if (day !== this.saltDay) {
      // A new day: a new salt, and yesterday's hashes go with the old one.
      this.salt = randomBytes(32);
      this.saltDay = day;
      this.seen.clear();
      this.perAddress.clear();
    }
    const who = addressKey(address ?? '');
    const visitor = this.hash(who, userAgent, unitId, view);
    if (this.seen.has(visitor) || this.seen.size >= MAX_VISITORS_PER_DAY) {
      return false;
    }
    const from = this.hash(who, unitId);
    const views = this.perAddress.get(from) ?? 0;
    if (views >= MAX_VIEWS_PER_ADDRESS) {
      return false;
    }
    this.seen.add(visitor);
    this.perAddress.set(from, views + 1);
    const key = `${unitId}|${day}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    return true;
  }

  private hash(...parts: string[]): string {
    const hash = createHash('sha256').update(this.salt);
    for (const part of parts) {
      // Lengths first, so that no two different lists of parts hash the same bytes.
      hash.update(`${part.length}:`).update(part);
    }
    // 128 bits: no collision among a day's visitors.
    return hash.digest('base64url').slice(0, 22);
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
