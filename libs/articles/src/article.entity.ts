import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Unit } from '@app/units';

export const ARTICLE_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'published',
  'unpublished',
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** The featured image (ảnh đại diện): an image uploaded through `/units/:unitId/images`. */
export interface ArticleImage {
  url: string;
  /** What the image shows, for people who cannot see it; the title when left empty. */
  alt: string;
  /** A small JPEG of it for lists (thumbnail.ts). */
  thumbnailUrl: string;
}

/** A document listed under the article: uploaded through `/units/:unitId/files`. */
export interface ArticleAttachment {
  url: string;
  /** The name it is listed and downloaded under. */
  name: string;
  bytes: number;
}

export const ARTICLE_PRIORITIES = ['normal', 'priority'] as const;
export type ArticlePriority = (typeof ARTICLE_PRIORITIES)[number];

/**
 * A tin bài (design.md §4). The body is sanitized HTML; the slug is unique in the unit and frozen at the
 * first publication. Every change raises `version` (optimistic locking) and keeps a revision.
 */
@Entity('articles')
@Index('uq_articles_unit_slug', ['unitId', 'slug'], { unique: true })
@Index('ix_articles_unit_status_published', ['unitId', 'status', 'publishedAt'])
@Index('ix_articles_unit_updated', ['unitId', 'updatedAt'])
@Index('ix_articles_due', ['publishAt'], { where: `status = 'approved' AND publish_at IS NOT NULL` })
// Full-text search over unaccented text: an expression index made by the migration (see ArticlesRepository).
@Index('ix_articles_search', { synchronize: false })
export class Article {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_articles_unit_id' })
  unit?: Unit;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 120 })
  slug!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  @Column({ type: 'text' })
  bodyHtml!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'jsonb', nullable: true })
  featuredImage!: ArticleImage | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments!: ArticleAttachment[];

  /** The text to be spoken; null while it is derived from the body. */
  @Column({ type: 'text', nullable: true })
  radioScript!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'normal' })
  priority!: ArticlePriority;

  @Column({ type: 'integer', default: 1 })
  plannedAirings!: number;

  /** Over how many days, from the first day it is planned, the planned airings are spread (M of "N over M"). */
  @Column({ type: 'integer', default: 7 })
  airingDays!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: ArticleStatus;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  authorId!: string;

  /** When an approved article is scheduled to go public (the worker publishes it). */
  @Column({ type: 'timestamptz', nullable: true })
  publishAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstPublishedAt!: Date | null;

  /** Why an approver sent it back, or took it down; cleared when it moves on. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  sourceUrl!: string | null;

  /** Moved from an old portal with its original publication time. */
  @Column({ type: 'boolean', default: false })
  imported!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** Filled by the repository from article_categories. */
  categoryIds?: string[];
}

/** Which categories an article is in. Carries unit_id like every table of a unit's data (design.md §8). */
@Entity('article_categories')
@Index('ix_article_categories_category', ['unitId', 'categoryId'])
export class ArticleCategory {
  @Column({ type: 'uuid', primary: true })
  articleId!: string;

  @Column({ type: 'uuid', primary: true })
  categoryId!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Article, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'fk_article_categories_article_id' })
  article?: Article;

  @ManyToOne('Category', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_article_categories_category_id' })
  category?: unknown;
}

/** The article as it was after each save or transition. */
@Entity('article_revisions')
@Index('uq_article_revisions_article_version', ['articleId', 'version'], { unique: true })
export class ArticleRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @Column({ type: 'uuid' })
  articleId!: string;

  @ManyToOne(() => Article, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'fk_article_revisions_article_id' })
  article?: Article;

  @Column({ type: 'integer' })
  version!: number;

  /** create, update, submit, approve, reject, publish, schedule, unpublish, import. */
  @Column({ type: 'varchar', length: 30 })
  action!: string;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: ArticleStatus;

  /** {title, summary, bodyHtml, categoryIds, tags, radioScript, reason}. */
  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
