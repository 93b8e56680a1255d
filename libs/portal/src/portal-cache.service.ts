import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PORTAL_CHANGED } from '@app/db';
import { PortalHosts } from './portal-hosts.service';
import { stripXmlInvalid } from './portal-input';
import { requestKey } from './portal-keys';
import type { PortalResponse } from './portal.service';

export interface CachedPage {
  status: number;
  type: PortalResponse['type'];
  /** The page's bytes in pieces; the running visit count goes between them. */
  parts: Buffer[];
  /** The page joined with the visit count it shows, rebuilt at most once a second (see body()). */
  joined?: { count: string; bytes: Buffer; at: number };
  /** Identifies the cached bytes (the ETag adds the visit count). */
  tag: string;
  unitId?: string;
  countFor?: string;
  /** Which page of the unit this is, whatever address it was reached by (a view counts once per page). */
  view: string;
  /** What the page holds in memory, its joined copy included. */
  size: number;
  at: number;
}

// A missed notification (a dropped listening connection) cannot leave a page stale for longer than this.
const MAX_AGE_MS = 5 * 60_000;
/** Memory the cached pages may hold; the least recently read go first (a page is about 25 KB, twice). */
export const PORTAL_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Rendered portal pages, kept in memory so that a page view costs no database query. Every replica
 * LISTENs on `portal_changed`; a commit that changes a unit's public pages NOTIFYs it (notifyPortalChanged),
 * and each replica drops that unit's pages. If the listening connection drops, everything is dropped
 * and it listens again.
 */
@Injectable()
export class PortalCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('PortalCache');
  /**
   * Least recently read first: a Map keeps insertion order, and a read moves the page to the end.
   * (lru-cache would do the same; the version at the top of node_modules, 5.x, cannot bound bytes.)
   */
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  /** Bytes the pages may hold (tests lower it). */
  maxBytes = PORTAL_CACHE_BYTES;
  /** Pages answered by portalFastPath, before Fastify (tests check that path runs). */
  readonly stats = { fastPath: 0 };
  /** Small values read from a unit's public data for pages that are not cached (see remember()). */
  private readonly values = new Map<string, { unitId: string; value: unknown; at: number }>();
  private release?: () => void;
  private client?: PoolClient;
  private closing = false;
  /** Raised by every drop: a page whose rendering began before a drop is not kept (it may be stale). */
  private generation = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly hosts: PortalHosts,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.client?.removeAllListeners();
    // Released once: a host reload failing after shutdown must not release it again (pg-pool throws).
    const release = this.release;
    this.release = undefined;
    this.client = undefined;
    release?.();
  }

  private async listen(): Promise<void> {
    try {
      const [client, release] = (await (
        this.dataSource.driver as PostgresDriver
      ).obtainMasterConnection()) as [PoolClient, () => void];
      this.client = client;
      this.release = release;
      client.on('notification', (message) => {
        if (message.channel === PORTAL_CHANGED && message.payload) {
          const unitId = message.payload;
          this.dropUnit(unitId);
          // A page rendered while the host map was being read again may carry the old mapping: drop again.
          void this.hosts
            .reload(unitId)
            .then(() => this.dropUnit(unitId))
            .catch(() => this.relisten());
        }
      });
      client.on('error', () => this.relisten());
      client.on('end', () => this.relisten());
      await client.query(`LISTEN ${PORTAL_CHANGED}`);
    } catch (error) {
      this.logger.warn({ err: error }, 'Chưa nghe được thay đổi của cổng thông tin, sẽ thử lại');
      this.relisten();
    }
  }

  private relisten(): void {
    if (this.closing) {
      return;
    }
    this.generation += 1;
    this.pages.clear();
    this.bytes = 0;
    this.values.clear();
    void this.hosts.onModuleInit().catch(() => undefined);
    this.client?.removeAllListeners();
    this.client = undefined;
    this.release?.();
    this.release = undefined;
    if (!this.closing) {
      setTimeout(() => void this.listen(), 1000).unref();
    }
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) {
      return undefined;
    }
    this.pages.delete(key);
    if (Date.now() - page.at > MAX_AGE_MS) {
      this.bytes -= page.size;
      return undefined;
    }
    this.pages.set(key, page);
    return page;
  }

  /** The cached page a GET of `url` with this Host header would be answered with (tests, diagnostics). */
  pageAt(host: string, url: string): CachedPage | undefined {
    const key = requestKey(this.hosts, host.toLowerCase(), url);
    return key === null ? undefined : this.pages.get(key);
  }

  /** How many pages, and how many bytes they hold. */
  usage(): { pages: number; bytes: number } {
    return { pages: this.pages.size, bytes: this.bytes };
  }

  private remove(key: string, page: CachedPage): void {
    this.pages.delete(key);
    this.bytes -= page.size;
  }

  /** Taken before rendering a page and handed to put(). */
  ticket(): number {
    return this.generation;
  }

  /**
   * Keeps a rendered page under `key` (see pageKey), unless it is not a 200 (a 404 costs little to
   * render again, and any address can ask for one), the page depends on free input, a change was heard
   * while it was being rendered, or the cache is not listening (a change could then go unnoticed).
   * Characters XML forbids are dropped here, on the way out of every template.
   */
  put(key: string, response: PortalResponse, ticket: number): CachedPage {
    const parts = response.body.map((part) => Buffer.from(stripXmlInvalid(part)));
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    const page: CachedPage = {
      status: response.status,
      type: response.type,
      parts,
      tag: createHash('sha1')
        .update(Buffer.concat(parts))
        .update(String(parts.length))
        .digest('base64url')
        .slice(0, 16),
      unitId: response.unitId,
      countFor: response.countFor,
      view: key.slice(key.indexOf('\n') + 1),
      // The pieces, the copy joined with the count, and the key.
      size: length * (parts.length > 1 ? 2 : 1) + key.length * 2 + 200,
      at: Date.now(),
    };
    if (
      response.cacheable &&
      page.status === 200 &&
      this.client &&
      ticket === this.generation &&
      page.size <= this.maxBytes
    ) {
      const old = this.pages.get(key);
      if (old) {
        this.remove(key, old);
      }
      this.pages.set(key, page);
      this.bytes += page.size;
      for (const [oldest, kept] of this.pages) {
        if (this.bytes <= this.maxBytes) {
          break;
        }
        this.remove(oldest, kept);
      }
    }
    return page;
  }

  /**
   * The bytes to send with `count` in the footer. Joining copies the whole page, which cost a third of
   * the time of a cached page view; so the count a page shows is refreshed at most once a second.
   */
  body(page: CachedPage, count: string, now = Date.now()): { bytes: Buffer; count: string } {
    if (page.parts.length === 1) {
      return { bytes: page.parts[0], count: '' };
    }
    const joined = page.joined;
    if (joined && (joined.count === count || now - joined.at < 1000)) {
      return joined;
    }
    const between = Buffer.from(count);
    const bytes = Buffer.concat(page.parts.flatMap((part, i) => (i === 0 ? [part] : [between, part])));
    page.joined = { count, bytes, at: now };
    return page.joined;
  }

  /**
   * A value read from a unit's public data (the procedures' field list, which every search page shows),
   * kept like a page: until the unit changes, and only while the cache is listening.
   */
  async remember<T>(unitId: string, name: string, load: () => Promise<T>): Promise<T> {
    const key = `${unitId}\u0000${name}`;
    const kept = this.values.get(key);
    if (kept && Date.now() - kept.at <= MAX_AGE_MS) {
      return kept.value as T;
    }
    const ticket = this.generation;
    const value = await load();
    if (this.client && ticket === this.generation && this.values.size < 10_000) {
      this.values.set(key, { unitId, value, at: Date.now() });
    }
    return value;
  }

  dropUnit(unitId: string): void {
    this.generation += 1;
    for (const [key, kept] of this.values) {
      if (kept.unitId === unitId) {
        this.values.delete(key);
      }
    }
    for (const [key, page] of this.pages) {
      if (page.unitId === unitId || page.unitId === undefined) {
        this.remove(key, page);
      }
    }
  }
}
