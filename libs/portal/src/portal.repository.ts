import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface PortalUnit {
  id: string;
  name: string;
  slug: string;
  settings: { address?: string; phone?: string; email?: string; placeName?: string };
}

export interface PortalCategory {
  id: string;
  name: string;
  slug: string;
  countsAsCchc: boolean;
}

export interface PortalArticle {
  id: string;
  title: string;
  slug: string;
  summary: string;
  bodyHtml: string;
  publishedAt: Date;
  updatedAt: Date;
  categoryIds: string[];
}

const ARTICLE_COLUMNS = `a.id, a.title, a.slug, a.summary, a.body_html AS "bodyHtml", a.published_at AS "publishedAt",
  a.updated_at AS "updatedAt",
  COALESCE((SELECT array_agg(ac.category_id) FROM article_categories ac
            WHERE ac.unit_id = a.unit_id AND ac.article_id = a.id), '{}') AS "categoryIds"`;

/** Read-only queries of the public portal: published articles only, always within one unit. */
@Injectable()
export class PortalRepository {
  constructor(private readonly dataSource: DataSource) {}

  async unitBySlug(slug: string): Promise<PortalUnit | null> {
    const [unit] = await this.dataSource.query<PortalUnit[]>(
      'SELECT id, name, slug, settings FROM units WHERE slug = $1',
      [slug],
    );
    return unit ?? null;
  }

  categories(unitId: string): Promise<PortalCategory[]> {
    return this.dataSource.query(
      `SELECT id, name, slug, counts_as_cchc AS "countsAsCchc" FROM categories WHERE unit_id = $1
       ORDER BY position, name`,
      [unitId],
    );
  }

  async latest(
    unitId: string,
    options: { categoryId?: string; cchcOnly?: boolean; limit: number; offset?: number },
  ): Promise<{ items: PortalArticle[]; total: number }> {
    const params: unknown[] = [unitId];
    let where = `a.unit_id = $1 AND a.status = 'published'`;
    if (options.categoryId) {
      params.push(options.categoryId);
      where += ` AND EXISTS (SELECT 1 FROM article_categories ac WHERE ac.unit_id = a.unit_id AND ac.article_id = a.id
                 AND ac.category_id = $${params.length})`;
    }
    if (options.cchcOnly) {
      where += ` AND EXISTS (SELECT 1 FROM article_categories ac JOIN categories c ON c.id = ac.category_id
                 WHERE ac.unit_id = a.unit_id AND ac.article_id = a.id AND c.counts_as_cchc)`;
    }
    params.push(options.limit, options.offset ?? 0);
    const items = await this.dataSource.query<PortalArticle[]>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE ${where}
       ORDER BY a.published_at DESC, a.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM articles a WHERE ${where}`,
      params.slice(0, params.length - 2),
    );
    return { items, total };
  }

  async article(unitId: string, slug: string): Promise<PortalArticle | null> {
    const [article] = await this.dataSource.query<PortalArticle[]>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.unit_id = $1 AND a.slug = $2 AND a.status = 'published'`,
      [unitId, slug],
    );
    return article ?? null;
  }

  /** Any article of the unit, whatever its status (the editors' preview). */
  async anyArticle(id: string): Promise<(PortalArticle & { unitId: string; status: string }) | null> {
    const [article] = await this.dataSource.query<(PortalArticle & { unitId: string; status: string })[]>(
      `SELECT ${ARTICLE_COLUMNS}, a.unit_id AS "unitId", a.status FROM articles a WHERE a.id = $1`,
      [id],
    );
    return article ?? null;
  }

  async unitById(id: string): Promise<PortalUnit | null> {
    const [unit] = await this.dataSource.query<PortalUnit[]>(
      'SELECT id, name, slug, settings FROM units WHERE id = $1',
      [id],
    );
    return unit ?? null;
  }

  /** Accent-insensitive, ranked: the same search document and index as the admin's article search. */
  search(unitId: string, q: string, limit: number): Promise<PortalArticle[]> {
    return this.dataSource.query(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a,
         plainto_tsquery('simple', immutable_unaccent(lower($2))) query
       WHERE a.unit_id = $1 AND a.status = 'published'
         AND article_search_document(a.title, a.summary, a.body_html) @@ query
       ORDER BY ts_rank(article_search_document(a.title, a.summary, a.body_html), query) DESC, a.published_at DESC
       LIMIT $3`,
      [unitId, q, limit],
    );
  }

  /** Every published article, newest first, for the sitemap (a commune has thousands at most). */
  sitemap(unitId: string): Promise<{ slug: string; updatedAt: Date }[]> {
    return this.dataSource.query(
      `SELECT slug, updated_at AS "updatedAt" FROM articles WHERE unit_id = $1 AND status = 'published'
       ORDER BY published_at DESC LIMIT 50000`,
      [unitId],
    );
  }
}
