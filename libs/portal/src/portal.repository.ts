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
  featuredImage?: { url: string; alt: string; thumbnailUrl: string } | null;
  attachments?: { url: string; name: string; bytes: number }[];
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

/** A form (mẫu đơn, tờ khai) of a dossier item, stored under /media/files/, downloaded under `name`. */
export interface PortalFormFile {
  url: string;
  name: string;
  kind: string;
  bytes: number;
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
    /** The form files to download (stored only when there are some). */
    forms?: PortalFormFile[];
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
  a.updated_at AS "updatedAt", a.featured_image AS "featuredImage", a.attachments,
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

// --- Phát thanh: the unit's daily programmes, airings and radio pieces (tables of libs/broadcast and
// libs/audio, read here by SQL like articles are: the portal depends on neither lib). A piece is public
// when its audio is ready and it is an upload or its article is approved or published; never a draft's.

/** A station's plan for one Vietnamese day, whatever its status (a draft is named, not shown). */
export interface PortalRadioPlan {
  stationId: string;
  stationName: string;
  /** Null when the station has no plan that day. */
  planId: string | null;
  status: 'draft' | 'approved' | null;
}

/** A line of an approved plan, with its slot, and the player when the piece has aired. */
export interface PortalRadioItem {
  planId: string;
  slotId: string;
  slotName: string;
  slotKind: 'programme' | 'relay';
  startMinute: number;
  durationMinutes: number;
  relayName: string | null;
  kind: 'audio' | 'relay';
  title: string;
  plannedStart: Date;
  durationSec: number;
  /** The ready file (media key) when the piece aired (aired or partial) for this item or that day. */
  airedKey: string | null;
  /** The article's slug when it is published (a link to it). */
  articleSlug: string | null;
}

/** A piece aired in the last days, newest airing first. */
export interface PortalRadioAiring {
  audioId: string;
  title: string;
  fileKey: string;
  durationMs: number;
  airedAt: Date;
  articleSlug: string | null;
}

/** An episode of the unit's podcast. */
export interface PortalPodcastItem {
  audioId: string;
  title: string;
  description: string;
  fileKey: string;
  bytes: number;
  durationMs: number;
  /** When it became public: its article's publication (or its audio, if later), else its first airing. */
  publicAt: Date;
  articleSlug: string | null;
}

/** A ready audio that may be shown: an upload, or of an approved or published article (alias `au`, `ar`). */
const PUBLIC_PIECE = `au.status = 'ready' AND au.file_key IS NOT NULL
  AND ((au.article_id IS NULL AND au.kind = 'upload') OR ar.status IN ('approved', 'published'))`;

/** Read-only queries of the portal's radio page and podcast, always within one unit. */
@Injectable()
export class PortalRadioRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every station of the unit with its plan of `date` (YYYY-MM-DD, a Vietnamese day), by name. */
  plans(unitId: string, date: string): Promise<PortalRadioPlan[]> {
    return this.dataSource.query(
      `SELECT s.id AS "stationId", s.name AS "stationName", p.id AS "planId", p.status
         FROM stations s
         LEFT JOIN broadcast_plans p ON p.unit_id = s.unit_id AND p.station_id = s.id AND p.date = $2::date
        WHERE s.unit_id = $1
        ORDER BY s.name, s.id`,
      [unitId, date],
    );
  }

  /**
   * The items of the unit's approved plans `planIds` still in them, by slot and position. A piece whose
   * article is no longer approved or published (sent back, unpublished) is left out. `airedKey` is set
   * when an airing (aired or partial) points at the item, or the same audio aired at the unit that day.
   */
  items(unitId: string, planIds: string[], date: string): Promise<PortalRadioItem[]> {
    if (planIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.dataSource.query(
      `SELECT i.plan_id AS "planId", i.slot_id AS "slotId", sl.name AS "slotName", sl.kind AS "slotKind",
              sl.start_minute AS "startMinute", sl.duration_minutes AS "durationMinutes",
              sl.relay_name AS "relayName", i.kind, i.title, i.planned_start AS "plannedStart",
              i.duration_sec AS "durationSec",
              CASE WHEN i.kind = 'audio' AND EXISTS (
                     SELECT 1 FROM airings g
                      WHERE g.unit_id = i.unit_id AND g.status IN ('aired', 'partial')
                        AND (g.plan_item_id = i.id
                             OR (g.audio_id = i.audio_id
                                 AND g.started_at >= $3::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                                 AND g.started_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')))
                   THEN au.file_key END AS "airedKey",
              CASE WHEN ar.status = 'published' THEN ar.slug END AS "articleSlug"
         FROM broadcast_plan_items i
         JOIN broadcast_plans p ON p.id = i.plan_id AND p.unit_id = i.unit_id AND p.status = 'approved'
         JOIN broadcast_slots sl ON sl.id = i.slot_id AND sl.unit_id = i.unit_id
         LEFT JOIN audios au ON au.id = i.audio_id AND au.unit_id = i.unit_id
         LEFT JOIN articles ar ON ar.id = COALESCE(i.article_id, au.article_id) AND ar.unit_id = i.unit_id
        WHERE i.unit_id = $1 AND i.plan_id = ANY($2::uuid[]) AND i.removed_at IS NULL
          AND (i.kind = 'relay' OR (${PUBLIC_PIECE}))
        ORDER BY sl.start_minute, sl.id, i.position, i.planned_start`,
      [unitId, planIds, date],
    );
  }

  /**
   * Pieces the unit aired (aired or partial, a programme or an emergency notice) since `since`, each once
   * at its latest airing, newest first.
   */
  recent(unitId: string, since: Date, limit: number): Promise<PortalRadioAiring[]> {
    return this.dataSource.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (au.id) au.id AS "audioId",
                CASE WHEN ar.status = 'published' THEN ar.title ELSE COALESCE(g.title, au.title) END AS title,
                au.file_key AS "fileKey", au.duration_ms AS "durationMs", g.started_at AS "airedAt",
                CASE WHEN ar.status = 'published' THEN ar.slug END AS "articleSlug"
           FROM airings g
           JOIN audios au ON au.id = g.audio_id AND au.unit_id = g.unit_id
           LEFT JOIN articles ar ON ar.id = au.article_id AND ar.unit_id = au.unit_id
          WHERE g.unit_id = $1 AND g.status IN ('aired', 'partial') AND g.started_at >= $2
            AND g.kind IN ('programme', 'emergency') AND ${PUBLIC_PIECE}
          ORDER BY au.id, g.started_at DESC
       ) aired ORDER BY "airedAt" DESC, "audioId" LIMIT $3`,
      [unitId, since, limit],
    );
  }

  /**
   * The unit's podcast, newest first: per article (or upload) its newest ready audio that is public, where
   * public means its article is published, or it aired at least once (aired or partial) and is an upload
   * or of an approved article. Drafts and withdrawn articles never.
   */
  podcast(unitId: string, limit: number): Promise<PortalPodcastItem[]> {
    return this.dataSource.query(
      `WITH aired AS (
         SELECT g.audio_id, min(g.started_at) AS first_at FROM airings g
          WHERE g.unit_id = $1 AND g.audio_id IS NOT NULL AND g.status IN ('aired', 'partial')
          GROUP BY g.audio_id
       ), shown AS (
         SELECT DISTINCT ON (COALESCE(au.article_id, au.id))
                au.id AS "audioId", COALESCE(ar.title, au.title) AS title,
                COALESCE(NULLIF(ar.summary, ''), ar.title, au.title) AS description,
                au.file_key AS "fileKey", au.bytes, au.duration_ms AS "durationMs",
                CASE WHEN ar.status = 'published' THEN GREATEST(ar.published_at, au.ready_at)
                     ELSE a.first_at END AS "publicAt",
                CASE WHEN ar.status = 'published' THEN ar.slug END AS "articleSlug"
           FROM audios au
           LEFT JOIN articles ar ON ar.id = au.article_id AND ar.unit_id = au.unit_id
           LEFT JOIN aired a ON a.audio_id = au.id
          WHERE au.unit_id = $1 AND ${PUBLIC_PIECE} AND au.bytes IS NOT NULL
            AND (ar.status = 'published' OR a.first_at IS NOT NULL)
          ORDER BY COALESCE(au.article_id, au.id), au.ready_at DESC, au.id
       )
       SELECT * FROM shown ORDER BY "publicAt" DESC, "audioId" LIMIT $2`,
      [unitId, limit],
    );
  }
}
