import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { makeArticle } from './factories';

/**
 * A ready audio row of a unit, written as the worker leaves it (status ready, a file key, duration), for tests
 * of what comes after production (plans, airings, reports). The file itself is not written unless `fileKey`
 * names one the test stored.
 */
export async function makeReadyAudio(
  db: DataSource,
  fields: {
    unitId: string;
    title?: string;
    articleId?: string | null;
    categoryId?: string | null;
    durationMs?: number;
    readyAt?: Date;
    kind?: 'speech' | 'upload';
    fileKey?: string;
    bytes?: number;
  },
): Promise<{ id: string; fileKey: string }> {
  const id = randomUUID();
  const sha = randomBytes(32).toString('hex');
  const fileKey = fields.fileKey ?? `audio/${sha}.mp3`;
  await db.query(
    `INSERT INTO audios (id, unit_id, article_id, category_id, title, kind, status, requested_provider, provider,
                         file_key, sha256, bytes, duration_ms, ready_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'ready', 'espeak', $7, $8, $9, $10, $11, $12, $12)`,
    [
      id,
      fields.unitId,
      fields.articleId ?? null,
      fields.categoryId ?? null,
      fields.title ?? `Bản tin ${id.slice(0, 8)}`,
      fields.kind ?? (fields.articleId ? 'speech' : 'upload'),
      fields.kind === 'upload' || !fields.articleId ? 'upload' : 'espeak',
      fileKey,
      sha,
      fields.bytes ?? 64_000,
      fields.durationMs ?? 60_000,
      fields.readyAt ?? new Date(),
    ],
  );
  return { id, fileKey };
}

/**
 * An approved (or published) article in one of the unit's categories, with a ready audio: a radio piece a plan
 * may use.
 */
export async function makeRadioPiece(
  db: DataSource,
  fields: {
    unitId: string;
    title?: string;
    status?: 'approved' | 'published' | 'draft' | 'submitted';
    categorySlug?: string;
    priority?: 'normal' | 'priority';
    plannedAirings?: number;
    airingDays?: number;
    durationMs?: number;
    readyAt?: Date;
  },
): Promise<{ articleId: string; audioId: string; title: string }> {
  const article = await makeArticle(db, {
    unitId: fields.unitId,
    status: fields.status ?? 'approved',
    title: fields.title,
  });
  await db.query(`UPDATE articles SET priority = $2, planned_airings = $3, airing_days = $4 WHERE id = $1`, [
    article.id,
    fields.priority ?? 'normal',
    fields.plannedAirings ?? 1,
    fields.airingDays ?? 7,
  ]);
  const category: { id: string }[] = await db.query(
    `SELECT id FROM categories WHERE unit_id = $1 AND slug = $2`,
    [fields.unitId, fields.categorySlug ?? 'cai-cach-hanh-chinh'],
  );
  if (category[0]) {
    await db.query(`INSERT INTO article_categories (article_id, category_id, unit_id) VALUES ($1, $2, $3)`, [
      article.id,
      category[0].id,
      fields.unitId,
    ]);
  }
  const audio = await makeReadyAudio(db, {
    unitId: fields.unitId,
    articleId: article.id,
    title: article.title,
    durationMs: fields.durationMs,
    readyAt: fields.readyAt,
    kind: 'speech',
  });
  return { articleId: article.id, audioId: audio.id, title: article.title };
}
