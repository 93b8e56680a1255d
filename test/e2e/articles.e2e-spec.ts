import { randomBytes, randomUUID } from 'node:crypto';
import { startApi, TestApi, TestResponse } from '../support/api';
import { UUID, expectError } from '../support/expectations';
import { createUnit, createUser } from '../support/factories';

const suffix = (): string => randomBytes(4).toString('hex');

type Status = 'draft' | 'submitted' | 'approved' | 'rejected' | 'published' | 'unpublished';
type Action = 'update' | 'submit' | 'approve' | 'reject' | 'publish' | 'unpublish' | 'correct-radio-script';
type Role = 'editor' | 'approver' | 'admin' | 'operator' | 'reporter';

/**
 * The workflow as design.md §4 states it, written out here on purpose (not imported from the service):
 * the matrix below checks the service against this table.
 */
const SPEC: Record<Action, { roles: Role[]; from: Status[] }> = {
  update: { roles: ['editor', 'admin'], from: ['draft', 'rejected', 'unpublished'] },
  submit: { roles: ['editor', 'admin'], from: ['draft', 'rejected', 'unpublished'] },
  approve: { roles: ['approver', 'admin'], from: ['submitted'] },
  reject: { roles: ['approver', 'admin'], from: ['submitted', 'approved'] },
  publish: { roles: ['approver', 'admin'], from: ['approved', 'unpublished'] },
  unpublish: { roles: ['approver', 'admin'], from: ['published'] },
  // What the radio says, corrected once the article is decided, without sending it back.
  'correct-radio-script': { roles: ['operator', 'approver', 'admin'], from: ['approved', 'published'] },
};
const ROLES: Role[] = ['editor', 'approver', 'admin', 'operator', 'reporter'];
const ACTIONS: Action[] = [
  'update',
  'submit',
  'approve',
  'reject',
  'publish',
  'unpublish',
  'correct-radio-script',
];
const STATUSES: Status[] = ['draft', 'submitted', 'approved', 'rejected', 'published', 'unpublished'];

/** Where each allowed action leaves the article (editing an unpublished article sends it back to draft). */
function statusAfter(action: Action, from: Status): Status {
  switch (action) {
    case 'update':
      return from === 'unpublished' ? 'draft' : from;
    case 'submit':
      return 'submitted';
    case 'approve':
      return 'approved';
    case 'reject':
      return 'rejected';
    case 'publish':
      return 'published';
    case 'unpublish':
      return 'unpublished';
    case 'correct-radio-script':
      return from;
  }
}

/** The shortest way (as an admin of the unit) from a new draft to each state. */
const PATH_TO: Record<Status, Action[]> = {
  draft: [],
  submitted: ['submit'],
  approved: ['submit', 'approve'],
  rejected: ['submit', 'reject'],
  published: ['submit', 'approve', 'publish'],
  unpublished: ['submit', 'approve', 'publish', 'unpublish'],
};

interface Article {
  id: string;
  unitId: string;
  title: string;
  slug: string;
  summary: string;
  bodyHtml: string;
  categoryIds: string[];
  radioScript: string;
  radioScriptEdited: boolean;
  status: Status;
  version: number;
  authorId: string;
  publishAt: string | null;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  reason: string | null;
  sourceUrl: string | null;
  imported: boolean;
  url: string;
  allowedActions: string[];
}

interface Category {
  id: string;
  unitId: string;
  name: string;
  slug: string;
  countsAsCchc: boolean;
  position: number;
}

interface Evidence {
  id: string;
  type: string;
  method: string;
  occurredAt: string;
  actorId: string | null;
  subject: { type: string; id: string };
  snapshot: Record<string, any>;
  seq: number | null;
  hash: string | null;
}

interface Unit {
  id: string;
  slug: string;
}

interface Member {
  id: string;
  token: string;
}

/** Categories of a unit by slug (every unit starts with the five defaults). */
type Categories = Record<string, Category>;

describe('articles (e2e)', () => {
  let api: TestApi;
  let sysAdmin: string;

  beforeAll(async () => {
    api = await startApi();
    sysAdmin = await api.adminToken();
  });
  afterAll(async () => {
    await api.close();
  });

  /** A user with one role in a unit, logged in. */
  async function member(unitId: string, role: Role): Promise<Member> {
    const user = await createUser(api, sysAdmin, [{ unitId, role }]);
    return { id: user.id, token: await api.login(user.username, user.password) };
  }

  async function categoriesOf(unitId: string): Promise<Categories> {
    const res = await api.request('GET', `/api/v1/units/${unitId}/categories`, { token: sysAdmin });
    if (res.status !== 200) {
      throw new Error(`categories: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return Object.fromEntries((res.body as Category[]).map((c) => [c.slug, c]));
  }

  /** A unit with its categories. */
  async function unitWithCategories(): Promise<{ unit: Unit; cats: Categories }> {
    const unit = await createUnit(api, sysAdmin);
    return { unit, cats: await categoriesOf(unit.id) };
  }

  function expectStatus(res: TestResponse, status: number): void {
    // The body is part of the failure message.
    expect({ status: res.status, body: res.body }).toEqual({ status, body: res.body });
  }

  /** A new draft through POST /articles (201). */
  async function newArticle(
    token: string,
    unitId: string,
    categoryIds: string[],
    fields: Record<string, unknown> = {},
  ): Promise<Article> {
    const res = await api.request('POST', '/api/v1/articles', {
      token,
      body: {
        unitId,
        title: `Tin thử nghiệm ${suffix()}`,
        bodyHtml: '<p>Nội dung tin thử nghiệm.</p>',
        categoryIds,
        ...fields,
      },
    });
    expectStatus(res, 201);
    return res.body as Article;
  }

  /** One workflow action on the article as it was last seen (the version it carries is sent by update). */
  function act(
    token: string,
    article: Article,
    action: Action,
    body: Record<string, unknown> = {},
  ): Promise<TestResponse> {
    switch (action) {
      case 'update':
        return api.request('PATCH', `/api/v1/articles/${article.id}`, {
          token,
          body: { summary: `Đã sửa ${suffix()}`, version: article.version, ...body },
        });
      case 'reject':
      case 'unpublish':
        return api.request('POST', `/api/v1/articles/${article.id}/${action}`, {
          token,
          body: { reason: 'Cần bổ sung nguồn trích dẫn', ...body },
        });
      case 'submit':
      case 'approve':
      case 'publish':
        return api.request('POST', `/api/v1/articles/${article.id}/${action}`, { token, body });
      case 'correct-radio-script':
        return api.request('PUT', `/api/v1/articles/${article.id}/radio-script`, {
          token,
          body: {
            radioScript: `Lời đọc đã sửa ${suffix()}`,
            reason: 'Máy đọc sai tên riêng',
            version: article.version,
            ...body,
          },
        });
    }
  }

  /** Like act, but the action must succeed (200); returns the article after it. */
  async function step(
    token: string,
    article: Article,
    action: Action,
    body: Record<string, unknown> = {},
  ): Promise<Article> {
    const res = await act(token, article, action, body);
    expectStatus(res, 200);
    return res.body as Article;
  }

  /** A fresh article driven to `state` by `token` (an admin of the unit). */
  async function articleIn(
    state: Status,
    token: string,
    unitId: string,
    categoryIds: string[],
    fields: Record<string, unknown> = {},
  ): Promise<Article> {
    let article = await newArticle(token, unitId, categoryIds, fields);
    for (const action of PATH_TO[state]) {
      article = await step(token, article, action);
    }
    expect(article.status).toBe(state);
    return article;
  }

  async function getArticle(token: string, id: string): Promise<Article> {
    const res = await api.request('GET', `/api/v1/articles/${id}`, { token });
    expectStatus(res, 200);
    return res.body as Article;
  }

  async function list(token: string, query: string): Promise<{ items: Article[]; total: number }> {
    const res = await api.request('GET', `/api/v1/articles?${query}`, { token });
    expectStatus(res, 200);
    return res.body;
  }

  const ids = (page: { items: Article[] }): string[] => page.items.map((a) => a.id);

  async function countArticles(unitId: string): Promise<number> {
    return (await list(sysAdmin, `unitId=${unitId}`)).total;
  }

  /** The unit's evidence rows, optionally of one type and about one article. */
  async function evidenceOf(unitId: string, type?: string, articleId?: string): Promise<Evidence[]> {
    const res = await api.request(
      'GET',
      `/api/v1/evidence?unitId=${unitId}&pageSize=200${type ? `&type=${type}` : ''}`,
      { token: sysAdmin },
    );
    expectStatus(res, 200);
    const rows = res.body.items as Evidence[];
    return articleId ? rows.filter((r) => r.subject.type === 'article' && r.subject.id === articleId) : rows;
  }

  async function verify(unitId: string): Promise<{ ok: boolean; checked: number; pending?: number }> {
    const res = await api.request('GET', `/api/v1/evidence/verify?unitId=${unitId}`, { token: sysAdmin });
    expectStatus(res, 200);
    return res.body;
  }

  describe('categories', () => {
    it('every new unit has the five default categories, in order, two of them counting as CCHC', async () => {
      const unit = await createUnit(api, sysAdmin);
      const reporter = await member(unit.id, 'reporter');
      const res = await api.request('GET', `/api/v1/units/${unit.id}/categories`, { token: reporter.token });
      expect(res.status).toBe(200);
      expect(
        (res.body as Category[]).map(({ name, slug, countsAsCchc, position, unitId }) => ({
          name,
          slug,
          countsAsCchc,
          position,
          unitId,
        })),
      ).toEqual(
        [
          { name: 'Cải cách hành chính', slug: 'cai-cach-hanh-chinh', countsAsCchc: true, position: 0 },
          { name: 'Tin thủ tục hành chính', slug: 'thu-tuc-hanh-chinh', countsAsCchc: true, position: 1 },
          { name: 'Chuyển đổi số', slug: 'chuyen-doi-so', countsAsCchc: false, position: 2 },
          {
            name: 'Phổ biến giáo dục pháp luật',
            slug: 'pho-bien-giao-duc-phap-luat',
            countsAsCchc: false,
            position: 3,
          },
          { name: 'Tin hoạt động', slug: 'tin-hoat-dong', countsAsCchc: false, position: 4 },
        ].map((c) => ({ ...c, unitId: unit.id })),
      );
      expect((res.body as Category[]).every((c) => UUID.test(c.id))).toBe(true);
    });

    it('a unit admin adds a category (slug from the Vietnamese name, last position); it can be used at once', async () => {
      const unit = await createUnit(api, sysAdmin);
      const admin = await member(unit.id, 'admin');
      const res = await api.request('POST', `/api/v1/units/${unit.id}/categories`, {
        token: admin.token,
        body: { name: 'An ninh trật tự', countsAsCchc: true },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.stringMatching(UUID),
        unitId: unit.id,
        name: 'An ninh trật tự',
        slug: 'an-ninh-trat-tu',
        countsAsCchc: true,
        position: 5,
      });
      const cats = await categoriesOf(unit.id);
      expect(Object.keys(cats)).toHaveLength(6);
      const article = await newArticle(admin.token, unit.id, [res.body.id]);
      expect(article.categoryIds).toEqual([res.body.id]);
    });

    it('refuses a duplicate slug (409 CATEGORY_SLUG_TAKEN), an editor (403) and a user of another unit (403)', async () => {
      const unit = await createUnit(api, sysAdmin);
      const other = await createUnit(api, sysAdmin);
      const admin = await member(unit.id, 'admin');
      const editor = await member(unit.id, 'editor');
      const outsider = await member(other.id, 'admin');
      expectError(
        await api.request('POST', `/api/v1/units/${unit.id}/categories`, {
          token: admin.token,
          body: { name: 'CCHC', slug: 'cai-cach-hanh-chinh', countsAsCchc: true },
        }),
        409,
        'CATEGORY_SLUG_TAKEN',
        'slug',
      );
      expectError(
        await api.request('POST', `/api/v1/units/${unit.id}/categories`, {
          token: editor.token,
          body: { name: 'Văn hóa', countsAsCchc: false },
        }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await api.request('POST', `/api/v1/units/${unit.id}/categories`, {
          token: outsider.token,
          body: { name: 'Văn hóa', countsAsCchc: false },
        }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await api.request('GET', `/api/v1/units/${unit.id}/categories`, { token: outsider.token }),
        403,
        'FORBIDDEN',
      );
      expect(Object.keys(await categoriesOf(unit.id))).toHaveLength(5);
    });
  });

  describe('workflow matrix (role × action × starting state)', () => {
    let unit: Unit;
    let cats: Categories;
    let driver: Member;
    const users = {} as Record<Role, Member>;

    beforeAll(async () => {
      ({ unit, cats } = await unitWithCategories());
      driver = await member(unit.id, 'admin');
      for (const role of ROLES) {
        users[role] = await member(unit.id, role);
      }
    });

    const cases = ROLES.flatMap((role) =>
      ACTIONS.flatMap((action) =>
        STATUSES.map((from) => {
          const rule = SPEC[action];
          const expected = !rule.roles.includes(role) ? 403 : rule.from.includes(from) ? 200 : 409;
          return { role, action, from, expected };
        }),
      ),
    );

    it('covers every combination, and each outcome occurs', () => {
      expect(cases).toHaveLength(5 * 7 * 6);
      const outcomes = new Set(cases.map((c) => c.expected));
      expect([...outcomes].sort()).toEqual([200, 403, 409]);
    });

    it.each(cases)('$role: $action from $from → $expected', async ({ role, action, from, expected }) => {
      const before = await articleIn(from, driver.token, unit.id, [cats['cai-cach-hanh-chinh'].id]);
      const res = await act(users[role].token, before, action);
      if (expected === 200) {
        expect({ status: res.status, body: res.body }).toMatchObject({
          status: 200,
          body: { id: before.id, status: statusAfter(action, from), version: before.version + 1 },
        });
        return;
      }
      if (expected === 403) {
        expectError(res, 403, 'FORBIDDEN');
      } else {
        expectError(res, 409, 'INVALID_STATE');
      }
      // Refused: nothing changed.
      const after = await getArticle(driver.token, before.id);
      expect({ status: after.status, version: after.version }).toEqual({
        status: before.status,
        version: before.version,
      });
    });

    it('states allowedActions for the caller, matching the matrix (role × state), in GET, the list and answers', async () => {
      // The api names the edit action "edit" (design.md §6); the matrix calls it by its route, update.
      const name = (a: Action): string => (a === 'update' ? 'edit' : a);
      for (const status of STATUSES) {
        const article = await articleIn(status, driver.token, unit.id, [cats['tin-hoat-dong'].id]);
        for (const role of ROLES) {
          const expected = ACTIONS.filter(
            (a) => SPEC[a].roles.includes(role) && SPEC[a].from.includes(status),
          ).map(name);
          const got = await getArticle(users[role].token, article.id);
          expect({ role, status, allowed: got.allowedActions }).toEqual({ role, status, allowed: expected });
        }
        const sys = await getArticle(sysAdmin, article.id);
        expect(sys.allowedActions).toEqual(ACTIONS.filter((a) => SPEC[a].from.includes(status)).map(name));
      }
      const listed = await list(users.approver.token, `unitId=${unit.id}&status=submitted&pageSize=100`);
      expect(listed.items.length).toBeGreaterThan(0);
      for (const item of listed.items) {
        expect(item.allowedActions).toEqual(['approve', 'reject']);
      }
      // A transition's answer states what comes next.
      const draft = await newArticle(users.editor.token, unit.id, [cats['tin-hoat-dong'].id]);
      expect(draft.allowedActions).toEqual(['edit', 'submit']);
      const submitted = await step(users.editor.token, draft, 'submit');
      expect(submitted.allowedActions).toEqual([]);
    });

    it('the system administrator, member of no unit, may drive the whole workflow', async () => {
      let article = await newArticle(sysAdmin, unit.id, [cats['tin-hoat-dong'].id]);
      for (const action of ['submit', 'approve', 'publish', 'unpublish'] as const) {
        article = await step(sysAdmin, article, action);
      }
      expect(article.status).toBe('unpublished');
      expect(article.version).toBe(5);
    });

    it('a user of another unit gets 404 on GET, revisions, PATCH and every transition, and 403 on the list', async () => {
      const other = await createUnit(api, sysAdmin);
      const outsider = await member(other.id, 'admin');
      const article = await articleIn('submitted', driver.token, unit.id, [cats['tin-hoat-dong'].id]);
      expectError(
        await api.request('GET', `/api/v1/articles/${article.id}`, { token: outsider.token }),
        404,
        'NOT_FOUND',
      );
      expectError(
        await api.request('GET', `/api/v1/articles/${article.id}/revisions`, { token: outsider.token }),
        404,
        'NOT_FOUND',
      );
      for (const action of ACTIONS) {
        expectError(await act(outsider.token, article, action), 404, 'NOT_FOUND');
      }
      expectError(
        await api.request('GET', `/api/v1/articles?unitId=${unit.id}`, { token: outsider.token }),
        403,
        'FORBIDDEN',
      );
      const after = await getArticle(driver.token, article.id);
      expect({ status: after.status, version: after.version }).toEqual({ status: 'submitted', version: 2 });
    });

    it('an unknown article id is 404 (GET and transitions)', async () => {
      const id = randomUUID();
      expectError(
        await api.request('GET', `/api/v1/articles/${id}`, { token: driver.token }),
        404,
        'NOT_FOUND',
      );
      expectError(
        await api.request('POST', `/api/v1/articles/${id}/submit`, { token: driver.token, body: {} }),
        404,
        'NOT_FOUND',
      );
    });

    it('an editor cannot create an article in another unit (403), nor an approver in their own', async () => {
      const other = await unitWithCategories();
      const res = await api.request('POST', '/api/v1/articles', {
        token: users.editor.token,
        body: {
          unitId: other.unit.id,
          title: 'Bài viết lạc đơn vị',
          bodyHtml: '<p>Nội dung</p>',
          categoryIds: [other.cats['cai-cach-hanh-chinh'].id],
        },
      });
      expectError(res, 403, 'FORBIDDEN');
      expect(await countArticles(other.unit.id)).toBe(0);

      const approverTry = await api.request('POST', '/api/v1/articles', {
        token: users.approver.token,
        body: {
          unitId: unit.id,
          title: 'Người duyệt tự viết',
          bodyHtml: '<p>Nội dung</p>',
          categoryIds: [cats['cai-cach-hanh-chinh'].id],
        },
      });
      expectError(approverTry, 403, 'FORBIDDEN');
    });

    it('every member role may read the unit’s articles', async () => {
      const article = await newArticle(driver.token, unit.id, [cats['tin-hoat-dong'].id]);
      for (const role of ROLES) {
        const got = await api.request('GET', `/api/v1/articles/${article.id}`, { token: users[role].token });
        expect({ role, status: got.status, id: got.body.id }).toEqual({ role, status: 200, id: article.id });
        const page = await api.request('GET', `/api/v1/articles?unitId=${unit.id}`, {
          token: users[role].token,
        });
        expect({ role, status: page.status }).toEqual({ role, status: 200 });
      }
    });
  });

  describe('side effects of the transitions', () => {
    let unit: Unit;
    let cats: Categories;
    let editor: Member;
    let approver: Member;

    beforeAll(async () => {
      ({ unit, cats } = await unitWithCategories());
      editor = await member(unit.id, 'editor');
      approver = await member(unit.id, 'approver');
    });

    it('reject sets the reason and the status; submitting again clears the reason', async () => {
      let article = await newArticle(editor.token, unit.id, [cats['cai-cach-hanh-chinh'].id]);
      expect(article.reason).toBeNull();
      article = await step(editor.token, article, 'submit');
      article = await step(approver.token, article, 'reject', { reason: '  Thiếu số liệu năm 2025  ' });
      expect(article).toMatchObject({ status: 'rejected', reason: 'Thiếu số liệu năm 2025' });
      expect(await getArticle(editor.token, article.id)).toMatchObject({
        status: 'rejected',
        reason: 'Thiếu số liệu năm 2025',
      });
      article = await step(editor.token, article, 'update', { bodyHtml: '<p>Đã bổ sung số liệu.</p>' });
      expect(article).toMatchObject({ status: 'rejected', reason: 'Thiếu số liệu năm 2025' });
      article = await step(editor.token, article, 'submit');
      expect(article).toMatchObject({ status: 'submitted', reason: null });
      expect((await getArticle(editor.token, article.id)).reason).toBeNull();
    });

    it('an approved article can still be rejected, with its reason', async () => {
      let article = await newArticle(editor.token, unit.id, [cats['tin-hoat-dong'].id]);
      article = await step(editor.token, article, 'submit');
      article = await step(approver.token, article, 'approve');
      const rejected = await step(approver.token, article, 'reject', { reason: 'Sai tên đơn vị' });
      expect(rejected).toMatchObject({ status: 'rejected', reason: 'Sai tên đơn vị' });
    });

    it('publish sets publishedAt and firstPublishedAt to now', async () => {
      let article = await newArticle(editor.token, unit.id, [cats['cai-cach-hanh-chinh'].id]);
      article = await step(editor.token, article, 'submit');
      article = await step(approver.token, article, 'approve');
      expect(article.publishedAt).toBeNull();
      expect(article.firstPublishedAt).toBeNull();
      const before = Date.now();
      article = await step(approver.token, article, 'publish');
      const after = Date.now();
      expect(article.status).toBe('published');
      expect(article.publishedAt).not.toBeNull();
      expect(article.firstPublishedAt).toBe(article.publishedAt);
      const at = Date.parse(article.publishedAt!);
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(after + 1000);
      expect(await getArticle(editor.token, article.id)).toMatchObject({
        status: 'published',
        publishedAt: article.publishedAt,
        firstPublishedAt: article.publishedAt,
        publishAt: null,
      });
    });

    it('unpublish then publish again keeps firstPublishedAt and records article.republished', async () => {
      let article = await newArticle(editor.token, unit.id, [cats['thu-tuc-hanh-chinh'].id]);
      article = await step(editor.token, article, 'submit');
      article = await step(approver.token, article, 'approve');
      article = await step(approver.token, article, 'publish');
      const first = article.firstPublishedAt!;
      article = await step(approver.token, article, 'unpublish', { reason: 'Tạm gỡ để kiểm tra' });
      expect(article).toMatchObject({
        status: 'unpublished',
        publishedAt: null,
        firstPublishedAt: first,
        reason: 'Tạm gỡ để kiểm tra',
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      article = await step(approver.token, article, 'publish');
      expect(article).toMatchObject({ status: 'published', firstPublishedAt: first, reason: null });
      expect(Date.parse(article.publishedAt!)).toBeGreaterThan(Date.parse(first));

      const rows = await evidenceOf(unit.id, undefined, article.id);
      expect(rows.map((r) => r.type).sort()).toEqual([
        'article.published',
        'article.republished',
        'article.unpublished',
      ]);
      const republished = rows.find((r) => r.type === 'article.republished')!;
      expect(republished.snapshot).toMatchObject({ first: false, url: article.url });
      expect(Date.parse(republished.occurredAt)).toBe(Date.parse(article.publishedAt!));
      expect(rows.find((r) => r.type === 'article.published')!.snapshot.first).toBe(true);
    });

    it('editing an unpublished article sends it back to draft (it must be approved again)', async () => {
      let article = await newArticle(editor.token, unit.id, [cats['tin-hoat-dong'].id]);
      article = await step(editor.token, article, 'submit');
      article = await step(approver.token, article, 'approve');
      article = await step(approver.token, article, 'publish');
      article = await step(approver.token, article, 'unpublish', { reason: 'Thông tin chưa chính xác' });
      article = await step(editor.token, article, 'update', { bodyHtml: '<p>Thông tin đã sửa.</p>' });
      expect(article).toMatchObject({ status: 'draft', bodyHtml: '<p>Thông tin đã sửa.</p>' });
      expectError(await act(approver.token, article, 'publish'), 409, 'INVALID_STATE');
      expect((await getArticle(editor.token, article.id)).status).toBe('draft');
    });

    it('the slug comes from the Vietnamese title; the same title gets -2, then -3 (also typed decomposed)', async () => {
      const { unit: u, cats: c } = await unitWithCategories();
      const ed = await member(u.id, 'editor');
      const title = 'Đẩy mạnh cải cách hành chính';
      const a = await newArticle(ed.token, u.id, [c['cai-cach-hanh-chinh'].id], { title });
      const b = await newArticle(ed.token, u.id, [c['cai-cach-hanh-chinh'].id], { title });
      const d = await newArticle(ed.token, u.id, [c['cai-cach-hanh-chinh'].id], {
        title: title.normalize('NFD'),
      });
      expect(a.slug).toBe('day-manh-cai-cach-hanh-chinh');
      expect(b.slug).toBe('day-manh-cai-cach-hanh-chinh-2');
      expect(d.slug).toBe('day-manh-cai-cach-hanh-chinh-3');
      expect(d.title).toBe(title.normalize('NFC'));
      expect(a.url).toBe(`/site/${u.slug}/bai-viet/day-manh-cai-cach-hanh-chinh`);
      // Slugs are per unit: the same title elsewhere gets the plain slug.
      const elsewhere = await unitWithCategories();
      const e = await newArticle(sysAdmin, elsewhere.unit.id, [elsewhere.cats['tin-hoat-dong'].id], {
        title,
      });
      expect(e.slug).toBe('day-manh-cai-cach-hanh-chinh');
    });

    it('the slug follows title edits before the first publication, and is frozen after it', async () => {
      const { unit: u, cats: c } = await unitWithCategories();
      const ed = await member(u.id, 'editor');
      const ap = await member(u.id, 'approver');
      let article = await newArticle(ed.token, u.id, [c['tin-hoat-dong'].id], { title: 'Tin nháp ban đầu' });
      expect(article.slug).toBe('tin-nhap-ban-dau');
      article = await step(ed.token, article, 'update', { title: 'Họp dân về đất đai' });
      expect(article).toMatchObject({ title: 'Họp dân về đất đai', slug: 'hop-dan-ve-dat-dai' });
      // The old slug is free again.
      const reuse = await newArticle(ed.token, u.id, [c['tin-hoat-dong'].id], { title: 'Tin nháp ban đầu' });
      expect(reuse.slug).toBe('tin-nhap-ban-dau');

      article = await step(ed.token, article, 'submit');
      article = await step(ap.token, article, 'approve');
      article = await step(ap.token, article, 'publish');
      article = await step(ap.token, article, 'unpublish', { reason: 'Đổi tiêu đề' });
      article = await step(ed.token, article, 'update', { title: 'Tiêu đề mới sau khi đăng' });
      expect(article).toMatchObject({
        title: 'Tiêu đề mới sau khi đăng',
        slug: 'hop-dan-ve-dat-dai',
        url: `/site/${u.slug}/bai-viet/hop-dan-ve-dat-dai`,
      });
      expect((await getArticle(ed.token, article.id)).slug).toBe('hop-dan-ve-dat-dai');
    });

    it('every change raises the version by one and keeps a revision, newest first', async () => {
      const original = 'Phiên bản đầu tiên';
      let article = await newArticle(editor.token, unit.id, [cats['cai-cach-hanh-chinh'].id], {
        title: original,
      });
      const versions = [article.version];
      const actions: [Member, Action, Record<string, unknown>][] = [
        [editor, 'update', { title: 'Phiên bản thứ hai' }],
        [editor, 'submit', {}],
        [approver, 'reject', { reason: 'Cần sửa' }],
        [editor, 'update', { summary: 'Tóm tắt mới' }],
        [editor, 'submit', {}],
        [approver, 'approve', {}],
        [approver, 'publish', {}],
        [approver, 'unpublish', { reason: 'Gỡ tạm' }],
        [editor, 'update', { summary: 'Sửa sau khi gỡ' }],
      ];
      for (const [who, action, body] of actions) {
        article = await step(who.token, article, action, body);
        versions.push(article.version);
      }
      expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

      const res = await api.request('GET', `/api/v1/articles/${article.id}/revisions`, {
        token: editor.token,
      });
      expect(res.status).toBe(200);
      const revisions = res.body as {
        version: number;
        action: string;
        actorId: string;
        status: Status;
        content: Record<string, unknown>;
      }[];
      expect(revisions.map((r) => r.version)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
      expect(revisions.map((r) => r.action)).toEqual([
        'update',
        'unpublish',
        'publish',
        'approve',
        'submit',
        'update',
        'reject',
        'submit',
        'update',
        'create',
      ]);
      expect(revisions.map((r) => r.status)).toEqual([
        'draft',
        'unpublished',
        'published',
        'approved',
        'submitted',
        'rejected',
        'rejected',
        'submitted',
        'draft',
        'draft',
      ]);
      expect(revisions.map((r) => r.actorId)).toEqual([
        editor.id,
        approver.id,
        approver.id,
        approver.id,
        editor.id,
        editor.id,
        approver.id,
        editor.id,
        editor.id,
        editor.id,
      ]);
      expect(revisions[9].content).toMatchObject({ title: original });
      expect(revisions[8].content).toMatchObject({ title: 'Phiên bản thứ hai' });
      expect(revisions[6].content).toMatchObject({ reason: 'Cần sửa' });
    });

    it('a PATCH with a stale version is 409 VERSION_CONFLICT naming version, and changes nothing', async () => {
      let article = await newArticle(editor.token, unit.id, [cats['tin-hoat-dong'].id], {
        summary: 'Tóm tắt gốc',
      });
      const stale = article;
      article = await step(editor.token, article, 'update', { summary: 'Người thứ nhất sửa' });
      const res = await act(editor.token, stale, 'update', { summary: 'Người thứ hai sửa' });
      expectError(res, 409, 'VERSION_CONFLICT', 'version');
      const after = await getArticle(editor.token, article.id);
      expect(after).toMatchObject({ version: 2, summary: 'Người thứ nhất sửa' });
      const revisions = await api.request('GET', `/api/v1/articles/${article.id}/revisions`, {
        token: editor.token,
      });
      expect(revisions.body).toHaveLength(2);
      // A version from the future is just as stale.
      expectError(
        await act(editor.token, { ...after, version: 99 }, 'update'),
        409,
        'VERSION_CONFLICT',
        'version',
      );
    });

    it('publish with a future publishAt schedules it: still approved, no evidence yet; reject clears it', async () => {
      let article = await newArticle(editor.token, unit.id, [cats['cai-cach-hanh-chinh'].id]);
      article = await step(editor.token, article, 'submit');
      article = await step(approver.token, article, 'approve');
      const publishAt = new Date(Date.now() + 24 * 3600_000).toISOString();
      article = await step(approver.token, article, 'publish', { publishAt });
      expect(article).toMatchObject({ status: 'approved', publishedAt: null, firstPublishedAt: null });
      expect(Date.parse(article.publishAt!)).toBe(Date.parse(publishAt));
      expect(await evidenceOf(unit.id, undefined, article.id)).toEqual([]);
      const revisions = await api.request('GET', `/api/v1/articles/${article.id}/revisions`, {
        token: editor.token,
      });
      expect(revisions.body[0]).toMatchObject({ action: 'schedule', status: 'approved' });

      article = await step(approver.token, article, 'reject', { reason: 'Chưa đến lúc' });
      expect(article).toMatchObject({ status: 'rejected', publishAt: null });
    });
  });

  describe('at the same time', () => {
    it('two PATCHes of the same version: one is saved, the other is 409 VERSION_CONFLICT', async () => {
      const { unit, cats } = await unitWithCategories();
      const a = await member(unit.id, 'editor');
      const b = await member(unit.id, 'editor');
      const article = await newArticle(a.token, unit.id, [cats['tin-hoat-dong'].id]);
      const results = await Promise.all([
        act(a.token, article, 'update', { summary: 'Bản của A' }),
        act(b.token, article, 'update', { summary: 'Bản của B' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expectError(loser, 409, 'VERSION_CONFLICT', 'version');
      const winner = results.find((r) => r.status === 200)!;
      const after = await getArticle(a.token, article.id);
      expect(after).toMatchObject({ version: 2, summary: winner.body.summary });
    });

    it('two approvers publish the same article at once: one 200, one 409, exactly one evidence row', async () => {
      const { unit, cats } = await unitWithCategories();
      const admin = await member(unit.id, 'admin');
      const a = await member(unit.id, 'approver');
      const b = await member(unit.id, 'approver');
      const article = await articleIn('approved', admin.token, unit.id, [cats['cai-cach-hanh-chinh'].id]);
      const results = await Promise.all([act(a.token, article, 'publish'), act(b.token, article, 'publish')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expectError(
        results.find((r) => r.status === 409)!,
        409,
        'INVALID_STATE',
      );
      expect(await evidenceOf(unit.id, undefined, article.id)).toHaveLength(1);
      expect(await verify(unit.id)).toMatchObject({ ok: true, checked: 1 });
    });

    it('twelve articles with the same title created at once all get distinct slugs, never a 5xx', async () => {
      const { unit, cats } = await unitWithCategories();
      const editors = [await member(unit.id, 'editor'), await member(unit.id, 'editor')];
      const title = 'Thông báo lịch tiếp công dân';
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          api.request('POST', '/api/v1/articles', {
            token: editors[i % 2].token,
            body: {
              unitId: unit.id,
              title,
              bodyHtml: '<p>Lịch tiếp dân.</p>',
              categoryIds: [cats['tin-hoat-dong'].id],
            },
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
      const slugs = results.map((r) => r.body.slug as string);
      expect(new Set(slugs).size).toBe(12);
      expect(slugs).toContain('thong-bao-lich-tiep-cong-dan');
      for (const slug of slugs) {
        expect(slug).toMatch(/^thong-bao-lich-tiep-cong-dan(-[0-9a-z]+)*$/);
      }
      expect(await countArticles(unit.id)).toBe(12);
    });
  });

  describe('evidence', () => {
    it('publish writes exactly one article.published row: first, categories, CCHC, url, method live', async () => {
      const { unit, cats } = await unitWithCategories();
      const editor = await member(unit.id, 'editor');
      const approver = await member(unit.id, 'approver');
      const cchc = cats['cai-cach-hanh-chinh'];
      const activity = cats['tin-hoat-dong'];
      let article = await newArticle(editor.token, unit.id, [activity.id, cchc.id], {
        title: 'Hướng dẫn nộp hồ sơ trực tuyến',
      });
      article = await step(editor.token, article, 'submit');
      article = await step(approver.token, article, 'approve');
      article = await step(approver.token, article, 'publish');
      expect(article.url).toBe(`/site/${unit.slug}/bai-viet/huong-dan-nop-ho-so-truc-tuyen`);

      const rows = await evidenceOf(unit.id, 'article.published', article.id);
      expect(rows).toHaveLength(1);
      const [row] = rows;
      expect(row).toMatchObject({
        type: 'article.published',
        method: 'live',
        actorId: approver.id,
        subject: { type: 'article', id: article.id },
        seq: expect.any(Number),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(Date.parse(row.occurredAt)).toBe(Date.parse(article.publishedAt!));
      expect(row.snapshot).toMatchObject({
        first: true,
        title: 'Hướng dẫn nộp hồ sơ trực tuyến',
        url: `/site/${unit.slug}/bai-viet/huong-dan-nop-ho-so-truc-tuyen`,
        countsAsCchc: true,
      });
      const categories = row.snapshot.categories as { id: string; name: string; countsAsCchc: boolean }[];
      expect([...categories].sort((x, y) => x.name.localeCompare(y.name))).toEqual([
        { id: cchc.id, name: 'Cải cách hành chính', countsAsCchc: true },
        { id: activity.id, name: 'Tin hoạt động', countsAsCchc: false },
      ]);

      // Only non-CCHC categories: the fact does not count as CCHC.
      let digital = await newArticle(editor.token, unit.id, [cats['chuyen-doi-so'].id]);
      digital = await step(editor.token, digital, 'submit');
      digital = await step(approver.token, digital, 'approve');
      digital = await step(approver.token, digital, 'publish');
      const [digitalRow] = await evidenceOf(unit.id, 'article.published', digital.id);
      expect(digitalRow.snapshot).toMatchObject({
        first: true,
        countsAsCchc: false,
        categories: [{ id: cats['chuyen-doi-so'].id, name: 'Chuyển đổi số', countsAsCchc: false }],
      });

      expect(await evidenceOf(unit.id)).toHaveLength(2);
      const verified = await verify(unit.id);
      expect(verified).toMatchObject({ ok: true, checked: 2 });
      expect(verified.pending).toBeUndefined();
    });

    it('the evidence keeps the categories as they were at publication, and counts as CCHC if one does', async () => {
      const { unit, cats } = await unitWithCategories();
      const admin = await member(unit.id, 'admin');
      let article = await newArticle(admin.token, unit.id, [cats['thu-tuc-hanh-chinh'].id]);
      article = await step(admin.token, article, 'submit');
      article = await step(admin.token, article, 'approve');
      article = await step(admin.token, article, 'publish');
      article = await step(admin.token, article, 'unpublish', { reason: 'Đổi chuyên mục' });
      article = await step(admin.token, article, 'update', { categoryIds: [cats['chuyen-doi-so'].id] });
      article = await step(admin.token, article, 'submit');
      article = await step(admin.token, article, 'approve');
      article = await step(admin.token, article, 'publish');
      const rows = await evidenceOf(unit.id, undefined, article.id);
      const published = rows.find((r) => r.type === 'article.published')!;
      const republished = rows.find((r) => r.type === 'article.republished')!;
      expect(published.snapshot).toMatchObject({ first: true, countsAsCchc: true });
      expect(published.snapshot.categories).toEqual([
        { id: cats['thu-tuc-hanh-chinh'].id, name: 'Tin thủ tục hành chính', countsAsCchc: true },
      ]);
      expect(republished.snapshot).toMatchObject({ first: false, countsAsCchc: false });
      expect(republished.snapshot.categories).toEqual([
        { id: cats['chuyen-doi-so'].id, name: 'Chuyển đổi số', countsAsCchc: false },
      ]);
      expect(await verify(unit.id)).toMatchObject({ ok: true, checked: 3 });
    });

    it('unpublish writes article.unpublished with the reason; the chain verifies', async () => {
      const { unit, cats } = await unitWithCategories();
      const admin = await member(unit.id, 'admin');
      const article = await articleIn('published', admin.token, unit.id, [cats['cai-cach-hanh-chinh'].id]);
      const res = await act(admin.token, article, 'unpublish', { reason: 'Thông tin đã hết hiệu lực' });
      expect(res.status).toBe(200);
      const rows = await evidenceOf(unit.id, 'article.unpublished', article.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        type: 'article.unpublished',
        method: 'live',
        actorId: admin.id,
        subject: { type: 'article', id: article.id },
        seq: expect.any(Number),
        snapshot: { title: article.title, url: article.url, reason: 'Thông tin đã hết hiệu lực' },
      });
      expect(await evidenceOf(unit.id, 'article.published', article.id)).toHaveLength(1);
      expect(await verify(unit.id)).toMatchObject({ ok: true, checked: 2 });
    });

    it('refused transitions write no evidence', async () => {
      const { unit, cats } = await unitWithCategories();
      const admin = await member(unit.id, 'admin');
      const editor = await member(unit.id, 'editor');
      const draft = await newArticle(admin.token, unit.id, [cats['cai-cach-hanh-chinh'].id]);
      expectError(await act(admin.token, draft, 'publish'), 409, 'INVALID_STATE');
      const approved = await articleIn('approved', admin.token, unit.id, [cats['cai-cach-hanh-chinh'].id]);
      expectError(await act(editor.token, approved, 'publish'), 403, 'FORBIDDEN');
      expect(await evidenceOf(unit.id)).toEqual([]);
      expect(await verify(unit.id)).toMatchObject({ ok: true, checked: 0 });
    });

    it('import publishes at the original time: evidence with method import and that occurredAt', async () => {
      const { unit, cats } = await unitWithCategories();
      const admin = await member(unit.id, 'admin');
      const items = [
        {
          title: 'Kết quả cải cách hành chính quý I',
          bodyHtml: '<p>Bài cũ từ cổng thông tin trước.</p>',
          categoryIds: [cats['cai-cach-hanh-chinh'].id],
          publishedAt: '2025-03-15T08:30:00+07:00',
          sourceUrl: 'https://xacu.example.gov.vn/tin/123',
        },
        {
          title: 'Lễ ra quân chuyển đổi số',
          bodyHtml: '<p>Bài cũ thứ hai.</p>',
          categoryIds: [cats['chuyen-doi-so'].id],
          publishedAt: '2024-12-31T23:59:00+07:00',
        },
      ];
      const res = await api.request('POST', '/api/v1/articles/import', {
        token: admin.token,
        body: { unitId: unit.id, articles: items },
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        imported: 2,
        ids: [expect.stringMatching(UUID), expect.stringMatching(UUID)],
      });
      for (const [index, id] of (res.body.ids as string[]).entries()) {
        const item = items[index];
        const at = new Date(item.publishedAt).toISOString();
        const article = await getArticle(admin.token, id);
        expect(article).toMatchObject({
          title: item.title,
          status: 'published',
          imported: true,
          sourceUrl: item.sourceUrl ?? null,
          categoryIds: item.categoryIds,
        });
        expect(new Date(article.firstPublishedAt!).toISOString()).toBe(at);
        expect(new Date(article.publishedAt!).toISOString()).toBe(at);

        const rows = await evidenceOf(unit.id, undefined, id);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({
          type: 'article.published',
          method: 'import',
          actorId: admin.id,
          seq: expect.any(Number),
          snapshot: { first: true, title: item.title, url: article.url },
        });
        expect(new Date(rows[0].occurredAt).toISOString()).toBe(at);
        const revisions = await api.request('GET', `/api/v1/articles/${id}/revisions`, {
          token: admin.token,
        });
        expect(revisions.body.map((r: { action: string }) => r.action)).toEqual(['import']);
      }
      const [first] = await evidenceOf(unit.id, undefined, res.body.ids[0]);
      expect(first.snapshot).toMatchObject({ countsAsCchc: true, sourceUrl: items[0].sourceUrl });
      expect(await verify(unit.id)).toMatchObject({ ok: true, checked: 2 });
    });

    it('import gives distinct slugs to items of the same title, and after existing articles', async () => {
      const { unit, cats } = await unitWithCategories();
      const admin = await member(unit.id, 'admin');
      const title = 'Tin hoạt động tuần';
      const existing = await newArticle(admin.token, unit.id, [cats['tin-hoat-dong'].id], { title });
      const item = {
        title,
        bodyHtml: '<p>Bài cũ.</p>',
        categoryIds: [cats['tin-hoat-dong'].id],
        publishedAt: '2025-02-01T08:00:00+07:00',
      };
      const res = await api.request('POST', '/api/v1/articles/import', {
        token: admin.token,
        body: { unitId: unit.id, articles: [item, item] },
      });
      expect(res.status).toBe(201);
      const slugs = [];
      for (const id of res.body.ids as string[]) {
        slugs.push((await getArticle(admin.token, id)).slug);
      }
      expect([existing.slug, ...slugs]).toEqual([
        'tin-hoat-dong-tuan',
        'tin-hoat-dong-tuan-2',
        'tin-hoat-dong-tuan-3',
      ]);
    });

    it('only a unit admin may import (an editor or approver gets 403)', async () => {
      const { unit, cats } = await unitWithCategories();
      for (const role of ['editor', 'approver'] as const) {
        const user = await member(unit.id, role);
        const res = await api.request('POST', '/api/v1/articles/import', {
          token: user.token,
          body: {
            unitId: unit.id,
            articles: [
              {
                title: 'Bài cũ',
                bodyHtml: '<p>x</p>',
                categoryIds: [cats['tin-hoat-dong'].id],
                publishedAt: '2025-01-01T00:00:00Z',
              },
            ],
          },
        });
        expectError(res, 403, 'FORBIDDEN');
      }
      expect(await countArticles(unit.id)).toBe(0);
    });
  });

  describe('bad input: 4xx naming the field, nothing half-written', () => {
    let unit: Unit;
    let cats: Categories;
    let otherCats: Categories;
    let admin: Member;
    let editor: Member;

    beforeAll(async () => {
      ({ unit, cats } = await unitWithCategories());
      otherCats = (await unitWithCategories()).cats;
      admin = await member(unit.id, 'admin');
      editor = await member(unit.id, 'editor');
    });

    /** POST /articles with one field changed from a valid body. */
    function create(fields: Record<string, unknown>): Promise<TestResponse> {
      return api.request('POST', '/api/v1/articles', {
        token: editor.token,
        body: {
          unitId: unit.id,
          title: `Bài hợp lệ ${suffix()}`,
          bodyHtml: '<p>Nội dung.</p>',
          categoryIds: [cats['cai-cach-hanh-chinh'].id],
          ...fields,
        },
      });
    }

    it.each([
      ['an empty title', { title: '' }, 'title'],
      ['a blank title', { title: '    ' }, 'title'],
      ['no title', { title: undefined }, 'title'],
      ['a title of 301 characters', { title: 'a'.repeat(301) }, 'title'],
      ['a title that is not a string', { title: 42 }, 'title'],
      ['an unknown category id', { categoryIds: [randomUUID()] }, 'categoryIds'],
      ['a category id that is not a uuid', { categoryIds: ['cai-cach-hanh-chinh'] }, 'categoryIds'],
      ['no categoryIds', { categoryIds: undefined }, 'categoryIds'],
      ['a body that is only a script', { bodyHtml: '<script>alert(1)</script>' }, 'bodyHtml'],
      [
        'a body that is only an iframe',
        { bodyHtml: '<iframe src="https://evil.example"></iframe>' },
        'bodyHtml',
      ],
      ['an unknown priority', { priority: 'khan-cap' }, 'priority'],
      ['plannedAirings over 100', { plannedAirings: 101 }, 'plannedAirings'],
      ['an unknown field', { mauSac: 'đỏ' }, 'mauSac'],
    ])('refuses %s with 400 naming the field, and writes nothing', async (_label, fields, field) => {
      const before = await countArticles(unit.id);
      expectError(await create(fields), 400, 'VALIDATION_FAILED', field);
      expect(await countArticles(unit.id)).toBe(before);
    });

    it('refuses a PATCH without a version (400 naming version), and changes nothing', async () => {
      const article = await newArticle(editor.token, unit.id, [cats['tin-hoat-dong'].id]);
      for (const version of [undefined, 0, '1', 1.5]) {
        expectError(
          await api.request('PATCH', `/api/v1/articles/${article.id}`, {
            token: editor.token,
            body: { title: 'Không có phiên bản', version },
          }),
          400,
          'VALIDATION_FAILED',
          'version',
        );
      }
      expect(await getArticle(editor.token, article.id)).toMatchObject({ title: article.title, version: 1 });
    });

    it('refuses a category of another unit (400 categoryIds), even next to a valid one', async () => {
      const before = await countArticles(unit.id);
      expectError(
        await create({ categoryIds: [cats['cai-cach-hanh-chinh'].id, otherCats['cai-cach-hanh-chinh'].id] }),
        400,
        'VALIDATION_FAILED',
        'categoryIds',
      );
      expect(await countArticles(unit.id)).toBe(before);

      const article = await newArticle(editor.token, unit.id, [cats['tin-hoat-dong'].id]);
      expectError(
        await act(editor.token, article, 'update', {
          categoryIds: [otherCats['tin-hoat-dong'].id],
          title: 'Không được lưu',
        }),
        400,
        'VALIDATION_FAILED',
        'categoryIds',
      );
      expect(await getArticle(editor.token, article.id)).toMatchObject({
        version: 1,
        title: article.title,
        categoryIds: [cats['tin-hoat-dong'].id],
      });
    });

    it('counts a title’s length in composed (NFC) letters, whatever form it was typed in', async () => {
      const title = 'Thông báo về việc tiếp nhận hồ sơ '.repeat(8).slice(0, 280);
      const res = await create({ title: title.normalize('NFD') });
      expect(title.normalize('NFD').length).toBeGreaterThan(300);
      expect(res.status).toBe(201);
      expect(res.body.title).toBe(title.normalize('NFC').trim());
    });

    it('accepts a title of exactly 300 characters (slug cut at 100)', async () => {
      const res = await create({ title: 'â'.repeat(300) });
      expect(res.status).toBe(201);
      expect(res.body.title).toHaveLength(300);
      expect(res.body.slug.length).toBeLessThanOrEqual(100);
      expect(res.body.slug).toMatch(/^a+$/);
    });

    it('refuses to publish a draft or a submitted article that was not approved (409 INVALID_STATE)', async () => {
      const draft = await newArticle(admin.token, unit.id, [cats['cai-cach-hanh-chinh'].id]);
      expectError(await act(admin.token, draft, 'publish'), 409, 'INVALID_STATE');
      const submitted = await step(admin.token, draft, 'submit');
      expectError(await act(admin.token, submitted, 'publish'), 409, 'INVALID_STATE');
      expect(await getArticle(admin.token, draft.id)).toMatchObject({
        status: 'submitted',
        publishedAt: null,
        version: 2,
      });
    });

    it('refuses a publishAt in the past (400 publishAt); the article stays approved', async () => {
      const article = await articleIn('approved', admin.token, unit.id, [cats['cai-cach-hanh-chinh'].id]);
      for (const publishAt of [new Date(Date.now() - 60_000).toISOString(), '2020-01-01T00:00:00+07:00']) {
        expectError(
          await act(admin.token, article, 'publish', { publishAt }),
          400,
          'VALIDATION_FAILED',
          'publishAt',
        );
      }
      expect(await getArticle(admin.token, article.id)).toMatchObject({
        status: 'approved',
        publishAt: null,
        publishedAt: null,
        version: article.version,
      });
      expect(await evidenceOf(unit.id, undefined, article.id)).toEqual([]);
      // Who may publish is settled first: an editor is refused for the role, whatever time was sent.
      const past = new Date(Date.now() - 60_000).toISOString();
      expectError(await act(editor.token, article, 'publish', { publishAt: past }), 403, 'FORBIDDEN');
    });

    it.each([['ngày mai'], ['2026-02-30T08:00:00+07:00'], ['2030-13-01T08:00:00Z'], [20300101], ['']])(
      'refuses a malformed publishAt (%p) with 400 naming publishAt',
      async (publishAt) => {
        const article = await articleIn('approved', admin.token, unit.id, [cats['tin-hoat-dong'].id]);
        expectError(
          await act(admin.token, article, 'publish', { publishAt }),
          400,
          'VALIDATION_FAILED',
          'publishAt',
        );
        expect((await getArticle(admin.token, article.id)).status).toBe('approved');
      },
    );

    it.each([
      ['reject', 'submitted'],
      ['unpublish', 'published'],
    ] as const)('refuses %s without a reason (400 naming reason)', async (action, from) => {
      const article = await articleIn(from, admin.token, unit.id, [cats['tin-hoat-dong'].id]);
      const path = `/api/v1/articles/${article.id}/${action}`;
      expectError(
        await api.request('POST', path, { token: admin.token, body: {} }),
        400,
        'VALIDATION_FAILED',
        'reason',
      );
      expectError(
        await api.request('POST', path, { token: admin.token, body: { reason: '   ' } }),
        400,
        'VALIDATION_FAILED',
        'reason',
      );
      expect(await getArticle(admin.token, article.id)).toMatchObject({
        status: from,
        version: article.version,
      });
    });

    const importItem = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
      title: `Bài cũ ${suffix()}`,
      bodyHtml: '<p>Nội dung bài cũ.</p>',
      categoryIds: [cats['cai-cach-hanh-chinh'].id],
      publishedAt: '2025-06-01T08:00:00+07:00',
      ...fields,
    });

    it('refuses an import with a publishedAt in the future (400 articles.0.publishedAt)', async () => {
      const before = await countArticles(unit.id);
      const future = new Date(Date.now() + 3600_000).toISOString();
      expectError(
        await api.request('POST', '/api/v1/articles/import', {
          token: admin.token,
          body: { unitId: unit.id, articles: [importItem({ publishedAt: future })] },
        }),
        400,
        'VALIDATION_FAILED',
        'articles.0.publishedAt',
      );
      expect(await countArticles(unit.id)).toBe(before);
    });

    it.each([
      ['a future publishedAt', () => ({ publishedAt: '2999-01-01T00:00:00Z' }), 'articles.1.publishedAt'],
      ['an unknown category', () => ({ categoryIds: [randomUUID()] }), 'articles.1.categoryIds'],
      [
        'a category of another unit',
        () => ({ categoryIds: [otherCats['tin-hoat-dong'].id] }),
        'articles.1.categoryIds',
      ],
      [
        'a body that is only a script',
        () => ({ bodyHtml: '<script>alert(1)</script>' }),
        'articles.1.bodyHtml',
      ],
      ['an empty title', () => ({ title: '' }), 'articles.1.title'],
      ['a malformed publishedAt', () => ({ publishedAt: 'hôm qua' }), 'articles.1.publishedAt'],
      [
        'a sourceUrl that is not http(s)',
        () => ({ sourceUrl: 'javascript:alert(1)' }),
        'articles.1.sourceUrl',
      ],
    ])(
      'refuses an import whose second item has %s, and writes nothing from the batch',
      async (_label, bad, field) => {
        const before = await countArticles(unit.id);
        const evidenceBefore = (await evidenceOf(unit.id)).length;
        const first = importItem({ title: `Bài đầu lô ${suffix()}` });
        const res = await api.request('POST', '/api/v1/articles/import', {
          token: admin.token,
          body: { unitId: unit.id, articles: [first, importItem(bad())] },
        });
        expectError(res, 400, 'VALIDATION_FAILED', field);
        expect(await countArticles(unit.id)).toBe(before);
        expect(await evidenceOf(unit.id)).toHaveLength(evidenceBefore);
        // Nor was the first item's slug taken.
        const again = await newArticle(admin.token, unit.id, [cats['tin-hoat-dong'].id], {
          title: first.title,
        });
        expect(again.slug).toMatch(/^bai-dau-lo-[0-9a-f]{8}$/);
        expect((await verify(unit.id)).ok).toBe(true);
      },
    );

    it('refuses a list without a unitId, or with a malformed one (400 naming unitId)', async () => {
      for (const query of ['', '?unitId=khong-phai-uuid', `?unitId=${unit.id.slice(0, 30)}`]) {
        expectError(
          await api.request('GET', `/api/v1/articles${query}`, { token: editor.token }),
          400,
          'VALIDATION_FAILED',
          'unitId',
        );
      }
      expectError(
        await api.request('GET', `/api/v1/articles?unitId=${randomUUID()}`, { token: editor.token }),
        404,
        'NOT_FOUND',
      );
    });

    it('refuses an empty import (400 articles)', async () => {
      expectError(
        await api.request('POST', '/api/v1/articles/import', {
          token: admin.token,
          body: { unitId: unit.id, articles: [] },
        }),
        400,
        'VALIDATION_FAILED',
        'articles',
      );
    });
  });

  describe('sanitization of stored bodies', () => {
    let unit: Unit;
    let cats: Categories;
    let editor: Member;

    beforeAll(async () => {
      ({ unit, cats } = await unitWithCategories());
      editor = await member(unit.id, 'editor');
    });

    const SAFE = '<p>Nội dung an toàn</p>';

    const PAYLOADS: string[] = [
      '<script>alert(1)</script>',
      '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
      '<svg><script>alert(1)</script></svg>',
      '<img src=x onerror=alert(1)>',
      '<!--<img src="--><img src=x onerror=alert(1)//">',
      '<a href="javascript:alert(1)">bấm</a>',
      '<a href="JaVaScRiPt:alert(1)">bấm</a>',
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">bấm</a>',
      '<a href="&#x6A;avascript&colon;alert(1)">bấm</a>',
      '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">bấm</a>',
      '<a href="jav&#x09;ascript:alert(1)">bấm</a>',
      '<a href=" &#14;  javascript:alert(1)">bấm</a>',
      '<a href="vbscript:msgbox(1)">bấm</a>',
      '<svg onload=alert(1)><circle r="10"/></svg>',
      '<iframe src="https://evil.example"></iframe>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '<object data="javascript:alert(1)"></object>',
      '<embed src="javascript:alert(1)">',
      '<style>body{background:expression(alert(1))}</style>',
      '<p style="background:url(javascript:alert(1))">nền</p>',
      '<div style="width: expression(alert(1))">rộng</div>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
      '<math href="javascript:alert(1)">BẤM</math>',
      '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">bấm</maction></math>',
      '<form action="javascript:alert(1)"><input type="submit" value="Gửi"></form>',
      '<button formaction="javascript:alert(1)">Gửi</button>',
      '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">bấm</a>',
      '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
      '<img src="javascript:alert(1)">',
      '<body onload=alert(1)>',
      '<div onmouseover="alert(1)">di chuột</div>',
      '<a href="https://x.vn" onclick="alert(1)">bấm</a>',
      '<a title="&quot;><img src=x onerror=alert(1)>" href="https://x.vn">bấm</a>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<table background="javascript:alert(1)"><tr><td>ô</td></tr></table>',
      '<details open ontoggle=alert(1)>',
      '<link rel="stylesheet" href="javascript:alert(1)">',
      '<a href="javascript:/">bấm</a><base href="javascript:/">',
    ];

    /** Entities decoded, repeatedly (for double encoding). */
    function decodeEntities(html: string): string {
      const named: Record<string, string> = {
        colon: ':',
        tab: '\t',
        newline: '\n',
        amp: '&',
        lt: '<',
        gt: '>',
        quot: '"',
        apos: "'",
      };
      let text = html;
      for (let i = 0; i < 5; i += 1) {
        text = text
          .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
          .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
          .replace(/&([a-z]+);/gi, (m, name: string) => named[name.toLowerCase()] ?? m);
      }
      return text;
    }

    /** As a browser reads a URL: entities decoded, control characters and spaces skipped. */
    function asUrl(value: string): string {
      // eslint-disable-next-line no-control-regex
      return decodeEntities(value).replace(/[\u0000-\u0020]+/g, '');
    }

    /** The attributes of every tag, names and values (values as a browser reads them). */
    function attributes(html: string): { tag: string; name: string; value: string }[] {
      const found: { tag: string; name: string; value: string }[] = [];
      for (const tag of html.matchAll(
        /<([a-z][a-z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/gi,
      )) {
        for (const attr of tag[2].matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
          found.push({
            tag: tag[1],
            name: attr[1],
            value: decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? ''),
          });
        }
      }
      return found;
    }

    function expectClean(html: string): void {
      for (const [what, pattern] of [
        ['<script', /<script/i],
        ['<iframe', /<iframe/i],
        ['<object', /<object/i],
        ['<embed', /<embed/i],
        ['<style', /<style/i],
        ['style=', /style\s*=/i],
        ['<svg', /<svg/i],
        ['<math', /<math/i],
        ['<form', /<form/i],
        ['<meta', /<meta/i],
        ['<base', /<base/i],
        ['<link', /<link/i],
        ['javascript:', /javascript:/i],
        ['vbscript:', /vbscript:/i],
      ] as const) {
        expect({ what, html, found: pattern.test(html) }).toEqual({ what, html, found: false });
      }
      // Also once entities are decoded and whitespace is gone, as a browser reads a URL.
      expect({ html, found: /javascript:|vbscript:/i.test(asUrl(html)) }).toEqual({ html, found: false });
      for (const attr of attributes(html)) {
        expect({ html, attr, handler: /^on/i.test(attr.name) }).toEqual({ html, attr, handler: false });
        expect({ html, attr, style: attr.name.toLowerCase() === 'style' }).toEqual({
          html,
          attr,
          style: false,
        });
        if (['href', 'src', 'action', 'formaction', 'data', 'background'].includes(attr.name.toLowerCase())) {
          expect({ html, attr, safe: /^(https?:|mailto:|tel:|[^:]*$)/i.test(asUrl(attr.value)) }).toEqual({
            html,
            attr,
            safe: true,
          });
        }
      }
    }

    it('the checks of this test catch what they should (so that a pass means something)', () => {
      for (const dirty of [
        '<img src=x onerror=alert(1)>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href="data:text/html,x">x</a>',
        '<p style="color:red">x</p>',
        '<svg></svg>',
      ]) {
        expect(() => expectClean(dirty)).toThrow();
      }
      expect(() =>
        expectClean('<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" href="https://x.vn">bấm</a>'),
      ).not.toThrow();
    });

    it(`has at least 15 payloads (${PAYLOADS.length})`, () => {
      expect(PAYLOADS.length).toBeGreaterThanOrEqual(15);
    });

    it.each(PAYLOADS)('neutralises %s (as stored, not only as answered)', async (payload) => {
      const created = await newArticle(editor.token, unit.id, [cats['tin-hoat-dong'].id], {
        bodyHtml: `${payload}${SAFE}`,
      });
      const stored = await getArticle(editor.token, created.id);
      expect(stored.bodyHtml).toBe(created.bodyHtml);
      expect(stored.bodyHtml).toContain(SAFE);
      expectClean(stored.bodyHtml);
    });

    it('sanitizes a body changed by PATCH and bodies brought by import', async () => {
      const admin = await member(unit.id, 'admin');
      let article = await newArticle(editor.token, unit.id, [cats['tin-hoat-dong'].id]);
      article = await step(editor.token, article, 'update', {
        bodyHtml: `<img src=x onerror=alert(1)><a href="javascript:alert(1)">bấm</a>${SAFE}`,
      });
      expectClean((await getArticle(editor.token, article.id)).bodyHtml);
      const res = await api.request('POST', '/api/v1/articles/import', {
        token: admin.token,
        body: {
          unitId: unit.id,
          articles: [
            {
              title: 'Bài cũ có mã độc',
              bodyHtml: `<script>alert(1)</script><iframe src="https://evil.example"></iframe>${SAFE}`,
              categoryIds: [cats['tin-hoat-dong'].id],
              publishedAt: '2025-01-01T08:00:00+07:00',
            },
          ],
        },
      });
      expect(res.status).toBe(201);
      const imported = await getArticle(admin.token, res.body.ids[0]);
      expect(imported.bodyHtml).toContain(SAFE);
      expectClean(imported.bodyHtml);
    });

    it('keeps what a Word paste should keep (bold, italic, heading as h2, list, table, link) and drops the rest', async () => {
      const word =
        '<p class="MsoNormal" style="margin:0cm;mso-line-height-rule:exactly"><b>Đậm</b> <i>nghiêng</i><o:p></o:p></p>' +
        '<h1>Tiêu đề</h1><ul><li>Một</li></ul><table><tr><td>Ô</td></tr></table>' +
        '<a href="https://dichvucong.gov.vn">DVC</a>';
      const created = await newArticle(editor.token, unit.id, [cats['tin-hoat-dong'].id], { bodyHtml: word });
      const body = (await getArticle(editor.token, created.id)).bodyHtml;
      expect(body).toContain('<b>Đậm</b>');
      expect(body).toContain('<i>nghiêng</i>');
      expect(body).toContain('<h2>Tiêu đề</h2>');
      expect(body).not.toMatch(/<h1/i);
      expect(body).toContain('<ul><li>Một</li></ul>');
      expect(body).toMatch(/<table>(<tbody>)?<tr><td>Ô<\/td><\/tr>(<\/tbody>)?<\/table>/);
      const links = attributes(body).filter((a) => a.tag === 'a');
      expect(links).toEqual(
        expect.arrayContaining([
          { tag: 'a', name: 'href', value: 'https://dichvucong.gov.vn' },
          { tag: 'a', name: 'rel', value: 'noopener noreferrer' },
        ]),
      );
      expect(body).toMatch(/>DVC<\/a>/);
      expect(body).not.toMatch(/class=|style=|MsoNormal|o:p/i);
      expect(body).toMatch(/^<p><b>Đậm<\/b> <i>nghiêng<\/i><\/p>/);
      // The radio script derived from it is plain text.
      expect(created.radioScriptEdited).toBe(false);
      expect(created.radioScript).toContain('Đậm');
      expect(created.radioScript).not.toMatch(/[<>]/);
    });

    it('refuses a body that is only <script>alert(1)</script> with 400 naming bodyHtml', async () => {
      const before = await countArticles(unit.id);
      const res = await api.request('POST', '/api/v1/articles', {
        token: editor.token,
        body: {
          unitId: unit.id,
          title: 'Chỉ có mã độc',
          bodyHtml: '<script>alert(1)</script>',
          categoryIds: [cats['tin-hoat-dong'].id],
        },
      });
      expectError(res, 400, 'VALIDATION_FAILED', 'bodyHtml');
      expect(await countArticles(unit.id)).toBe(before);
    });
  });

  describe('search and filters', () => {
    let unit: Unit;
    let cats: Categories;
    let admin: Member;
    let editor: Member;
    let cchcTitle: Article;
    let digital: Article;
    let cchcBody: Article;
    let elsewhere: Article;

    beforeAll(async () => {
      ({ unit, cats } = await unitWithCategories());
      admin = await member(unit.id, 'admin');
      editor = await member(unit.id, 'editor');
      cchcTitle = await newArticle(editor.token, unit.id, [cats['cai-cach-hanh-chinh'].id], {
        title: 'Đẩy mạnh cải cách hành chính năm 2026',
        bodyHtml: '<p>Kế hoạch của xã cho năm tới.</p>',
      });
      digital = await newArticle(editor.token, unit.id, [cats['chuyen-doi-so'].id], {
        title: 'Chuyển đổi số ở xã',
        bodyHtml: '<p>Triển khai nền tảng số cho người dân.</p>',
      });
      cchcBody = await newArticle(admin.token, unit.id, [cats['tin-hoat-dong'].id], {
        title: 'Hội nghị tổng kết công tác năm',
        bodyHtml: '<p>Hội nghị đã bàn về <b>cải cách hành chính</b> và kế hoạch mới.</p>',
      });
      cchcTitle = await step(admin.token, cchcTitle, 'submit');
      cchcTitle = await step(admin.token, cchcTitle, 'approve');
      cchcTitle = await step(admin.token, cchcTitle, 'publish');
      const other = await unitWithCategories();
      elsewhere = await newArticle(sysAdmin, other.unit.id, [other.cats['cai-cach-hanh-chinh'].id], {
        title: 'Đẩy mạnh cải cách hành chính năm 2026',
      });
    });

    const search = (q: string, extra = ''): Promise<{ items: Article[]; total: number }> =>
      list(editor.token, `unitId=${unit.id}&q=${encodeURIComponent(q)}${extra}`);

    it('q without accents finds the title match first, then the body match, and nothing else', async () => {
      const res = await search('cai cach hanh chinh');
      expect(ids(res)).toEqual([cchcTitle.id, cchcBody.id]);
      expect(res.total).toBe(2);
      expect(ids(res)).not.toContain(elsewhere.id);
    });

    it.each([['Cải cách'], ['CẢI CÁCH HÀNH CHÍNH'], ['  cải   cách  ']])(
      'q=%p (accents, case, spaces) finds the same two',
      async (q) => {
        const res = await search(q);
        expect(ids(res)).toEqual([cchcTitle.id, cchcBody.id]);
      },
    );

    it('q typed with decomposed accents (NFD) finds the same two', async () => {
      expect(ids(await search('cải cách hành chính'.normalize('NFD')))).toEqual([cchcTitle.id, cchcBody.id]);
    });

    it.each([['đổi số'], ['doi so'], ['Chuyển Đổi Số']])('q=%p finds only the digital one', async (q) => {
      const res = await search(q);
      expect(ids(res)).toEqual([digital.id]);
      expect(res.total).toBe(1);
    });

    it('a word found nowhere gives an empty page', async () => {
      expect(await search('lũ lụt')).toMatchObject({ items: [], total: 0 });
    });

    it('results stay in the unit: the same title in another unit is not returned', async () => {
      const all = await list(editor.token, `unitId=${unit.id}&pageSize=200`);
      expect(ids(all).sort()).toEqual([cchcTitle.id, digital.id, cchcBody.id].sort());
      expect(all.total).toBe(3);
      const theirs = await list(sysAdmin, `unitId=${elsewhere.unitId}&q=${encodeURIComponent('cải cách')}`);
      expect(ids(theirs)).toEqual([elsewhere.id]);
    });

    it('filters by status, alone and with q', async () => {
      expect(ids(await list(editor.token, `unitId=${unit.id}&status=published`))).toEqual([cchcTitle.id]);
      expect(ids(await list(editor.token, `unitId=${unit.id}&status=draft`)).sort()).toEqual(
        [digital.id, cchcBody.id].sort(),
      );
      expect(ids(await search('cai cach', '&status=draft'))).toEqual([cchcBody.id]);
      expect(ids(await list(editor.token, `unitId=${unit.id}&status=rejected`))).toEqual([]);
      expectError(
        await api.request('GET', `/api/v1/articles?unitId=${unit.id}&status=xoa`, { token: editor.token }),
        400,
        'VALIDATION_FAILED',
        'status',
      );
    });

    it('filters by categoryId and by authorId', async () => {
      expect(
        ids(await list(editor.token, `unitId=${unit.id}&categoryId=${cats['chuyen-doi-so'].id}`)),
      ).toEqual([digital.id]);
      expect(
        ids(await list(editor.token, `unitId=${unit.id}&categoryId=${cats['cai-cach-hanh-chinh'].id}`)),
      ).toEqual([cchcTitle.id]);
      expect(
        ids(await list(editor.token, `unitId=${unit.id}&categoryId=${cats['thu-tuc-hanh-chinh'].id}`)),
      ).toEqual([]);
      expect(ids(await list(editor.token, `unitId=${unit.id}&categoryId=${randomUUID()}`))).toEqual([]);
      expect(ids(await list(editor.token, `unitId=${unit.id}&authorId=${admin.id}`))).toEqual([cchcBody.id]);
      expect(ids(await list(editor.token, `unitId=${unit.id}&authorId=${editor.id}`)).sort()).toEqual(
        [cchcTitle.id, digital.id].sort(),
      );
      expect(ids(await search('cai cach hanh chinh', `&categoryId=${cats['tin-hoat-dong'].id}`))).toEqual([
        cchcBody.id,
      ]);
    });

    it('pages the list: {items, total, page, pageSize}', async () => {
      const page1 = await api.request('GET', `/api/v1/articles?unitId=${unit.id}&page=1&pageSize=2`, {
        token: editor.token,
      });
      const page2 = await api.request('GET', `/api/v1/articles?unitId=${unit.id}&page=2&pageSize=2`, {
        token: editor.token,
      });
      expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page1.body.items).toHaveLength(2);
      expect(page2.body.items).toHaveLength(1);
      expect([...ids(page1.body), ...ids(page2.body)].sort()).toEqual(
        [cchcTitle.id, digital.id, cchcBody.id].sort(),
      );
      // Paging a search keeps the ranking.
      const searched = await search('cai cach hanh chinh', '&page=2&pageSize=1');
      expect(searched).toMatchObject({ total: 2 });
      expect(ids(searched)).toEqual([cchcBody.id]);
    });

    it('filters by updated day (from/to, Vietnamese days)', async () => {
      const vnDay = (offsetDays: number): string =>
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
          new Date(Date.now() + offsetDays * 86_400_000),
        );
      const around = await list(editor.token, `unitId=${unit.id}&from=${vnDay(-2)}&to=${vnDay(2)}`);
      expect(ids(around).sort()).toEqual([cchcTitle.id, digital.id, cchcBody.id].sort());
      expect(ids(await list(editor.token, `unitId=${unit.id}&to=${vnDay(-2)}`))).toEqual([]);
      expect(ids(await list(editor.token, `unitId=${unit.id}&from=${vnDay(2)}`))).toEqual([]);
      expectError(
        await api.request('GET', `/api/v1/articles?unitId=${unit.id}&from=2026-02-31`, {
          token: editor.token,
        }),
        400,
        'VALIDATION_FAILED',
        'from',
      );
    });

    it('q with SQL or tsquery syntax is only text: 200, operators ignored, nothing broken', async () => {
      expect(await search("'; DROP TABLE articles; --")).toMatchObject({ items: [], total: 0 });
      expect(await search('%_\\')).toMatchObject({ items: [], total: 0 });
      expect(ids(await search('cải & | ! :* ( ) cách'))).toEqual([cchcTitle.id, cchcBody.id]);
      expect((await list(editor.token, `unitId=${unit.id}`)).total).toBe(3);
    });

    it('finds words separated by non-breaking spaces, as pasted from Word', async () => {
      const other = await unitWithCategories();
      const article = await newArticle(sysAdmin, other.unit.id, [other.cats['tin-hoat-dong'].id], {
        title: 'Họp giao ban tháng 5',
        bodyHtml:
          '<p class="MsoNormal">Bàn về cải&nbsp;cách&nbsp;hành&nbsp;chính và chuyển\u00a0đổi\u00a0số.</p>',
      });
      const found = await list(
        sysAdmin,
        `unitId=${other.unit.id}&q=${encodeURIComponent('cai cach hanh chinh')}`,
      );
      expect(ids(found)).toEqual([article.id]);
      expect(ids(await list(sysAdmin, `unitId=${other.unit.id}&q=${encodeURIComponent('đổi số')}`))).toEqual([
        article.id,
      ]);
    });

    it('list items carry their categoryIds', async () => {
      const res = await list(editor.token, `unitId=${unit.id}&pageSize=200`);
      const byId = new Map(res.items.map((a) => [a.id, a]));
      expect(byId.get(digital.id)!.categoryIds).toEqual([cats['chuyen-doi-so'].id]);
      expect(byId.get(cchcTitle.id)).toMatchObject({
        status: 'published',
        categoryIds: [cats['cai-cach-hanh-chinh'].id],
      });
    });
  });
});
