import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Article, ArticlesModule, ArticlesService, ArticleStatus, WORKFLOW } from '@app/articles';
import { ConfigModule, DomainException, Principal, Role, ROLES } from '@app/common';
import { dataSourceOptions } from '@app/db';
import { workerDatabaseUrl } from '../support/database';
import { makeArticle, makeUnit, principalFor } from '../support/factories';

/**
 * The article workflow, cell by cell, on the real service and a real database: every state × action ×
 * role. Allowed: the new state, the version raised, one revision kept. Not the role's to do: 403 in any
 * state (who is checked before what). The role's, from a wrong state: 409. Refused: the row as it was.
 *
 * The table below is written out on purpose rather than read from WORKFLOW: it is the rule as the
 * newsroom agreed it (design.md), and the first test checks WORKFLOW says the same, so a change to either
 * fails here until both agree.
 */
type Action = keyof typeof WORKFLOW;
const STATES: ArticleStatus[] = ['draft', 'submitted', 'approved', 'rejected', 'published', 'unpublished'];
const WRITERS: Role[] = ['editor', 'admin'];
const DECIDERS: Role[] = ['approver', 'admin'];
/** Who hears the radio, who approved, the unit admin: they correct the spoken text of a decided article. */
const RADIO_FIXERS: Role[] = ['operator', 'approver', 'admin'];

/** action → who, and from which state to which. */
const TABLE: Record<Action, { roles: Role[]; moves: Partial<Record<ArticleStatus, ArticleStatus>> }> = {
  edit: { roles: WRITERS, moves: { draft: 'draft', rejected: 'rejected', unpublished: 'draft' } },
  submit: { roles: WRITERS, moves: { draft: 'submitted', rejected: 'submitted', unpublished: 'submitted' } },
  approve: { roles: DECIDERS, moves: { submitted: 'approved' } },
  reject: { roles: DECIDERS, moves: { submitted: 'rejected', approved: 'rejected' } },
  publish: { roles: DECIDERS, moves: { approved: 'published', unpublished: 'published' } },
  unpublish: { roles: DECIDERS, moves: { published: 'unpublished' } },
  'correct-radio-script': { roles: RADIO_FIXERS, moves: { approved: 'approved', published: 'published' } },
};
const ACTIONS = Object.keys(TABLE) as Action[];
/** Revisions of an edit have always been named `update`. */
const revisionOf = (action: Action): string => (action === 'edit' ? 'update' : action);

function act(service: ArticlesService, principal: Principal, action: Action, article: Article) {
  switch (action) {
    case 'edit':
      return service.update(principal, article.id, { version: article.version, summary: 'Tóm tắt mới' });
    case 'submit':
      return service.submit(principal, article.id);
    case 'approve':
      return service.approve(principal, article.id);
    case 'reject':
      return service.reject(principal, article.id, 'Cần sửa lại số liệu');
    case 'publish':
      return service.publish(principal, article.id, {});
    case 'unpublish':
      return service.unpublish(principal, article.id, 'Thông tin đã cũ');
    case 'correct-radio-script':
      return service.correctRadioScript(principal, article.id, {
        version: article.version,
        radioScript: 'Lời đọc đã sửa cho đài',
        reason: 'Máy đọc sai tên thôn',
      });
  }
}

/** The HTTP status the api answers for what the service threw (the error filter maps it the same way). */
async function outcome(run: () => Promise<{ status: ArticleStatus }>): Promise<ArticleStatus | number> {
  try {
    return (await run()).status;
  } catch (error) {
    if (error instanceof DomainException) {
      return error.status;
    }
    throw error;
  }
}

describe('article workflow, every (state, action, role) on the service', () => {
  let context: INestApplicationContext;
  let db: DataSource;
  let service: ArticlesService;

  beforeAll(async () => {
    const url = await workerDatabaseUrl();
    context = await Test.createTestingModule({
      imports: [ConfigModule, TypeOrmModule.forRoot(dataSourceOptions(url)), ArticlesModule],
    }).compile();
    await context.init();
    db = context.get(DataSource);
    service = context.get(ArticlesService);
  });
  afterAll(async () => {
    await context.close();
  });

  it('WORKFLOW is the table', () => {
    const written = Object.fromEntries(
      ACTIONS.map((a) => [
        a,
        { roles: [...TABLE[a].roles].sort(), from: Object.keys(TABLE[a].moves).sort() },
      ]),
    );
    const code = Object.fromEntries(
      Object.entries(WORKFLOW).map(([a, rule]) => [
        a,
        { roles: [...rule.roles].sort(), from: [...rule.from].sort() },
      ]),
    );
    expect(code).toEqual(written);
  });

  for (const action of ACTIONS) {
    it(`${action}: the new state, 403 for another role, 409 from another state`, async () => {
      const unit = await makeUnit(db);
      const cells: string[] = [];
      const expected: string[] = [];
      for (const state of STATES) {
        for (const role of ROLES) {
          const article = await makeArticle(db, { unitId: unit.id, status: state });
          const principal = principalFor(unit.id, role);
          const got = await outcome(() => act(service, principal, action, article));
          const allowed = TABLE[action].roles.includes(role);
          const to = TABLE[action].moves[state];
          const want = !allowed ? 403 : to === undefined ? 409 : to;
          // What the row says afterwards: refused, as it was and no revision; allowed, the new state, the
          // version raised and one revision by this person for this action.
          const row = await db.getRepository(Article).findOneByOrFail({ id: article.id });
          const revisions: { action: string; actor_id: string }[] = await db.query(
            'SELECT action, actor_id FROM article_revisions WHERE article_id = $1',
            [article.id],
          );
          const kept = revisions.map(
            (r) => `${r.action} by ${r.actor_id === principal.id ? 'them' : r.actor_id}`,
          );
          cells.push(`${state} × ${role} → ${got}; row ${row.status} v${row.version} [${kept.join(', ')}]`);
          expected.push(
            typeof want === 'number'
              ? `${state} × ${role} → ${want}; row ${state} v${article.version} []`
              : `${state} × ${role} → ${want}; row ${want} v${article.version + 1} [${revisionOf(action)} by them]`,
          );
        }
      }
      // One comparison for the whole grid, so a failure shows every cell that differs at once.
      expect(cells).toEqual(expected);
    });
  }

  it('someone of another unit, whatever their role, is told the article does not exist (404)', async () => {
    const unit = await makeUnit(db);
    const other = await makeUnit(db);
    const article = await makeArticle(db, { unitId: unit.id, status: 'submitted' });
    for (const action of ACTIONS) {
      expect(await outcome(() => act(service, principalFor(other.id, 'admin'), action, article))).toBe(404);
    }
  });

  it('a publication records its evidence; an unpublication too; a refused one records nothing', async () => {
    const unit = await makeUnit(db);
    const approver = principalFor(unit.id, 'approver');
    const article = await makeArticle(db, { unitId: unit.id, status: 'approved' });
    await service.publish(approver, article.id, {});
    await service.unpublish(approver, article.id, 'Thông tin đã cũ');
    expect(await outcome(() => service.unpublish(approver, article.id, 'Lần nữa'))).toBe(409);
    const types: { type: string }[] = await db.query(
      `SELECT type FROM evidence WHERE unit_id = $1 AND subject_id = $2 ORDER BY seq`,
      [unit.id, article.id],
    );
    expect(types.map((t) => t.type)).toEqual(['article.published', 'article.unpublished']);
  });
});
