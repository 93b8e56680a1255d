import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { startOfVietnamDay } from '@app/common';
import { Article, ArticleCategory, ArticleRevision, ArticleStatus } from './article.entity';

export interface ArticleFilter {
  unitId: string;
  status?: ArticleStatus;
  categoryId?: string;
  authorId?: string;
  q?: string;
  from?: string;
  to?: string;
  skip: number;
  take: number;
}

/** The search document; the same expression as the GIN index ix_articles_search (migration ArticlesFoundation). */
const SEARCH_DOCUMENT = 'article_search_document(a.title, a.summary, a.body_html)';
const SEARCH_QUERY = `plainto_tsquery('simple', immutable_unaccent(lower(:q)))`;

/** Thin queries over articles; every one filters by unit (design.md §8). */
@Injectable()
export class ArticlesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The article with its category ids; `lock` takes it FOR UPDATE in the caller's transaction. */
  async find(id: string, options: { manager?: EntityManager; lock?: boolean } = {}): Promise<Article | null> {
    const m = this.manager(options.manager);
    const article = await m.getRepository(Article).findOne({
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (article) {
      article.categoryIds = await this.categoryIds(article.id, m);
    }
    return article;
  }

  async categoryIds(articleId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await this.manager(manager)
      .getRepository(ArticleCategory)
      .find({ where: { articleId }, order: { categoryId: 'ASC' } });
    return rows.map((r) => r.categoryId);
  }

  async setCategories(article: Article, categoryIds: string[], manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(ArticleCategory);
    await repo.delete({ articleId: article.id });
    if (categoryIds.length > 0) {
      await repo.insert(
        categoryIds.map((categoryId) => ({ articleId: article.id, categoryId, unitId: article.unitId })),
      );
    }
    article.categoryIds = [...categoryIds].sort();
  }

  async slugTaken(
    unitId: string,
    slug: string,
    exceptId: string | null,
    manager: EntityManager,
  ): Promise<boolean> {
    const qb = manager
      .getRepository(Article)
      .createQueryBuilder('a')
      .where('a.unit_id = :unitId AND a.slug = :slug', { unitId, slug });
    if (exceptId) {
      qb.andWhere('a.id <> :exceptId', { exceptId });
    }
    return (await qb.getCount()) > 0;
  }

  async page(filter: ArticleFilter): Promise<[Article[], number]> {
    const qb = this.dataSource
      .getRepository(Article)
      .createQueryBuilder('a')
      .where('a.unit_id = :unitId', filter);
    if (filter.status) {
      qb.andWhere('a.status = :status', { status: filter.status });
    }
    if (filter.authorId) {
      qb.andWhere('a.author_id = :authorId', { authorId: filter.authorId });
    }
    if (filter.categoryId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM article_categories ac WHERE ac.unit_id = a.unit_id AND ac.article_id = a.id AND ac.category_id = :categoryId)',
        { categoryId: filter.categoryId },
      );
    }
    if (filter.from) {
      qb.andWhere('a.updated_at >= :from', { from: startOfVietnamDay(filter.from) });
    }
    if (filter.to) {
      const end = startOfVietnamDay(filter.to);
      end.setUTCDate(end.getUTCDate() + 1);
      qb.andWhere('a.updated_at < :to', { to: end });
    }
    if (filter.q) {
      qb.andWhere(`${SEARCH_DOCUMENT} @@ ${SEARCH_QUERY}`, { q: filter.q })
        .addSelect(`ts_rank(${SEARCH_DOCUMENT}, ${SEARCH_QUERY})`, 'rank')
        .orderBy('rank', 'DESC')
        .addOrderBy('a.updated_at', 'DESC');
    } else {
      qb.orderBy('a.updated_at', 'DESC');
    }
    const [items, total] = await qb.addOrderBy('a.id').skip(filter.skip).take(filter.take).getManyAndCount();
    const ids = items.map((a) => a.id);
    if (ids.length > 0) {
      const links = await this.dataSource
        .getRepository(ArticleCategory)
        .createQueryBuilder('ac')
        .where('ac.unit_id = :unitId AND ac.article_id IN (:...ids)', { unitId: filter.unitId, ids })
        .getMany();
      for (const article of items) {
        article.categoryIds = links
          .filter((l) => l.articleId === article.id)
          .map((l) => l.categoryId)
          .sort();
      }
    }
    return [items, total];
  }

  async addRevision(
    revision: Omit<ArticleRevision, 'id' | 'createdAt' | 'article'>,
    manager: EntityManager,
  ): Promise<void> {
    const repo = manager.getRepository(ArticleRevision);
    await repo.save(repo.create(revision));
  }

  revisions(articleId: string): Promise<ArticleRevision[]> {
    return this.dataSource
      .getRepository(ArticleRevision)
      .find({ where: { articleId }, order: { version: 'DESC' } });
  }

  /**
   * The full names of the people who made revisions, by id (the system's own steps have none). Read by
   * SQL from libs/auth's table, as the portal reads ours: the module map keeps articles from importing auth.
   */
  async actorNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) {
      return new Map();
    }
    const rows: { id: string; fullName: string }[] = await this.dataSource.query(
      'SELECT id, full_name AS "fullName" FROM users WHERE id = ANY($1::uuid[])',
      [wanted],
    );
    return new Map(rows.map((r) => [r.id, r.fullName]));
  }

  /** Approved articles whose publication time has come, locked so that two workers never take the same. */
  async lockDue(now: Date, limit: number, manager: EntityManager): Promise<Article[]> {
    return manager
      .getRepository(Article)
      .createQueryBuilder('a')
      .where(`a.status = 'approved' AND a.publish_at IS NOT NULL AND a.publish_at <= :now`, { now })
      .orderBy('a.publish_at')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }
}
