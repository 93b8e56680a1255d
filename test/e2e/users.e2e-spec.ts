import { randomBytes, randomUUID } from 'node:crypto';
import { startApi, TestApi } from '../support/api';
import { UUID, expectError } from '../support/expectations';
import { createUnit, createUser } from '../support/factories';

const suffix = (): string => randomBytes(4).toString('hex');

type MembershipList = { unitId: string; role: string }[];
const sortMemberships = (list: MembershipList): MembershipList =>
  [...list].sort((a, b) => `${a.unitId}/${a.role}`.localeCompare(`${b.unitId}/${b.role}`));

describe('users (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await api.adminToken();
    adminId = (await api.request('GET', '/api/v1/users/me', { token: admin })).body.id;
  });
  afterAll(async () => {
    await api.close();
  });

  function newUserBody(memberships: MembershipList): {
    username: string;
    password: string;
    fullName: string;
    memberships: MembershipList;
  } {
    return {
      username: `nguoidung.${suffix()}`,
      password: `mat-khau-${suffix()}`,
      fullName: 'Trần Thị Bích',
      memberships,
    };
  }

  it('lets the system admin create a user with memberships (201), who can then log in', async () => {
    const unit = await createUnit(api, admin);
    const body = newUserBody([{ unitId: unit.id, role: 'editor' }]);
    const res = await api.request('POST', '/api/v1/users', { token: admin, body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(UUID),
      username: body.username,
      fullName: 'Trần Thị Bích',
      memberships: [{ unitId: unit.id, role: 'editor' }],
    });
    expect(res.body).not.toHaveProperty('password');
    expect(res.body).not.toHaveProperty('passwordHash');

    const login = await api.request('POST', '/api/v1/auth/login', {
      body: { username: body.username, password: body.password },
    });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(res.body.id);

    const got = await api.request('GET', `/api/v1/users/${res.body.id}`, { token: admin });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: res.body.id, memberships: [{ unitId: unit.id, role: 'editor' }] });
  });

  it('refuses a taken username (in any letter case) with 409 USERNAME_TAKEN naming username', async () => {
    const unit = await createUnit(api, admin);
    const first = newUserBody([{ unitId: unit.id, role: 'editor' }]);
    expect((await api.request('POST', '/api/v1/users', { token: admin, body: first })).status).toBe(201);

    const same = await api.request('POST', '/api/v1/users', {
      token: admin,
      body: { ...newUserBody([{ unitId: unit.id, role: 'reporter' }]), username: first.username },
    });
    expectError(same, 409, 'USERNAME_TAKEN', 'username');

    const upper = await api.request('POST', '/api/v1/users', {
      token: admin,
      body: { ...newUserBody([]), username: first.username.toUpperCase() },
    });
    expectError(upper, 409, 'USERNAME_TAKEN', 'username');
  });

  it('refuses memberships with an unknown unitId with 400 naming memberships.N.unitId, creating nothing', async () => {
    const unit = await createUnit(api, admin);
    const body = newUserBody([{ unitId: randomUUID(), role: 'editor' }]);
    const res = await api.request('POST', '/api/v1/users', { token: admin, body });
    expectError(res, 400, 'VALIDATION_FAILED', 'memberships.0.unitId');

    const second = await api.request('POST', '/api/v1/users', {
      token: admin,
      body: {
        ...body,
        memberships: [
          { unitId: unit.id, role: 'editor' },
          { unitId: randomUUID(), role: 'reporter' },
        ],
      },
    });
    expectError(second, 400, 'VALIDATION_FAILED', 'memberships.1.unitId');

    // Nothing half-written: the same username is still free.
    const retry = await api.request('POST', '/api/v1/users', {
      token: admin,
      body: { ...body, memberships: [{ unitId: unit.id, role: 'editor' }] },
    });
    expect(retry.status).toBe(201);
  });

  it('refuses an unknown role and a malformed unitId naming the field', async () => {
    const unit = await createUnit(api, admin);
    expectError(
      await api.request('POST', '/api/v1/users', {
        token: admin,
        body: newUserBody([{ unitId: unit.id, role: 'superuser' }]),
      }),
      400,
      'VALIDATION_FAILED',
      'memberships.0.role',
    );
    expectError(
      await api.request('POST', '/api/v1/users', {
        token: admin,
        body: newUserBody([{ unitId: 'khong-phai-uuid', role: 'editor' }]),
      }),
      400,
      'VALIDATION_FAILED',
      'memberships.0.unitId',
    );
    expectError(
      await api.request('POST', '/api/v1/users', {
        token: admin,
        body: { ...newUserBody([]), username: 'có dấu cách' },
      }),
      400,
      'VALIDATION_FAILED',
      'username',
    );
    expectError(
      await api.request('POST', '/api/v1/users', {
        token: admin,
        body: { ...newUserBody([]), password: 'ngan' },
      }),
      400,
      'VALIDATION_FAILED',
      'password',
    );
  });

  describe('a unit admin', () => {
    let unitA: { id: string };
    let unitB: { id: string };
    let adminA: string;
    let userOnlyB: { id: string };

    beforeAll(async () => {
      unitA = await createUnit(api, admin);
      unitB = await createUnit(api, admin);
      const a = await createUser(api, admin, [{ unitId: unitA.id, role: 'admin' }]);
      adminA = await api.login(a.username, a.password);
      userOnlyB = await createUser(api, admin, [{ unitId: unitB.id, role: 'editor' }]);
    });

    it('creates users in their unit and lists the users of their unit', async () => {
      const body = newUserBody([{ unitId: unitA.id, role: 'editor' }]);
      const created = await api.request('POST', '/api/v1/users', { token: adminA, body });
      expect(created.status).toBe(201);
      expect(created.body.memberships).toEqual([{ unitId: unitA.id, role: 'editor' }]);

      const list = await api.request('GET', `/api/v1/users?unitId=${unitA.id}`, { token: adminA });
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: expect.any(Number), page: 1, pageSize: expect.any(Number) });
      const ids = (list.body.items as { id: string }[]).map((u) => u.id);
      expect(ids).toContain(created.body.id);
      expect(ids).not.toContain(userOnlyB.id);
      expect(ids).not.toContain(adminId);
      for (const user of list.body.items as { memberships: MembershipList }[]) {
        expect(user.memberships.some((m) => m.unitId === unitA.id)).toBe(true);
      }

      const unfiltered = await api.request('GET', '/api/v1/users', { token: adminA });
      expect(unfiltered.status).toBe(200);
      const unfilteredIds = (unfiltered.body.items as { id: string }[]).map((u) => u.id);
      expect(unfilteredIds).toContain(created.body.id);
      expect(unfilteredIds).not.toContain(userOnlyB.id);
      expect(unfilteredIds).not.toContain(adminId);

      const got = await api.request('GET', `/api/v1/users/${created.body.id}`, { token: adminA });
      expect(got.status).toBe(200);
    });

    it('gets 403 creating a user in another unit, and creates nothing', async () => {
      const body = newUserBody([{ unitId: unitB.id, role: 'editor' }]);
      expectError(await api.request('POST', '/api/v1/users', { token: adminA, body }), 403, 'FORBIDDEN');
      const mixed = { ...body, memberships: [{ unitId: unitA.id, role: 'editor' }, ...body.memberships] };
      expectError(
        await api.request('POST', '/api/v1/users', { token: adminA, body: mixed }),
        403,
        'FORBIDDEN',
      );
      const login = await api.request('POST', '/api/v1/auth/login', {
        body: { username: body.username, password: body.password },
      });
      expectError(login, 401, 'INVALID_CREDENTIALS');
    });

    it('gets 403 creating a user with no unit at all', async () => {
      expectError(
        await api.request('POST', '/api/v1/users', { token: adminA, body: newUserBody([]) }),
        403,
        'FORBIDDEN',
      );
    });

    it('gets 403 listing the users of another unit', async () => {
      expectError(
        await api.request('GET', `/api/v1/users?unitId=${unitB.id}`, { token: adminA }),
        403,
        'FORBIDDEN',
      );
    });

    it('gets 403 reading or patching a user who belongs only to another unit', async () => {
      expectError(
        await api.request('GET', `/api/v1/users/${userOnlyB.id}`, { token: adminA }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await api.request('PATCH', `/api/v1/users/${userOnlyB.id}`, {
          token: adminA,
          body: { fullName: 'Đổi tên trộm' },
        }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await api.request('PATCH', `/api/v1/users/${userOnlyB.id}`, {
          token: adminA,
          body: { disabled: true },
        }),
        403,
        'FORBIDDEN',
      );
      const got = await api.request('GET', `/api/v1/users/${userOnlyB.id}`, { token: admin });
      expect(got.body).toMatchObject({ fullName: 'Nguyễn Văn Thử', disabled: false });
    });

    it('gets 403 reading or patching the system administrator', async () => {
      expectError(await api.request('GET', `/api/v1/users/${adminId}`, { token: adminA }), 403, 'FORBIDDEN');
      expectError(
        await api.request('PATCH', `/api/v1/users/${adminId}`, {
          token: adminA,
          body: { password: 'x'.repeat(12) },
        }),
        403,
        'FORBIDDEN',
      );
    });

    it('PATCHing memberships replaces only the roles within their unit (roles elsewhere are kept)', async () => {
      const user = await createUser(api, admin, [
        { unitId: unitA.id, role: 'editor' },
        { unitId: unitB.id, role: 'reporter' },
      ]);
      const res = await api.request('PATCH', `/api/v1/users/${user.id}`, {
        token: adminA,
        body: {
          memberships: [
            { unitId: unitA.id, role: 'approver' },
            { unitId: unitA.id, role: 'operator' },
          ],
        },
      });
      expect(res.status).toBe(200);
      const expected = sortMemberships([
        { unitId: unitA.id, role: 'approver' },
        { unitId: unitA.id, role: 'operator' },
        { unitId: unitB.id, role: 'reporter' },
      ]);
      expect(sortMemberships(res.body.memberships)).toEqual(expected);
      const got = await api.request('GET', `/api/v1/users/${user.id}`, { token: admin });
      expect(sortMemberships(got.body.memberships)).toEqual(expected);
    });

    it('may lock and reset its own users, but not a user shared with another unit', async () => {
      const own = await createUser(api, admin, [{ unitId: unitA.id, role: 'editor' }]);
      const locked = await api.request('PATCH', `/api/v1/users/${own.id}`, {
        token: adminA,
        body: { disabled: true },
      });
      expect(locked.status).toBe(200);
      expect(locked.body.disabled).toBe(true);

      const shared = await createUser(api, admin, [
        { unitId: unitA.id, role: 'editor' },
        { unitId: unitB.id, role: 'editor' },
      ]);
      for (const body of [{ disabled: true }, { password: 'mat-khau-moi-123' }, { fullName: 'Tên khác' }]) {
        const res = await api.request('PATCH', `/api/v1/users/${shared.id}`, { token: adminA, body });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      // The account still works in unit B.
      await expect(api.login(shared.username, shared.password)).resolves.toEqual(expect.any(String));
    });

    it('gets 403 PATCHing memberships that name another unit, changing nothing', async () => {
      const user = await createUser(api, admin, [
        { unitId: unitA.id, role: 'editor' },
        { unitId: unitB.id, role: 'reporter' },
      ]);
      const res = await api.request('PATCH', `/api/v1/users/${user.id}`, {
        token: adminA,
        body: { memberships: [{ unitId: unitB.id, role: 'admin' }] },
      });
      expectError(res, 403, 'FORBIDDEN');
      const got = await api.request('GET', `/api/v1/users/${user.id}`, { token: admin });
      expect(sortMemberships(got.body.memberships)).toEqual(
        sortMemberships([
          { unitId: unitA.id, role: 'editor' },
          { unitId: unitB.id, role: 'reporter' },
        ]),
      );
    });
  });

  it('the system admin PATCHing memberships replaces all of them', async () => {
    const a = await createUnit(api, admin);
    const b = await createUnit(api, admin);
    const user = await createUser(api, admin, [
      { unitId: a.id, role: 'editor' },
      { unitId: b.id, role: 'reporter' },
    ]);
    const res = await api.request('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      body: { memberships: [{ unitId: b.id, role: 'approver' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.memberships).toEqual([{ unitId: b.id, role: 'approver' }]);
  });

  it('an editor gets 403 on GET /api/v1/users and POST /api/v1/users', async () => {
    const unit = await createUnit(api, admin);
    const colleague = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
    const editor = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
    const token = await api.login(editor.username, editor.password);
    expectError(await api.request('GET', '/api/v1/users', { token }), 403, 'FORBIDDEN');
    expectError(await api.request('GET', `/api/v1/users?unitId=${unit.id}`, { token }), 403, 'FORBIDDEN');
    expectError(
      await api.request('POST', '/api/v1/users', {
        token,
        body: newUserBody([{ unitId: unit.id, role: 'editor' }]),
      }),
      403,
      'FORBIDDEN',
    );
    expectError(await api.request('GET', `/api/v1/users/${colleague.id}`, { token }), 403, 'FORBIDDEN');
    // …but may read themself.
    const self = await api.request('GET', `/api/v1/users/${editor.id}`, { token });
    expect(self.status).toBe(200);
    expect(self.body.id).toBe(editor.id);
  });

  it('answers 404 NOT_FOUND for a user id that does not exist', async () => {
    expectError(
      await api.request('GET', `/api/v1/users/${randomUUID()}`, { token: admin }),
      404,
      'NOT_FOUND',
    );
  });
});
