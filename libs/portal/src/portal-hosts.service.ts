import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Host names mapped to units' portals (settings.portalHost), kept in memory so that a request to "/"
 * costs no query to learn whether its host is a portal. Loaded at boot; a unit's entry is read again
 * when PortalCache hears that the unit changed.
 */
@Injectable()
export class PortalHosts implements OnModuleInit {
  private readonly byHost = new Map<string, string>();
  private readonly byUnit = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const rows = await this.dataSource.query<{ id: string; slug: string; host: string }[]>(
      `SELECT id, slug, settings->>'portalHost' AS host FROM units WHERE (settings->>'portalHost') <> ''`,
    );
    rows.forEach((row) => this.set(row.id, row.host, row.slug));
  }

  /** The unit slug whose portal answers on this host, if any. */
  slugFor(hostname: string | undefined): string | undefined {
    // An HTTP/1.0 request may come without a Host header.
    return hostname ? this.byHost.get(hostname.toLowerCase()) : undefined;
  }

  async reload(unitId: string): Promise<void> {
    const [row] = await this.dataSource.query<{ slug: string; host: string | null }[]>(
      `SELECT slug, settings->>'portalHost' AS host FROM units WHERE id = $1`,
      [unitId],
    );
    this.set(unitId, row?.host ?? null, row?.slug ?? '');
  }

  private set(unitId: string, host: string | null, slug: string): void {
    const old = this.byUnit.get(unitId);
    if (old) {
      this.byHost.delete(old);
      this.byUnit.delete(unitId);
    }
    if (host) {
      this.byHost.set(host, slug);
      this.byUnit.set(unitId, host);
    }
  }
}
