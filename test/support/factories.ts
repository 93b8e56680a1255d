import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Article, type ArticleStatus } from '@app/articles';
import type { Principal, Role } from '@app/common';
import type { TestApi } from './api';

const suffix = (): string => randomBytes(4).toString('hex');

/** A unit made through the API, with unique code and slug. */
export async function createUnit(
  api: TestApi,
  token: string,
  fields: Partial<{ name: string; kind: string; parentId: string; settings: Record<string, unknown> }> = {},
): Promise<{ id: string; code: string; slug: string; name: string; parentId: string | null }> {
  const s = suffix();
  const res = await api.request('POST', '/api/v1/units', {
    token,
    body: {
      code: `U${s}`,
      name: fields.name ?? `UBND xã Thử ${s}`,
      kind: fields.kind ?? 'commune',
      slug: `xa-${s}`,
      ...fields,
    },
  });
  if (res.status !== 201) {
    throw new Error(`createUnit: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** A user made through the API; returns it with its password. */
export async function createUser(
  api: TestApi,
  token: string,
  memberships: { unitId: string; role: string }[],
): Promise<{ id: string; username: string; password: string }> {
  const username = `nguoidung.${suffix()}`;
  const password = `mat-khau-${suffix()}`;
  const res = await api.request('POST', '/api/v1/users', {
    token,
    body: { username, password, fullName: 'Nguyễn Văn Thử', memberships },
  });
  if (res.status !== 201) {
    throw new Error(`createUser: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { id: res.body.id, username, password };
}

/** The token of a new user holding one role in one unit. */
export async function memberToken(
  api: TestApi,
  adminToken: string,
  unitId: string,
  role: string,
): Promise<string> {
  const user = await createUser(api, adminToken, [{ unitId, role }]);
  return api.login(user.username, user.password);
}

/**
 * An article made through the API in one of the unit's categories (the one with `categorySlug`, else the first
 * listed) and taken through submit, approve and publish, each answer checked.
 */
export async function publishArticle(
  api: TestApi,
  token: string,
  unitId: string,
  fields: { title: string; bodyHtml?: string; summary?: string; categorySlug?: string },
): Promise<{ id: string; slug: string }> {
  const categories = (await api.request('GET', `/api/v1/units/${unitId}/categories`, { token })).body as {
    id: string;
    slug: string;
  }[];
  const category =
    fields.categorySlug === undefined
      ? categories[0]
      : categories.find((c) => c.slug === fields.categorySlug);
  const created = await api.request('POST', '/api/v1/articles', {
    token,
    body: {
      unitId,
      title: fields.title,
      summary: fields.summary,
      bodyHtml: fields.bodyHtml ?? '<p>Nội dung</p>',
      categoryIds: [category!.id],
    },
  });
  expect(created.status).toBe(201);
  for (const step of ['submit', 'approve', 'publish']) {
    const res = await api.request('POST', `/api/v1/articles/${created.body.id}/${step}`, { token, body: {} });
    expect(res.status).toBe(200);
  }
  return { id: created.body.id, slug: created.body.slug };
}

// --- Rows straight into a database, for service-level tests (no api) --------------------------------------

/** A unit row with unique code and slug; returns its id and slug. */
export async function makeUnit(db: DataSource, fields: Partial<{ name: string; kind: string }> = {}) {
  const id = randomUUID();
  const s = suffix();
  const slug = `xa-${s}`;
  await db.query(`INSERT INTO units (id, code, name, kind, slug) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    `U${s}`,
    fields.name ?? `UBND xã Thử ${s}`,
    fields.kind ?? 'commune',
    slug,
  ]);
  return { id, slug };
}

/** Someone holding one role in one unit, as the AuthGuard would hand it to a service. */
export function principalFor(unitId: string, role: Role | null, fields: Partial<Principal> = {}): Principal {
  return {
    id: randomUUID(),
    username: `nguoidung.${suffix()}`,
    fullName: 'Nguyễn Văn Thử',
    isSystemAdmin: false,
    memberships: role === null ? [] : [{ unitId, role }],
    ...fields,
  };
}

/**
 * An article row in any workflow state, written as the workflow would have left it (a published one has
 * its publication times, a rejected or unpublished one its reason), without going through the steps.
 */
export async function makeArticle(
  db: DataSource,
  fields: { unitId: string; status: ArticleStatus } & Partial<
    Pick<Article, 'title' | 'bodyHtml' | 'authorId' | 'version' | 'publishAt' | 'radioScript'>
  >,
): Promise<Article> {
  const s = suffix();
  const now = new Date();
  const wasPublic = fields.status === 'published' || fields.status === 'unpublished';
  const repository = db.getRepository(Article);
  return repository.save(
    repository.create({
      title: `Tin thử ${s}`,
      slug: `tin-thu-${s}`,
      bodyHtml: '<p>Nội dung thử</p>',
      authorId: randomUUID(),
      version: 1,
      publishedAt: fields.status === 'published' ? now : null,
      firstPublishedAt: wasPublic ? now : null,
      reason: fields.status === 'rejected' || fields.status === 'unpublished' ? 'Lý do thử' : null,
      ...fields,
    }),
  );
}
