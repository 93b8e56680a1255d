import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  ForbiddenException,
  NotFoundException,
  Page,
  Principal,
  Role,
  StatesUnitActions,
  toPage,
  UnitActionSource,
  UnitActionTable,
  ValidationException,
} from '@app/common';
import { isUniqueViolation, notifyPortalChanged } from '@app/db';
import { EvidenceService } from '@app/evidence';
import { checkDownloadName, MEDIA_URL_PREFIX, MediaStorage } from '@app/media';
import { Unit, UnitAccess, UnitsRepository } from '@app/units';
import { Article, ArticleAttachment, ArticleImage, ArticleStatus } from './article.entity';
import {
  ArticleAttachmentDto,
  ArticleImageDto,
  ArticleResponse,
  ArticleRevisionResponse,
  CorrectRadioScriptDto,
  CreateArticleDto,
  ImportArticlesDto,
  ImportArticlesResponse,
  ListArticlesQueryDto,
  PublishArticleDto,
  RadioScriptCorrectionResponse,
  UpdateArticleDto,
} from './article.dto';
import { actionOnArticle, ARTICLE_ACTIONS, ArticleAction, ArticlesException } from './articles.exception';
import { ArticlesRepository } from './articles.repository';
import { CategoriesService } from './categories.service';
import { bodyText, sanitizeBody } from './sanitize';
import { slugFromTitle } from './slug';
import { makeThumbnail } from './thumbnail';
import {
  ARTICLE_IMPORTERS,
  ARTICLE_READERS,
  CATEGORY_KEEPERS,
  RADIO_SCRIPT_CORRECTORS,
} from './articles.roles';

/**
 * The workflow (design.md §4): who may do what, from which states. An editor writes and submits; an
 * approver decides and publishes; a unit admin does all of it. Editing an unpublished article sends it
 * back to draft; publishing one that was not edited again republishes it. Once decided, the words the
 * radio says may still be corrected (a wrong reading heard on air) without sending the article back:
 * only the radio script changes, never what the portal shows.
 */
export const WORKFLOW: Record<ArticleAction, { roles: readonly Role[]; from: readonly ArticleStatus[] }> = {
  edit: { roles: ['editor', 'admin'], from: ['draft', 'rejected', 'unpublished'] },
  submit: { roles: ['editor', 'admin'], from: ['draft', 'rejected', 'unpublished'] },
  approve: { roles: ['approver', 'admin'], from: ['submitted'] },
  reject: { roles: ['approver', 'admin'], from: ['submitted', 'approved'] },
  publish: { roles: ['approver', 'admin'], from: ['approved', 'unpublished'] },
  unpublish: { roles: ['approver', 'admin'], from: ['published'] },
  'correct-radio-script': { roles: RADIO_SCRIPT_CORRECTORS, from: ['approved', 'published'] },
};

/** Revision actions that carry their own reason (kept in the revision's `content.reason`). */
const REASONED_REVISIONS: readonly string[] = ['reject', 'unpublish', 'correct-radio-script'];

/** What a step names its revision, and the reason it keeps when it has one of its own. */
type Revised = string | { action: string; reason: string };

const READERS = ARTICLE_READERS;
const IMPORTERS = ARTICLE_IMPORTERS;
const ACTIONS = ARTICLE_ACTIONS;

/**
 * What the articles' roles allow in a unit, stated for `GET /users/me` from the same table the service
 * checks. Per article, `allowedActions` says the rest (the state).
 */
@Injectable()
@StatesUnitActions()
export class ArticleUnitActions implements UnitActionSource {
  readonly unitActions: UnitActionTable = {
    'articles.read': READERS,
    'articles.create': WORKFLOW.edit.roles,
    'articles.import': IMPORTERS,
    'categories.manage': CATEGORY_KEEPERS,
    ...Object.fromEntries(ACTIONS.map((a) => [`articles.${a}`, WORKFLOW[a].roles])),
  };
}

export function articleUrl(unitSlug: string, articleSlug: string): string {
  return `/site/${unitSlug}/bai-viet/${articleSlug}`;
}

interface Actor {
  id: string | null;
  method: 'live' | 'import' | 'system';
}

@Injectable()
export class ArticlesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticlesRepository,
    private readonly categories: CategoriesService,
    private readonly units: UnitsRepository,
    private readonly access: UnitAccess,
    private readonly evidence: EvidenceService,
    private readonly media: MediaStorage,
  ) {}

  async create(principal: Principal, dto: CreateArticleDto): Promise<ArticleResponse> {
    const unit = await this.unit(dto.unitId);
    this.access.assertRole(principal, unit.id, WORKFLOW.edit.roles);
    const featuredImage = dto.featuredImage ? await this.cleanImage(dto.featuredImage, null) : null;
    const attachments = await this.cleanAttachments(dto.attachments ?? []);
    return this.dataSource.transaction(async (manager) => {
      await this.categories.resolve(manager, unit.id, dto.categoryIds, 'categoryIds');
      const body = this.cleanBody(dto.bodyHtml);
      const article = manager.getRepository(Article).create({
        unitId: unit.id,
        title: dto.title.normalize('NFC'),
        slug: await this.freeSlug(unit.id, slugFromTitle(dto.title), null, manager),
        summary: (dto.summary ?? '').normalize('NFC'),
        bodyHtml: body,
        tags: this.cleanTags(dto.tags),
        featuredImage,
        attachments,
        radioScript: this.cleanScript(dto.radioScript),
        priority: dto.priority ?? 'normal',
        plannedAirings: dto.plannedAirings ?? 1,
        airingDays: dto.airingDays ?? 7,
        status: 'draft',
        version: 1,
        authorId: principal.id,
      });
      await this.saveUnique(article, manager);
      await this.articles.setCategories(article, dto.categoryIds, manager);
      await this.revise(article, 'create', principal.id, manager);
      return this.toResponse(article, unit, principal);
    });
  }

  async list(principal: Principal, query: ListArticlesQueryDto): Promise<Page<ArticleResponse>> {
    const unit = await this.unit(query.unitId);
    this.access.assertRole(principal, unit.id, READERS);
    const [items, total] = await this.articles.page({
      ...query,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return toPage(
      items.map((a) => this.toResponse(a, unit, principal)),
      total,
      query,
    );
  }

  async get(principal: Principal, id: string): Promise<ArticleResponse> {
    const article = await this.findReadable(principal, id);
    return this.toResponse(article, await this.unit(article.unitId), principal);
  }

  async revisions(principal: Principal, id: string): Promise<ArticleRevisionResponse[]> {
    await this.findReadable(principal, id);
    const rows = await this.articles.revisions(id);
    const names = await this.articles.actorNames(rows.map((r) => r.actorId));
    return rows.map(({ id: revisionId, version, action, actorId, status, content, createdAt }) => ({
      id: revisionId,
      version,
      action,
      actorId,
      actorName: actorId === null ? null : (names.get(actorId) ?? null),
      reason:
        REASONED_REVISIONS.includes(action) && typeof content.reason === 'string' ? content.reason : null,
      status,
      content,
      createdAt,
    }));
  }

  async update(principal: Principal, id: string, dto: UpdateArticleDto): Promise<ArticleResponse> {
    return this.transition(principal, id, 'edit', async (article, unit, manager) => {
      if (dto.version !== article.version) {
        throw ArticlesException.versionConflict(article.version);
      }
      if (dto.categoryIds !== undefined) {
        await this.categories.resolve(manager, unit.id, dto.categoryIds, 'categoryIds');
        await this.articles.setCategories(article, dto.categoryIds, manager);
      }
      if (dto.title !== undefined) {
        article.title = dto.title.normalize('NFC');
        // The address stays what readers and evidence know once the article has been public.
        if (article.firstPublishedAt === null) {
          article.slug = await this.freeSlug(unit.id, slugFromTitle(dto.title), article.id, manager);
        }
      }
      if (dto.summary !== undefined) {
        article.summary = dto.summary.normalize('NFC');
      }
      if (dto.bodyHtml !== undefined) {
        article.bodyHtml = this.cleanBody(dto.bodyHtml);
      }
      if (dto.tags !== undefined) {
        article.tags = this.cleanTags(dto.tags);
      }
      if (dto.featuredImage !== undefined) {
        article.featuredImage = dto.featuredImage
          ? await this.cleanImage(dto.featuredImage, article.featuredImage)
          : null;
      }
      if (dto.attachments !== undefined) {
        article.attachments = await this.cleanAttachments(dto.attachments);
      }
      if (dto.radioScript !== undefined) {
        article.radioScript = this.cleanScript(dto.radioScript);
      }
      if (dto.priority !== undefined) {
        article.priority = dto.priority;
      }
      if (dto.plannedAirings !== undefined) {
        article.plannedAirings = dto.plannedAirings;
      }
      if (dto.airingDays !== undefined) {
        article.airingDays = dto.airingDays;
      }
      if (article.status === 'unpublished') {
        article.status = 'draft';
      }
      // The name revisions have always carried for an edit.
      return 'update';
    });
  }

  /**
   * A wrong reading heard on air, corrected by the radio people or the approver: only `radioScript`
   * changes, the article keeps its state (no new approval), and the revision keeps who and why. The
   * portal shows nothing of the script, so its pages stay as they are. New audio is not made here: the
   * answer says where to ask for it.
   */
  async correctRadioScript(
    principal: Principal,
    id: string,
    dto: CorrectRadioScriptDto,
  ): Promise<RadioScriptCorrectionResponse> {
    const article = await this.transition(principal, id, 'correct-radio-script', async (article) => {
      if (dto.version !== article.version) {
        throw ArticlesException.versionConflict(article.version);
      }
      const script = this.cleanScript(dto.radioScript);
      if (script === null || script === (article.radioScript ?? bodyText(article.bodyHtml))) {
        throw ArticlesException.radioScriptUnchanged();
      }
      article.radioScript = script;
      return { action: 'correct-radio-script', reason: dto.reason.normalize('NFC') };
    });
    return { ...article, requestAudio: { method: 'POST', path: `/api/v1/articles/${article.id}/audio` } };
  }

  submit(principal: Principal, id: string): Promise<ArticleResponse> {
    return this.transition(principal, id, 'submit', async (article) => {
      article.status = 'submitted';
      article.reason = null;
    });
  }

  approve(principal: Principal, id: string): Promise<ArticleResponse> {
    return this.transition(principal, id, 'approve', async (article) => {
      article.status = 'approved';
    });
  }

  reject(principal: Principal, id: string, reason: string): Promise<ArticleResponse> {
    return this.transition(principal, id, 'reject', async (article) => {
      article.status = 'rejected';
      article.reason = reason;
      article.publishAt = null;
    });
  }

  publish(principal: Principal, id: string, dto: PublishArticleDto): Promise<ArticleResponse> {
    const now = new Date();
    const at = dto.publishAt ? new Date(dto.publishAt) : null;
    return this.transition(principal, id, 'publish', async (article, unit, manager) => {
      // Checked after who and which state (403, 409): a stranger learns nothing from the time they sent.
      if (at && at.getTime() <= now.getTime()) {
        throw ArticlesException.publishAtInPast();
      }
      if (at) {
        // Scheduled: it stays approved; the worker publishes it on the first tick after `at`.
        article.status = 'approved';
        article.publishAt = at;
        return 'schedule';
      }
      await this.goPublic(article, unit, { id: principal.id, method: 'live' }, now, manager);
      return 'publish';
    });
  }

  unpublish(principal: Principal, id: string, reason: string): Promise<ArticleResponse> {
    return this.transition(principal, id, 'unpublish', async (article, unit, manager) => {
      const at = new Date();
      article.status = 'unpublished';
      article.reason = reason;
      article.publishedAt = null;
      await notifyPortalChanged(manager, unit.id);
      await this.evidence.record(manager, {
        unitId: unit.id,
        type: 'article.unpublished',
        occurredAt: at,
        actorId: principal.id,
        method: 'live',
        subject: { type: 'article', id: article.id },
        snapshot: { title: article.title, url: articleUrl(unit.slug, article.slug), reason },
      });
    });
  }

  /**
   * Publishes approved articles whose time has come (the worker's tick). Each is its own transaction,
   * so one failure does not hold back the others; rows are taken with SKIP LOCKED.
   */
  async publishDue(now = new Date(), limit = 100): Promise<number> {
    let published = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const [article] = await this.articles.lockDue(now, 1, manager);
        if (!article) {
          return false;
        }
        article.categoryIds = await this.articles.categoryIds(article.id, manager);
        const unit = await this.unit(article.unitId, manager);
        await this.goPublic(article, unit, { id: null, method: 'system' }, new Date(), manager);
        article.version += 1;
        await manager.getRepository(Article).save(article);
        await this.revise(article, 'publish', null, manager);
        return true;
      });
      if (!done) {
        return published;
      }
      published += 1;
      if (published >= limit) {
        return published;
      }
    }
  }

  /** Historical articles from an old portal: published at their original time, evidence marked `import`. */
  async import(principal: Principal, dto: ImportArticlesDto): Promise<ImportArticlesResponse> {
    const unit = await this.unit(dto.unitId);
    this.access.assertRole(principal, unit.id, IMPORTERS);
    const now = Date.now();
    dto.articles.forEach((a, i) => {
      if (new Date(a.publishedAt).getTime() > now) {
        throw ArticlesException.publishedInFuture(i);
      }
    });
    return this.dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      for (const [index, item] of dto.articles.entries()) {
        await this.categories.resolve(manager, unit.id, item.categoryIds, `articles.${index}.categoryIds`);
        const article = manager.getRepository(Article).create({
          unitId: unit.id,
          title: item.title.normalize('NFC'),
          slug: await this.freeSlug(unit.id, slugFromTitle(item.title), null, manager),
          summary: '',
          bodyHtml: this.cleanBody(item.bodyHtml, `articles.${index}.bodyHtml`),
          tags: [],
          radioScript: null,
          priority: 'normal',
          plannedAirings: 0,
          status: 'draft',
          version: 1,
          authorId: principal.id,
          sourceUrl: item.sourceUrl ?? null,
          imported: true,
        });
        await this.saveUnique(article, manager);
        await this.articles.setCategories(article, item.categoryIds, manager);
        await this.goPublic(
          article,
          unit,
          { id: principal.id, method: 'import' },
          new Date(item.publishedAt),
          manager,
        );
        await manager.getRepository(Article).save(article);
        await this.revise(article, 'import', principal.id, manager);
        ids.push(article.id);
      }
      return { imported: ids.length, ids };
    });
  }

  /**
   * The one way an article goes public: status, times, and the evidence row in the caller's transaction.
   * The first publication is `article.published` with `first: true` and the categories as they are now
   * (whether they count as CCHC is what the report counts); a later one is `article.republished`.
   */
  private async goPublic(
    article: Article,
    unit: Unit,
    actor: Actor,
    at: Date,
    manager: EntityManager,
  ): Promise<void> {
    const first = article.firstPublishedAt === null;
    const categories = await this.categories.snapshot(manager, unit.id, article.categoryIds ?? []);
    await notifyPortalChanged(manager, unit.id);
    article.status = 'published';
    article.publishedAt = at;
    article.firstPublishedAt ??= at;
    article.publishAt = null;
    article.reason = null;
    await this.evidence.record(manager, {
      unitId: unit.id,
      type: first ? 'article.published' : 'article.republished',
      occurredAt: at,
      actorId: actor.id,
      method: actor.method,
      subject: { type: 'article', id: article.id },
      snapshot: {
        first,
        title: article.title,
        url: articleUrl(unit.slug, article.slug),
        ...categories,
        ...(article.sourceUrl ? { sourceUrl: article.sourceUrl } : {}),
      },
    });
  }

  /**
   * Runs one workflow step: the article locked, the role and the state checked (403, then 409), the
   * change applied, the version raised, a revision kept, all in one transaction.
   */
  private async transition(
    principal: Principal,
    id: string,
    action: ArticleAction,
    apply: (article: Article, unit: Unit, manager: EntityManager) => Promise<Revised | void>,
  ): Promise<ArticleResponse> {
    return this.dataSource.transaction(async (manager) => {
      const article = await this.articles.find(id, { manager, lock: true });
      if (!article || !this.access.isMember(principal, article.unitId)) {
        throw new NotFoundException('bài viết');
      }
      const rule = WORKFLOW[action];
      if (!this.access.hasRole(principal, article.unitId, rule.roles)) {
        throw new ForbiddenException(`Vai trò của bạn ở đơn vị này không được ${actionOnArticle(action)}`);
      }
      if (!rule.from.includes(article.status)) {
        throw ArticlesException.invalidState(action, article.status, rule.from);
      }
      const unit = await this.unit(article.unitId, manager);
      const revised = (await apply(article, unit, manager)) ?? action;
      article.version += 1;
      await this.saveUnique(article, manager);
      if (typeof revised === 'string') {
        await this.revise(article, revised, principal.id, manager);
      } else {
        await this.revise(article, revised.action, principal.id, manager, revised.reason);
      }
      return this.toResponse(article, unit, principal);
    });
  }

  private async findReadable(principal: Principal, id: string): Promise<Article> {
    const article = await this.articles.find(id);
    if (!article || !this.access.hasRole(principal, article.unitId, READERS)) {
      throw new NotFoundException('bài viết');
    }
    return article;
  }

  private async unit(id: string, manager?: EntityManager): Promise<Unit> {
    const unit = await this.units.findById(id, manager);
    if (!unit) {
      throw new NotFoundException('đơn vị');
    }
    return unit;
  }

  private cleanBody(html: string, field = 'bodyHtml'): string {
    const clean = sanitizeBody(html);
    if (html.trim() !== '' && clean === '') {
      throw ArticlesException.emptyBody(field);
    }
    return clean;
  }

  private cleanTags(tags: string[] | undefined): string[] {
    return [...new Set((tags ?? []).map((t) => t.normalize('NFC').trim()).filter(Boolean))];
  }

  private cleanScript(script: string | null | undefined): string | null {
    const text = script?.normalize('NFC').trim();
    return text ? text : null;
  }

  /** `base`, or `base-2`, `base-3`… : the first slug free in the unit. */
  private async freeSlug(
    unitId: string,
    base: string,
    exceptId: string | null,
    manager: EntityManager,
  ): Promise<string> {
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? base : `${base.slice(0, 95)}-${n}`;
      if (!(await this.articles.slugTaken(unitId, candidate, exceptId, manager))) {
        return candidate;
      }
    }
  }

  /**
   * Two editors saving the same new title at once: both found the slug free, so the second insert hits
   * the unique index. It gets the slug with a random suffix instead of a 500 (in a savepoint, retried).
   */
  private async saveUnique(article: Article, manager: EntityManager): Promise<void> {
    const base = article.slug;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await manager.transaction(async (inner) => {
          await inner.getRepository(Article).save(article);
        });
        return;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) {
          throw error;
        }
        article.slug = `${base.slice(0, 90)}-${randomBytes(3).toString('hex')}`;
      }
    }
  }

  /** The size of an uploaded file, or undefined when nothing is stored at that address. */
  private async storedBytes(url: string): Promise<number | undefined> {
    return (await this.media.stat(url.slice(MEDIA_URL_PREFIX.length)))?.bytes;
  }

  /** A featured image must be one that was uploaded (the DTO has checked the form of its address). */
  private async cleanImage(image: ArticleImageDto, before: ArticleImage | null): Promise<ArticleImage> {
    if ((await this.storedBytes(image.url)) === undefined) {
      const message = 'Ảnh đại diện (featuredImage.url) không có trong kho ảnh: hãy tải ảnh lên trước';
      throw new ValidationException([{ field: 'featuredImage.url', message }], message);
    }
    const thumbnailUrl =
      before?.url === image.url ? before.thumbnailUrl : await makeThumbnail(this.media, image.url);
    return { url: image.url, alt: (image.alt ?? '').normalize('NFC'), thumbnailUrl };
  }

  /**
   * Attached documents must have been uploaded (`POST /units/:unitId/files`), each once, under a name that
   * can be downloaded as it is (the same rule as `?download=`, with the file's own extension).
   */
  private async cleanAttachments(files: ArticleAttachmentDto[]): Promise<ArticleAttachment[]> {
    const seen = new Set<string>();
    const cleaned: ArticleAttachment[] = [];
    for (const [i, file] of files.entries()) {
      const field = `attachments.${i}`;
      if (seen.has(file.url)) {
        const message = `Tệp đính kèm (${field}.url) đã có trong danh sách`;
        throw new ValidationException([{ field: `${field}.url`, message }], message);
      }
      seen.add(file.url);
      const bytes = await this.storedBytes(file.url);
      if (bytes === undefined) {
        const message = `Tệp đính kèm (${field}.url) không có trong kho: hãy tải tệp lên trước`;
        throw new ValidationException([{ field: `${field}.url`, message }], message);
      }
      const name = checkDownloadName(file.name, file.url);
      if (name.error !== undefined) {
        const message = `Tên tệp đính kèm (${field}.name): ${name.error}`;
        throw new ValidationException([{ field: `${field}.name`, message }], message);
      }
      cleaned.push({ url: file.url, name: name.name, bytes });
    }
    return cleaned;
  }

  /** Keeps the article as it is now; `reason` is the step's own when it has one (else the article's). */
  private async revise(
    article: Article,
    action: string,
    actorId: string | null,
    manager: EntityManager,
    reason: string | null = article.reason,
  ): Promise<void> {
    await this.articles.addRevision(
      {
        unitId: article.unitId,
        articleId: article.id,
        version: article.version,
        action,
        actorId,
        status: article.status,
        content: {
          title: article.title,
          slug: article.slug,
          summary: article.summary,
          bodyHtml: article.bodyHtml,
          categoryIds: article.categoryIds ?? [],
          tags: article.tags,
          featuredImage: article.featuredImage,
          attachments: article.attachments,
          radioScript: article.radioScript,
          reason,
          publishAt: article.publishAt,
        },
      },
      manager,
    );
  }

  /** The workflow actions the caller may take on the article now: their roles and its state, as checked. */
  private allowedActions(article: Article, principal: Principal): ArticleAction[] {
    return ACTIONS.filter(
      (a) =>
        WORKFLOW[a].from.includes(article.status) &&
        this.access.hasRole(principal, article.unitId, WORKFLOW[a].roles),
    );
  }

  private toResponse(article: Article, unit: Unit, principal: Principal): ArticleResponse {
    return {
      id: article.id,
      unitId: article.unitId,
      title: article.title,
      slug: article.slug,
      summary: article.summary,
      bodyHtml: article.bodyHtml,
      categoryIds: article.categoryIds ?? [],
      tags: article.tags,
      featuredImage: article.featuredImage && {
        url: article.featuredImage.url,
        alt: article.featuredImage.alt,
        thumbnailUrl: article.featuredImage.thumbnailUrl,
      },
      attachments: (article.attachments ?? []).map((file) => ({
        ...file,
        downloadUrl: `${file.url}?download=${encodeURIComponent(file.name)}`,
      })),
      radioScript: article.radioScript ?? bodyText(article.bodyHtml),
      radioScriptEdited: article.radioScript !== null,
      priority: article.priority,
      plannedAirings: article.plannedAirings,
      airingDays: article.airingDays,
      status: article.status,
      version: article.version,
      authorId: article.authorId,
      publishAt: article.publishAt,
      publishedAt: article.publishedAt,
      firstPublishedAt: article.firstPublishedAt,
      reason: article.reason,
      sourceUrl: article.sourceUrl,
      imported: article.imported,
      url: articleUrl(unit.slug, article.slug),
      allowedActions: this.allowedActions(article, principal),
      createdAt: article.createdAt,
      updatedAt: article.updatedAt,
    };
  }
}
