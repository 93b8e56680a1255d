import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface PortalUnit {
  id: string;
  name: string;
  slug: string;
  settings: { address?: string; phone?: string; email?: string; placeName?: string; portalHost?: string };
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
  /** The newest ready audio of the article (its media key), for the "Nghe bài viết" player. */
  audioKey?: string | null;
}

/** How far a procedure can be carried out online (dịch vụ công trực tuyến). */
export type PortalOnlineLevel = 'full' | 'partial' | 'none';

/** A line of the procedures list. */
export interface PortalProcedureLine {
  code: string;
  name: string;
  field: string;
  onlineLevel: PortalOnlineLevel;
}

/** A list that may differ by case (trường hợp); `case` is null when there is only one. */
export interface PortalCaseList<T> {
  case: string | null;
  items: T[];
}

/** A published procedure with every component (the shape libs/procedures stores). */
export interface PortalProcedure extends PortalProcedureLine {
  level: string;
  agency: string;
  applicants: string;
  steps: PortalCaseList<string>[];
  methods: { channel: string; timeLimit: string; fees: string; description: string }[];
  dossier: PortalCaseList<{
    name: string;
    form: string | null;
    originals: number | null;
    copies: number | null;
  }>[];
  dossierCount: string;
  timeLimit: string;
  fees: string;
  forms: string;
  result: string;
  conditions: string;
  legalBasis: { number: string; title: string; issuedOn: string | null; issuer: string }[];
  receivingAddress: string;
  onlineUrl: string | null;
  decisionNumber: string;
  /** YYYY-MM-DD (a calendar day, read as text so no time zone shifts it). */
  decisionDate: string | null;
  decisionIssuer: string;
  status: 'active' | 'amended' | 'replaced' | 'abolished';
  publishedAt: Date;
  updatedAt: Date;
}

/** What the procedures page asks for; empty values mean "any". */
export interface ProcedureFilter {
  q: string;
  field: string;
  onlineLevel: PortalOnlineLevel | '';
}

const PROCEDURE_COLUMNS = `p.code, p.name, p.field, p.level, p.agency, p.applicants, p.steps, p.methods, p.dossier,
  p.dossier_count AS "dossierCount", p.time_limit AS "timeLimit", p.fees, p.forms, p.result, p.conditions,
  p.legal_basis AS "legalBasis", p.receiving_address AS "receivingAddress", p.online_level AS "onlineLevel",
  p.online_url AS "onlineUrl", p.decision_number AS "decisionNumber",
  to_char(p.decision_date, 'YYYY-MM-DD') AS "decisionDate", p.decision_issuer AS "decisionIssuer", p.status,
  p.published_at AS "publishedAt", p.updated_at AS "updatedAt"`;

const ARTICLE_COLUMNS = `a.id, a.title, a.slug, a.summary, a.body_html AS "bodyHtml", a.published_at AS "publishedAt",
  a.updated_at AS "updatedAt",
  COALESCE((SELECT array_agg(ac.category_id) FROM article_categories ac
            WHERE ac.unit_id = a.unit_id AND ac.article_id = a.id), '{}') AS "categoryIds"`;

/** Read-only queries of the public portal: published articles only, always within one unit. */
@Injectable()
export class PortalRepository {
  /** `COLLATE "vi-x-icu"` where the server has ICU, else '' (the database's own order). */
  private vietnameseOrder?: Promise<string>;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Vietnamese alphabetical order for names: the embedded server's C.UTF-8 puts "Đ…" after "Z…" and
   * "kết" after "khai". A server built without ICU keeps its own order rather than failing.
   */
  private collate(): Promise<string> {
    this.vietnameseOrder ??= this.dataSource
      .query<unknown[]>(`SELECT 1 FROM pg_collation WHERE collname = 'vi-x-icu'`)
      .then((rows) => (rows.length > 0 ? ' COLLATE "vi-x-icu"' : ''))
      .catch((error: unknown) => {
        this.vietnameseOrder = undefined;
        throw error;
      });
    return this.vietnameseOrder;
  }

  async unitBySlug(slug: string): Promise<PortalUnit | null> {
    const [unit] = await this.dataSource.query<PortalUnit[]>(
      'SELECT id, name, slug, settings FROM units WHERE slug = $1',
      [slug],
    );
    return unit ?? null;
  }

  /** The current slug of the unit that once had `slug` and gave it up (unit_slugs), if any. */
  async currentSlug(slug: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ slug: string }[]>(
      `SELECT u.slug FROM unit_slugs s JOIN units u ON u.id = s.unit_id WHERE s.slug = $1 AND u.slug <> $1`,
      [slug],
    );
    return row?.slug ?? null;
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
      `SELECT ${ARTICLE_COLUMNS},
         (SELECT au.file_key FROM audios au WHERE au.unit_id = a.unit_id AND au.article_id = a.id
            AND au.status = 'ready' ORDER BY au.ready_at DESC LIMIT 1) AS "audioKey"
       FROM articles a WHERE a.unit_id = $1 AND a.slug = $2 AND a.status = 'published'`,
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

  /**
   * The published procedures that match a search, by field then name, one page of them; and how many
   * match in each field when the field filter is left out (the field list with its counts). A procedure is on
   * the portal while `published_at` is set: publishing sets it, abolishing or replacing clears it.
   */
  async procedures(
    unitId: string,
    filter: ProcedureFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: PortalProcedureLine[]; fields: { field: string; count: number }[] }> {
    const params: unknown[] = [unitId];
    let where = 'p.unit_id = $1 AND p.published_at IS NOT NULL';
    if (filter.q) {
      params.push(filter.q);
      // The same search document and GIN index as the admin's search; a national code typed exactly
      // matches by the unique (unit_id, code) index too.
      where += ` AND (procedure_search_document(p.code, p.name, p.field)
                      @@ plainto_tsquery('simple', immutable_unaccent(lower($${params.length})))
                 OR p.code = $${params.length})`;
    }
    if (filter.onlineLevel) {
      params.push(filter.onlineLevel);
      where += ` AND p.online_level = $${params.length}`;
    }
    params.push(filter.field, page.limit, page.offset);
    const [field, limit, offset] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
    const vi = await this.collate();
    // One statement, the search evaluated once: the counts per field and the page both come from it.
    const [row] = await this.dataSource.query<
      { items: PortalProcedureLine[]; fields: { field: string; count: number }[] }[]
    >(
      `WITH matched AS MATERIALIZED (
         SELECT p.code, p.name, p.field, p.online_level AS "onlineLevel" FROM procedures p WHERE ${where}
       ),
       counted AS (SELECT m.field, count(*)::int AS count FROM matched m GROUP BY m.field),
       shown AS (
         SELECT m.* FROM matched m WHERE ${field}::text = '' OR m.field = ${field}
         ORDER BY m.field${vi}, m.name${vi}, m.code LIMIT ${limit} OFFSET ${offset}
       )
       SELECT
         (SELECT coalesce(json_agg(s ORDER BY s.field${vi}, s.name${vi}, s.code), '[]') FROM shown s) AS items,
         (SELECT coalesce(json_agg(c ORDER BY c.field${vi}), '[]') FROM counted c) AS fields`,
      params,
    );
    const { items, fields } = row;
    return { items, fields };
  }

  /** Every published procedure of the unit as a line of the list, by field then name. */
  async procedureLines(unitId: string): Promise<PortalProcedureLine[]> {
    const vi = await this.collate();
    return this.dataSource.query(
      `SELECT p.code, p.name, p.field, p.online_level AS "onlineLevel" FROM procedures p
       WHERE p.unit_id = $1 AND p.published_at IS NOT NULL ORDER BY p.field${vi}, p.name${vi}, p.code`,
      [unitId],
    );
  }

  /** A published procedure of the unit by its national code. */
  async procedure(unitId: string, code: string): Promise<PortalProcedure | null> {
    const [procedure] = await this.dataSource.query<PortalProcedure[]>(
      `SELECT ${PROCEDURE_COLUMNS} FROM procedures p
       WHERE p.unit_id = $1 AND p.code = $2 AND p.published_at IS NOT NULL`,
      [unitId, code],
    );
    return procedure ?? null;
  }

  /** Every published procedure's code, for the sitemap. */
  async procedureCodes(unitId: string): Promise<{ code: string; updatedAt: Date }[]> {
    const vi = await this.collate();
    return this.dataSource.query(
      `SELECT code, updated_at AS "updatedAt" FROM procedures WHERE unit_id = $1 AND published_at IS NOT NULL
       ORDER BY field${vi}, name${vi}, code LIMIT 50000`,
      [unitId],
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
