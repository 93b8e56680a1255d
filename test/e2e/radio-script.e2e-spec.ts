import { randomBytes, randomUUID } from 'node:crypto';
import { PortalCache } from '../../libs/portal/src';
import { startApi, TestApi, TestResponse } from '../support/api';
import { expectError, UUID } from '../support/expectations';
import { createUnit } from '../support/factories';

// A radio operator hears a wrong reading of an approved or published article and corrects the words the
// radio says (PUT /articles/:id/radio-script) without sending it back: only the script changes, a revision
// keeps who and why, the portal shows what it showed, and new audio is asked for as before.

const suffix = (): string => randomBytes(4).toString('hex');

interface Article {
  id: string;
  unitId: string;
  title: string;
  slug: string;
  summary: string;
  bodyHtml: string;
  radioScript: string;
  radioScriptEdited: boolean;
  status: string;
  version: number;
  publishedAt: string | null;
  allowedActions: string[];
  updatedAt: string;
}

interface Revision {
  version: number;
  action: string;
  actorId: string | null;
  actorName: string | null;
  reason: string | null;
  status: string;
  content: Record<string, unknown>;
}

interface Person {
  id: string;
  fullName: string;
  token: string;
}

const BODY = '<p>Bà con thôn Nà Sliến đến nhà văn hóa họp về đường liên thôn.</p>';
const CORRECTED = 'Bà con thôn Nà Sờ Liến đến nhà văn hóa họp về đường liên thôn.';

describe('Correcting the radio script of a decided article (e2e)', () => {
  let api: TestApi;
  let sysAdmin: string;

  beforeAll(async () => {
    api = await startApi();
    sysAdmin = await api.adminToken();
  });
  afterAll(async () => {
    await api.close();
  });

  /** Someone with one role in the unit, named so that revisions can be told apart by name. */
  async function person(unitId: string, role: string, fullName: string): Promise<Person> {
    const username = `nguoi.${suffix()}`;
    const password = `mat-khau-${suffix()}`;
    const res = await api.request('POST', '/api/v1/users', {
      token: sysAdmin,
      body: { username, password, fullName, memberships: [{ unitId, role }] },
    });
    expect(res.status).toBe(201);
    return { id: res.body.id, fullName, token: await api.login(username, password) };
  }

  function expectOk(res: TestResponse): void {
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
  }

  /** A unit with an editor (the author), an approver and an operator. */
  async function newsroom() {
    const unit = await createUnit(api, sysAdmin);
    return {
      unit,
      editor: await person(unit.id, 'editor', 'Trần Thị Biên Tập'),
      approver: await person(unit.id, 'approver', 'Lê Văn Duyệt'),
      operator: await person(unit.id, 'operator', 'Phạm Văn Truyền Thanh'),
    };
  }

  /** An article written by the editor and taken by the approver through `steps`. */
  async function article(
    team: { unit: { id: string }; editor: Person; approver: Person },
    steps: ('submit' | 'approve' | 'publish')[],
  ): Promise<Article> {
    const created = await api.request('POST', '/api/v1/articles', {
      token: team.editor.token,
      body: {
        unitId: team.unit.id,
        title: `Họp dân về đường liên thôn ${suffix()}`,
        summary: 'Mời bà con dự họp',
        bodyHtml: BODY,
        categoryIds: [],
      },
    });
    expect(created.status).toBe(201);
    let current = created.body as Article;
    for (const step of steps) {
      const token = step === 'submit' ? team.editor.token : team.approver.token;
      const res = await api.request('POST', `/api/v1/articles/${current.id}/${step}`, { token, body: {} });
      expectOk(res);
      current = res.body as Article;
    }
    return current;
  }

  const correct = (token: string, id: string, body: Record<string, unknown>) =>
    api.request('PUT', `/api/v1/articles/${id}/radio-script`, { token, body });

  const revisions = async (token: string, id: string): Promise<Revision[]> => {
    const res = await api.request('GET', `/api/v1/articles/${id}/revisions`, { token });
    expectOk(res);
    return res.body as Revision[];
  };

  it('an operator corrects an approved article: 200, only the script and the version change, a revision keeps who and why', async () => {
    const team = await newsroom();
    const before = await article(team, ['submit', 'approve']);
    expect(before.allowedActions).toEqual(['reject', 'publish', 'correct-radio-script']);
    const operatorView = await api.request('GET', `/api/v1/articles/${before.id}`, {
      token: team.operator.token,
    });
    expect(operatorView.body.allowedActions).toEqual(['correct-radio-script']);
    expect(operatorView.body.radioScript).toBe(
      'Bà con thôn Nà Sliến đến nhà văn hóa họp về đường liên thôn.',
    );

    const res = await correct(team.operator.token, before.id, {
      radioScript: `  ${CORRECTED}\n`,
      reason: 'Máy đọc sai tên thôn Nà Sliến',
      version: before.version,
    });
    expectOk(res);
    const after = res.body as Article & { requestAudio: { method: string; path: string } };
    expect(after).toMatchObject({
      id: before.id,
      status: 'approved',
      version: before.version + 1,
      radioScript: CORRECTED,
      radioScriptEdited: true,
      title: before.title,
      slug: before.slug,
      summary: before.summary,
      bodyHtml: before.bodyHtml,
      allowedActions: ['correct-radio-script'],
      requestAudio: { method: 'POST', path: `/api/v1/articles/${before.id}/audio` },
    });
    // The article as everyone reads it afterwards: still approved, body as it was.
    const read = await api.request('GET', `/api/v1/articles/${before.id}`, { token: team.editor.token });
    expect(read.body).toMatchObject({
      status: 'approved',
      bodyHtml: BODY,
      radioScript: CORRECTED,
      version: 4,
    });

    const kept = await revisions(team.editor.token, before.id);
    expect(kept.map((r) => r.action)).toEqual(['correct-radio-script', 'approve', 'submit', 'create']);
    expect(kept[0]).toMatchObject({
      version: 4,
      action: 'correct-radio-script',
      actorId: team.operator.id,
      actorName: 'Phạm Văn Truyền Thanh',
      reason: 'Máy đọc sai tên thôn Nà Sliến',
      status: 'approved',
      content: { radioScript: CORRECTED, bodyHtml: BODY, reason: 'Máy đọc sai tên thôn Nà Sliến' },
    });
    // The other revisions name their people too; only the steps that carry a reason have one.
    expect(kept.slice(1).map((r) => [r.action, r.actorName, r.reason])).toEqual([
      ['approve', 'Lê Văn Duyệt', null],
      ['submit', 'Trần Thị Biên Tập', null],
      ['create', 'Trần Thị Biên Tập', null],
    ]);

    // The answer's link asks for new audio, which speaks the corrected words.
    const audio = await api.request('POST', after.requestAudio.path, {
      token: team.operator.token,
      body: {},
    });
    expect({ status: audio.status, body: audio.body }).toMatchObject({
      status: 202,
      body: { audioId: expect.stringMatching(UUID) },
    });
    const made = await api.request('GET', `/api/v1/audio/${audio.body.audioId}`, {
      token: team.operator.token,
    });
    expect(made.body.normalizedText).toContain('Nà Sờ Liến');
    expect(made.body.normalizedText).not.toContain('Nà Sliến');
  });

  it('a published article: the portal page stays exactly what it was (re-rendered, not from the cache)', async () => {
    const team = await newsroom();
    const before = await article(team, ['submit', 'approve', 'publish']);
    const url = `${api.baseUrl}/site/${team.unit.slug}/bai-viet/${before.slug}`;
    const page = async (): Promise<string> => {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      return res.text();
    };
    const shown = await page();
    expect(shown).toContain('Nà Sliến');

    const res = await correct(team.approver.token, before.id, {
      radioScript: CORRECTED,
      reason: 'Sửa cách đọc tên thôn',
      version: before.version,
    });
    expectOk(res);
    expect(res.body).toMatchObject({
      status: 'published',
      publishedAt: before.publishedAt,
      bodyHtml: BODY,
      radioScript: CORRECTED,
      version: before.version + 1,
    });
    // Rendered again from the database: the same bytes, and nothing of the script.
    api.app.get(PortalCache).dropUnit(team.unit.id);
    const again = await page();
    expect(again).toBe(shown);
    expect(again).not.toContain('Nà Sờ Liến');
  });

  it('refuses an editor who is not an approver (403) and a stranger to the unit (404), changing nothing', async () => {
    const team = await newsroom();
    const before = await article(team, ['submit', 'approve', 'publish']);
    const reporter = await person(team.unit.id, 'reporter', 'Hoàng Văn Báo Cáo');
    const body = { radioScript: CORRECTED, reason: 'Đọc sai', version: before.version };
    expectError(await correct(team.editor.token, before.id, body), 403, 'FORBIDDEN');
    expectError(await correct(reporter.token, before.id, body), 403, 'FORBIDDEN');
    const other = await createUnit(api, sysAdmin);
    const outsider = await person(other.id, 'operator', 'Người đơn vị khác');
    expectError(await correct(outsider.token, before.id, body), 404, 'NOT_FOUND');
    expectError(await correct(team.operator.token, randomUUID(), body), 404, 'NOT_FOUND');

    const after = await api.request('GET', `/api/v1/articles/${before.id}`, { token: team.editor.token });
    expect(after.body).toMatchObject({ version: before.version, radioScriptEdited: false });
    expect(await revisions(team.editor.token, before.id)).toHaveLength(4);
  });

  it('refuses a missing or blank reason, or a blank script, with 400 naming the field in Vietnamese', async () => {
    const team = await newsroom();
    const before = await article(team, ['submit', 'approve']);
    const cases: [Record<string, unknown>, string][] = [
      [{ radioScript: CORRECTED, version: before.version }, 'reason'],
      [{ radioScript: CORRECTED, reason: '   ', version: before.version }, 'reason'],
      [{ radioScript: CORRECTED, reason: 'x'.repeat(1001), version: before.version }, 'reason'],
      [{ radioScript: ' \n ', reason: 'Đọc sai', version: before.version }, 'radioScript'],
      [{ radioScript: 'x'.repeat(50_001), reason: 'Đọc sai', version: before.version }, 'radioScript'],
      [{ radioScript: CORRECTED, reason: 'Đọc sai' }, 'version'],
      [
        { radioScript: CORRECTED, reason: 'Đọc sai', version: before.version, title: 'Tiêu đề khác' },
        'title',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await correct(team.operator.token, before.id, body);
      expectError(res, 400, 'VALIDATION_FAILED', field);
    }
    const missing = await correct(team.operator.token, before.id, {
      radioScript: CORRECTED,
      version: before.version,
    });
    const detail = (missing.body.details as { field: string; message: string }[]).find(
      (d) => d.field === 'reason',
    );
    expect(detail?.message).toMatch(/^Lý do/);

    // The same words as now: nothing to correct, and no revision for it.
    const same = await correct(team.operator.token, before.id, {
      radioScript: before.radioScript,
      reason: 'Không đổi gì',
      version: before.version,
    });
    expectError(same, 400, 'VALIDATION_FAILED', 'radioScript');

    const after = await api.request('GET', `/api/v1/articles/${before.id}`, { token: team.editor.token });
    expect(after.body).toMatchObject({ version: before.version, radioScriptEdited: false });
  });

  it('a stale version is 409 VERSION_CONFLICT naming version, and the later correction stays', async () => {
    const team = await newsroom();
    const before = await article(team, ['submit', 'approve']);
    const first = await correct(team.operator.token, before.id, {
      radioScript: CORRECTED,
      reason: 'Sửa lần một',
      version: before.version,
    });
    expectOk(first);
    const stale = await correct(team.approver.token, before.id, {
      radioScript: 'Lời đọc của người thứ hai',
      reason: 'Sửa lần hai',
      version: before.version,
    });
    expectError(stale, 409, 'VERSION_CONFLICT', 'version');
    const after = await api.request('GET', `/api/v1/articles/${before.id}`, { token: team.editor.token });
    expect(after.body).toMatchObject({ version: before.version + 1, radioScript: CORRECTED });
  });

  it('a draft, a submitted, a rejected or an unpublished article is 409 INVALID_STATE naming its state', async () => {
    const team = await newsroom();
    const admin = await person(team.unit.id, 'admin', 'Quản Trị Xã');
    const draft = await article(team, []);
    const submitted = await article(team, ['submit']);
    const rejected = await article(team, ['submit']);
    expectOk(
      await api.request('POST', `/api/v1/articles/${rejected.id}/reject`, {
        token: team.approver.token,
        body: { reason: 'Thiếu nguồn' },
      }),
    );
    const unpublished = await article(team, ['submit', 'approve', 'publish']);
    expectOk(
      await api.request('POST', `/api/v1/articles/${unpublished.id}/unpublish`, {
        token: team.approver.token,
        body: { reason: 'Thông tin cũ' },
      }),
    );
    for (const [a, label] of [
      [draft, 'bản nháp'],
      [submitted, 'chờ duyệt'],
      [rejected, 'bị trả lại'],
      [unpublished, 'đã gỡ'],
    ] as const) {
      const current = (await api.request('GET', `/api/v1/articles/${a.id}`, { token: admin.token })).body;
      expect(current.allowedActions).not.toContain('correct-radio-script');
      const res = await correct(admin.token, a.id, {
        radioScript: CORRECTED,
        reason: 'Đọc sai',
        version: current.version,
      });
      expectError(res, 409, 'INVALID_STATE');
      expect(res.body.message).toContain(`"${label}"`);
      const after = (await api.request('GET', `/api/v1/articles/${a.id}`, { token: admin.token })).body;
      expect(after.version).toBe(current.version);
    }
    // A draft's script is its writer's to edit with the article (PATCH), as before.
    const edited = await api.request('PATCH', `/api/v1/articles/${draft.id}`, {
      token: team.editor.token,
      body: { radioScript: CORRECTED, version: draft.version },
    });
    expect(edited.body).toMatchObject({ status: 'draft', radioScript: CORRECTED, radioScriptEdited: true });
  });

  it('the unit admin corrects too, and GET /users/me states who may (articles.correct-radio-script)', async () => {
    const team = await newsroom();
    const admin = await person(team.unit.id, 'admin', 'Quản Trị Xã');
    const before = await article(team, ['submit', 'approve', 'publish']);
    expectOk(
      await correct(admin.token, before.id, {
        radioScript: CORRECTED,
        reason: 'Đọc sai',
        version: before.version,
      }),
    );
    const actionsOf = async (token: string): Promise<string[]> => {
      const me = await api.request('GET', '/api/v1/users/me', { token });
      const mine = (me.body.permissions as { unitId: string; actions: string[] }[]).find(
        (p) => p.unitId === team.unit.id,
      );
      return mine?.actions ?? [];
    };
    for (const who of [team.operator, team.approver, admin]) {
      expect(await actionsOf(who.token)).toContain('articles.correct-radio-script');
    }
    expect(await actionsOf(team.editor.token)).not.toContain('articles.correct-radio-script');
  });

  describe('the lexicon', () => {
    it('an operator saves the unit lexicon (200); an approver or reporter is told who may', async () => {
      const team = await newsroom();
      const entries = [{ term: 'Nà Sliến', spoken: 'Nà Sờ Liến' }];
      const saved = await api.request('PUT', `/api/v1/units/${team.unit.id}/lexicon`, {
        token: team.operator.token,
        body: entries,
      });
      expect({ status: saved.status, body: saved.body }).toEqual({ status: 200, body: entries });
      const said = await api.request('POST', '/api/v1/speech/normalize', {
        token: team.operator.token,
        body: { text: 'Thôn Nà Sliến', unitId: team.unit.id },
      });
      expect(said.body).toEqual({ text: 'Thôn Nà Sờ Liến' });

      const reporter = await person(team.unit.id, 'reporter', 'Hoàng Văn Báo Cáo');
      for (const token of [team.approver.token, reporter.token]) {
        const refused = await api.request('PUT', `/api/v1/units/${team.unit.id}/lexicon`, {
          token,
          body: [],
        });
        expectError(refused, 403, 'FORBIDDEN');
      }
      // A member holding a writer's role elsewhere reaches the unit's own check, which says who may.
      const username = `hai.vai.${suffix()}`;
      const both = await api.request('POST', '/api/v1/users', {
        token: sysAdmin,
        body: {
          username,
          password: 'mat-khau-hai-vai',
          fullName: 'Người hai đơn vị',
          memberships: [
            { unitId: team.unit.id, role: 'approver' },
            { unitId: (await createUnit(api, sysAdmin)).id, role: 'operator' },
          ],
        },
      });
      expect(both.status).toBe(201);
      const twoRoles = await api.login(username, 'mat-khau-hai-vai');
      const told = await api.request('PUT', `/api/v1/units/${team.unit.id}/lexicon`, {
        token: twoRoles,
        body: [],
      });
      expectError(told, 403, 'FORBIDDEN');
      expect(told.body.message).toBe(
        'Chỉ quản trị đơn vị, biên tập viên và người vận hành đài được sửa từ điển cách đọc',
      );
      const kept = await api.request('GET', `/api/v1/units/${team.unit.id}/lexicon`, {
        token: reporter.token,
      });
      expect(kept.body).toEqual(entries);
    });
  });
});
