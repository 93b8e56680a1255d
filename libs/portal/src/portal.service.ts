import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  formatDate,
  NotFoundException,
  Principal,
  startOfVietnamDay,
} from '@app/common';
import { UnitAccess } from '@app/units';
import { PortalCache } from './portal-cache.service';
import { pageNumber, stripXmlInvalid } from './portal-input';
import {
  LEVEL_PARAM,
  procedureListPage,
  procedurePage,
  procedurePrintPage,
} from './portal-procedures.templates';
import { podcastFeed, radioPage, RadioStationView } from './portal-radio.templates';
import {
  PortalCategory,
  PortalOnlineLevel,
  PortalProcedureLine,
  PortalRadioItem,
  PortalRadioRepository,
  PortalRepository,
  PortalUnit,
  ProcedureFilter,
} from './portal.repository';
import {
  articlePage,
  categoryPage,
  Frame,
  homePage,
  errorPage,
  layout,
  previewPage,
  PROCEDURE_NEWS_SLUG,
  printPage,
  rssFeed,
  searchPage,
  sitemap,
} from './portal.templates';

export interface PortalResponse {
  status: number;
  type: 'html' | 'rss' | 'xml';
  /** The page in pieces: the running visit count goes between them (see layout). */
  body: string[];
  /** A page view to count (HTML pages of a unit that exists). */
  countFor?: string;
  /** The unit the page belongs to: its changes drop the cached page. */
  unitId?: string;
  /** False for pages that depend on free input (search), which are not cached. */
  cacheable: boolean;
}

export interface PortalRequest {
  unitSlug: string;
  /** Path prefix of the portal's links: `/site/<slug>`, or '' on the unit's own host name. */
  base?: string;
}

const PAGE_SIZE = 20;
/** "Đã phát gần đây": today and the days before it, this many in all. */
const RECENT_DAYS = 7;
/** Pieces in the podcast feed (newest first). */
const PODCAST_SIZE = 100;
/** Procedures per page of the list: a commune has about a hundred; a province's catalogue thousands. */
const PROCEDURE_PAGE_SIZE = 100;
/** The latest news about procedures shown on the catalogue (the rest are on the category's own page). */
const PROCEDURE_NEWS_SIZE = 5;

/** What the reader typed in the procedures list's form (query parameters, see PROCEDURE_QUERY). */
export interface ProcedureListInput {
  q?: unknown;
  field?: unknown;
  level?: unknown;
  page?: unknown;
}

/** A query parameter as the routes give it (decoded, NFC, trimmed; refused when repeated). */
function one(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** How many lines in each field, in the lines' order (by field). */
function countByField(lines: PortalProcedureLine[]): { field: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    counts.set(line.field, (counts.get(line.field) ?? 0) + 1);
  }
  return [...counts].map(([field, count]) => ({ field, count }));
}

/** The filters applied to the unit's lines, as the repository answers a search. */
function pick(
  lines: PortalProcedureLine[],
  filter: ProcedureFilter,
  limit: number,
  offset: number,
): { items: PortalProcedureLine[]; fields: { field: string; count: number }[] } {
  const atLevel = filter.onlineLevel ? lines.filter((l) => l.onlineLevel === filter.onlineLevel) : lines;
  const inField = filter.field ? atLevel.filter((l) => l.field === filter.field) : atLevel;
  return { items: inField.slice(offset, offset + limit), fields: countByField(atLevel) };
}

const LEVEL_OF = new Map(
  Object.entries(LEVEL_PARAM).map(([level, param]) => [param, level as PortalOnlineLevel]),
);
/** 404, with a link to the unit's home when the unit exists. Never cached (PortalCache.put). */
const notFound = (frame?: Frame | null): PortalResponse => ({
  status: 404,
  type: 'html',
  body: [errorPage(404, frame ? `${frame.base}/` : '/')],
  unitId: frame?.unit.id,
  cacheable: false,
});

/** Builds the public portal's pages (design.md §6, public portal). */
@Injectable()
export class PortalService {
  constructor(
    private readonly portal: PortalRepository,
    private readonly radioRows: PortalRadioRepository,
    private readonly access: UnitAccess,
    private readonly cache: PortalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Where the unit's portal lives for absolute links (Open Graph, canonical, RSS, sitemap): its mapped
   * host (with PUBLIC_URL's scheme, https without it), else PUBLIC_URL + /site/<slug>. Never the
   * request's Host header. With neither, links stay root-relative (`/site/<slug>`).
   */
  siteUrl(unit: PortalUnit): string {
    const host = unit.settings?.portalHost;
    if (host) {
      const scheme = this.config.publicUrl?.startsWith('http://') ? 'http' : 'https';
      return `${scheme}://${host}`;
    }
    return `${this.config.publicUrl ?? ''}/site/${unit.slug}`;
  }

  /**
   * Where the unit's media files are for absolute links (the podcast's enclosures): the mapped host, else
   * PUBLIC_URL, else '' (root-relative, like every other link without either). `/media/` answers on any host.
   */
  mediaOrigin(unit: PortalUnit): string {
    const site = this.siteUrl(unit);
    return unit.settings?.portalHost ? site : (this.config.publicUrl ?? '');
  }

  /** The slug a unit now has, if `slug` is one it gave up (its portal redirects there). */
  movedTo(slug: string): Promise<string | null> {
    return this.portal.currentSlug(slug);
  }

  private async frame(req: PortalRequest): Promise<Frame | null> {
    const unit = await this.portal.unitBySlug(req.unitSlug);
    if (!unit) {
      return null;
    }
    const categories = await this.portal.categories(unit.id);
    return { unit, categories, base: req.base ?? `/site/${unit.slug}` };
  }

  private page(frame: Frame, title: string, description: string, main: string, path = '/') {
    const url = `${this.siteUrl(frame.unit)}${path}`;
    return {
      status: 200,
      type: 'html' as const,
      body: layout(frame, { title, description, url }, main),
      countFor: frame.unit.id,
      unitId: frame.unit.id,
      cacheable: true,
    };
  }

  async home(req: PortalRequest): Promise<PortalResponse> {
    const frame = await this.frame(req);
    if (!frame) {
      return notFound();
    }
    const [latest, cchc] = await Promise.all([
      this.portal.latest(frame.unit.id, { limit: 10 }),
      this.portal.latest(frame.unit.id, { cchcOnly: true, limit: 5 }),
    ]);
    return this.page(
      frame,
      `${frame.unit.name} — Trang thông tin điện tử`,
      `Tin tức, cải cách hành chính và thủ tục hành chính của ${frame.unit.name}`,
      homePage(frame, latest.items, cchc.items),
    );
  }

  async category(req: PortalRequest, slug: string, pageParam: string | undefined): Promise<PortalResponse> {
    const frame = await this.frame(req);
    const category = frame?.categories.find((c: PortalCategory) => c.slug === slug);
    if (!frame || !category) {
      return notFound(frame);
    }
    const page = pageNumber(pageParam);
    const { items, total } = await this.portal.latest(frame.unit.id, {
      categoryId: category.id,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) {
      // Not an empty page per number asked for: that would be 10,000 cache entries per category.
      return notFound(frame);
    }
    return this.page(
      frame,
      `${category.name}${page > 1 ? ` — trang ${page}` : ''} — ${frame.unit.name}`,
      `Tin bài chuyên mục ${category.name} của ${frame.unit.name}`,
      categoryPage(frame, category, items, page, pages),
      `/chuyen-muc/${category.slug}${page > 1 ? `?trang=${page}` : ''}`,
    );
  }

  async article(req: PortalRequest, slug: string, print: boolean): Promise<PortalResponse> {
    const frame = await this.frame(req);
    const article = frame ? await this.portal.article(frame.unit.id, slug) : null;
    if (!frame || !article) {
      return notFound(frame);
    }
    if (print) {
      return {
        status: 200,
        type: 'html',
        body: [printPage(frame.unit, article, frame.base)],
        countFor: frame.unit.id,
        unitId: frame.unit.id,
        cacheable: true,
      };
    }
    const url = `${this.siteUrl(frame.unit)}/bai-viet/${article.slug}`;
    return {
      status: 200,
      type: 'html',
      body: layout(
        frame,
        {
          title: `${article.title} — ${frame.unit.name}`,
          description: article.summary || article.title,
          url,
          type: 'article',
          image: article.featuredImage && `${this.mediaOrigin(frame.unit)}${article.featuredImage.url}`,
        },
        articlePage(frame, article),
      ),
      countFor: frame.unit.id,
      unitId: frame.unit.id,
      cacheable: true,
    };
  }

  /**
   * The article as the portal will show it, whatever its status, for members of its unit. The visit
   * count in the footer is left blank: a preview is no visit.
   */
  async preview(principal: Principal, articleId: string): Promise<string> {
    const article = await this.portal.anyArticle(articleId);
    if (!article || !this.access.isMember(principal, article.unitId)) {
      throw new NotFoundException('bài viết');
    }
    const unit = await this.portal.unitById(article.unitId);
    if (!unit) {
      throw new NotFoundException('đơn vị');
    }
    const frame = { unit, categories: await this.portal.categories(unit.id), base: `/site/${unit.slug}` };
    return stripXmlInvalid(previewPage(frame, article, article.status).join('—'));
  }

  async search(req: PortalRequest, q: string | undefined): Promise<PortalResponse> {
    const frame = await this.frame(req);
    if (!frame) {
      return notFound();
    }
    const query = (q ?? '').normalize('NFC').trim().slice(0, 200);
    const results = query ? await this.portal.search(frame.unit.id, query, 50) : null;
    const response = this.page(
      frame,
      `Tìm kiếm${query ? `: ${query}` : ''} — ${frame.unit.name}`,
      `Tìm tin bài của ${frame.unit.name}`,
      searchPage(frame, query, results),
      '/tim-kiem',
    );
    return { ...response, cacheable: false };
  }

  /**
   * The unit's published procedures grouped by field, with a search (accent-insensitive, or the exact
   * national code) and filters by field and online service level. An unknown level is ignored. Only
   * the plain list is cached: anything typed in would fill the cache with one page per query.
   */
  async procedures(req: PortalRequest, input: ProcedureListInput): Promise<PortalResponse> {
    const frame = await this.frame(req);
    if (!frame) {
      return notFound();
    }
    const filter: ProcedureFilter = {
      q: one(input.q).slice(0, 200),
      field: one(input.field).slice(0, 300),
      onlineLevel: LEVEL_OF.get(one(input.level)) ?? '',
    };
    const filtered = Boolean(filter.q || filter.field || filter.onlineLevel);
    const page = Math.min(Math.max(Number.parseInt(one(input.page) || '1', 10) || 1, 1), 10_000);
    const offset = (page - 1) * PROCEDURE_PAGE_SIZE;
    // The news about procedures, on the plain first page (someone searching wants the procedure).
    const newsCategory =
      !filtered && page === 1 ? frame.categories.find((c) => c.slug === PROCEDURE_NEWS_SLUG) : undefined;
    // Every published line of the unit, kept until it changes (a commune has a few hundred): the
    // filters and the field list need no query; only a search goes to the database.
    const [lines, searched, news] = await Promise.all([
      this.cache.remember(frame.unit.id, 'procedure-lines', () => this.portal.procedureLines(frame.unit.id)),
      filter.q ? this.portal.procedures(frame.unit.id, filter, { limit: PROCEDURE_PAGE_SIZE, offset }) : null,
      newsCategory
        ? this.portal.latest(frame.unit.id, { categoryId: newsCategory.id, limit: PROCEDURE_NEWS_SIZE })
        : null,
    ]);
    const found = searched ?? pick(lines, filter, PROCEDURE_PAGE_SIZE, offset);
    const allFields = countByField(lines);
    const total = found.fields
      .filter((f) => !filter.field || f.field === filter.field)
      .reduce((sum, f) => sum + f.count, 0);
    const pages = Math.max(1, Math.ceil(total / PROCEDURE_PAGE_SIZE));
    if (page > pages) {
      return notFound(frame);
    }
    const title = filter.q
      ? `Tìm thủ tục: ${filter.q}`
      : filter.field
        ? `Thủ tục hành chính lĩnh vực ${filter.field}`
        : 'Thủ tục hành chính';
    const response = this.page(
      frame,
      `${title}${page > 1 ? ` — trang ${page}` : ''} — ${frame.unit.name}`,
      `Danh mục thủ tục hành chính của ${frame.unit.name}: trình tự, hồ sơ, thời hạn, phí, lệ phí`,
      procedureListPage(frame, {
        filter,
        allFields,
        counts: found.fields,
        items: found.items,
        total,
        page,
        pages,
        news: newsCategory && news ? { category: newsCategory, items: news.items } : null,
      }),
      `/thu-tuc-hanh-chinh${page > 1 && !filtered ? `?trang=${page}` : ''}`,
    );
    return { ...response, cacheable: !filtered };
  }

  /** A published procedure by its national code, with every component; 404 when it is not public. */
  async procedure(req: PortalRequest, code: string, print: boolean): Promise<PortalResponse> {
    const frame = await this.frame(req);
    const procedure = frame ? await this.portal.procedure(frame.unit.id, code) : null;
    if (!frame || !procedure) {
      return notFound(frame);
    }
    if (print) {
      return {
        status: 200,
        type: 'html',
        body: [procedurePrintPage(frame.unit, procedure, frame.base)],
        countFor: frame.unit.id,
        unitId: frame.unit.id,
        cacheable: true,
      };
    }
    return this.page(
      frame,
      `${procedure.name} — ${frame.unit.name}`,
      `Thủ tục ${procedure.name} (mã ${procedure.code}, lĩnh vực ${procedure.field}): trình tự, hồ sơ, thời hạn, phí, lệ phí`,
      procedurePage(frame, procedure),
      `/thu-tuc-hanh-chinh/${encodeURIComponent(procedure.code)}`,
    );
  }

  /**
   * "Chương trình phát thanh": the programme of `day` (today, a Vietnamese day: the route passes it, and it
   * is in the page's cache key) of each station of the unit. Only approved plans are shown, a draft is only
   * named as not yet approved; a piece gets its player once it has aired. Then the pieces aired in the last
   * RECENT_DAYS days. Airings and approvals NOTIFY portal_changed, so the cached page follows them.
   */
  async radio(req: PortalRequest, day: string): Promise<PortalResponse> {
    const frame = await this.frame(req);
    if (!frame) {
      return notFound();
    }
    const unitId = frame.unit.id;
    const since = startOfVietnamDay(day);
    since.setTime(since.getTime() - (RECENT_DAYS - 1) * 86_400_000);
    const [plans, recent] = await Promise.all([
      this.radioRows.plans(unitId, day),
      this.radioRows.recent(unitId, since, 50),
    ]);
    const approved = plans.flatMap((p) => (p.status === 'approved' && p.planId ? [p.planId] : []));
    const items = await this.radioRows.items(unitId, approved, day);
    const byPlan = new Map<string, PortalRadioItem[]>();
    for (const item of items) {
      byPlan.set(item.planId, [...(byPlan.get(item.planId) ?? []), item]);
    }
    const stations: RadioStationView[] = plans.map((p) => ({
      name: p.stationName,
      status: p.status,
      items: p.planId ? (byPlan.get(p.planId) ?? []) : [],
    }));
    const label = formatDate(startOfVietnamDay(day));
    return this.page(
      frame,
      `Chương trình phát thanh ngày ${label} — ${frame.unit.name}`,
      `Lịch phát sóng hôm nay và các bản tin đã phát của đài truyền thanh ${frame.unit.name}`,
      radioPage(frame, { day: label, stations, recent, recentDays: RECENT_DAYS }),
      '/phat-thanh',
    );
  }

  /**
   * The unit's radio pieces as a podcast (RSS 2.0 + iTunes): per article or upload its newest ready audio,
   * when its article is published or it has aired (an upload, or an approved article's); newest first.
   */
  async podcast(req: PortalRequest): Promise<PortalResponse> {
    const unit = await this.portal.unitBySlug(req.unitSlug);
    if (!unit) {
      return notFound();
    }
    const items = await this.radioRows.podcast(unit.id, PODCAST_SIZE);
    return {
      status: 200,
      type: 'rss',
      body: [podcastFeed(unit, this.siteUrl(unit), this.mediaOrigin(unit), items)],
      unitId: unit.id,
      cacheable: true,
    };
  }

  async rss(req: PortalRequest): Promise<PortalResponse> {
    const unit: PortalUnit | null = await this.portal.unitBySlug(req.unitSlug);
    if (!unit) {
      return notFound();
    }
    const { items } = await this.portal.latest(unit.id, { limit: 30 });
    return {
      status: 200,
      type: 'rss',
      body: [rssFeed(unit, this.siteUrl(unit), items)],
      unitId: unit.id,
      cacheable: true,
    };
  }

  async sitemap(req: PortalRequest): Promise<PortalResponse> {
    const unit = await this.portal.unitBySlug(req.unitSlug);
    if (!unit) {
      return notFound();
    }
    return {
      status: 200,
      type: 'xml',
      body: [
        sitemap(
          this.siteUrl(unit),
          ...(await Promise.all([this.portal.sitemap(unit.id), this.portal.procedureCodes(unit.id)])),
        ),
      ],
      unitId: unit.id,
      cacheable: true,
    };
  }
}
