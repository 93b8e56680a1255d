import { createHmac, randomUUID } from 'node:crypto';
import { ADMIN_PASSWORD, startApi, TestApi } from '../support/api';
import { expectError } from '../support/expectations';
import { createUnit, createUser } from '../support/factories';

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 JWT signed with `secret` (to forge tokens the api must refuse, or expired ones it must). */
function signJwt(payload: object, secret: string): string {
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('auth (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    api = await startApi();
    const res = await api.request('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    admin = res.body.accessToken;
    adminId = res.body.user?.id;
  });
  afterAll(async () => {
    await api.close();
  });

  it('logs the system admin in and answers {accessToken, user: {id, username, fullName, memberships}}', async () => {
    const res = await api.request('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      accessToken: expect.any(String),
      user: {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        username: 'admin',
        fullName: expect.any(String),
        memberships: expect.any(Array),
      },
    });
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    expect(res.body.user).not.toHaveProperty('passwordHash');
    expect(res.body.user).not.toHaveProperty('password');
  });

  it('logs a unit user in with their memberships', async () => {
    const unit = await createUnit(api, admin);
    const user = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
    const res = await api.request('POST', '/api/v1/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      id: user.id,
      username: user.username,
      fullName: 'Nguyễn Văn Thử',
      memberships: [{ unitId: unit.id, role: 'editor' }],
    });
  });

  it('treats the user name as case-insensitive', async () => {
    const res = await api.request('POST', '/api/v1/auth/login', {
      body: { username: 'ADMIN', password: ADMIN_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('admin');
  });

  it('answers a wrong password and an unknown user with the same 401 INVALID_CREDENTIALS body', async () => {
    const wrongPassword = await api.request('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'khong-phai-mat-khau' },
    });
    const unknownUser = await api.request('POST', '/api/v1/auth/login', {
      body: { username: `khongco.${randomUUID().slice(0, 8)}`, password: 'khong-phai-mat-khau' },
    });
    expectError(wrongPassword, 401, 'INVALID_CREDENTIALS');
    expectError(unknownUser, 401, 'INVALID_CREDENTIALS');
    expect(unknownUser.body).toEqual(wrongPassword.body);
    expect(wrongPassword.body).not.toHaveProperty('accessToken');
  });

  it('refuses a login without a password with 400 naming the field', async () => {
    const res = await api.request('POST', '/api/v1/auth/login', { body: { username: 'admin' } });
    expectError(res, 400, 'VALIDATION_FAILED', 'password');
  });

  it('answers 401 UNAUTHENTICATED when the token is missing', async () => {
    const res = await api.request('GET', '/api/v1/users/me');
    expectError(res, 401, 'UNAUTHENTICATED');
  });

  it('answers 401 UNAUTHENTICATED for an Authorization header that is not a bearer token', async () => {
    const res = await api.request('GET', '/api/v1/users/me', {
      headers: { authorization: `Basic ${Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64')}` },
    });
    expectError(res, 401, 'UNAUTHENTICATED');
  });

  it('answers 401 for a garbage token', async () => {
    const res = await api.request('GET', '/api/v1/users/me', { token: 'rac.rac.rac' });
    expectError(res, 401, 'UNAUTHENTICATED');
    const notJwt = await api.request('GET', '/api/v1/users/me', { token: 'khong-phai-jwt' });
    expectError(notJwt, 401, 'UNAUTHENTICATED');
  });

  it('answers 401 for a token signed with another key, or with alg "none"', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = signJwt({ sub: adminId, iat: now, exp: now + 3600 }, 'not-the-server-secret');
    expectError(await api.request('GET', '/api/v1/users/me', { token: forged }), 401, 'UNAUTHENTICATED');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: adminId, iat: now, exp: now + 3600 })}.`;
    expectError(await api.request('GET', '/api/v1/users/me', { token: unsigned }), 401, 'UNAUTHENTICATED');
  });

  it('answers 401 TOKEN_EXPIRED for an expired token signed with the right key', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = signJwt({ sub: adminId, iat: now - 7200, exp: now - 3600 }, process.env.JWT_SECRET!);
    const res = await api.request('GET', '/api/v1/users/me', { token: expired });
    expectError(res, 401, 'TOKEN_EXPIRED');
  });

  it('answers 401 for a well-signed token of a user that does not exist', async () => {
    const now = Math.floor(Date.now() / 1000);
    const ghost = signJwt({ sub: randomUUID(), iat: now, exp: now + 3600 }, process.env.JWT_SECRET!);
    const res = await api.request('GET', '/api/v1/users/me', { token: ghost });
    expectError(res, 401, 'UNAUTHENTICATED');
  });

  it('answers 401, never a 5xx, for a well-signed token whose sub is not a user id (UUID)', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const sub of ['admin', '1 OR 1=1', '', 42, { id: adminId }, `${adminId}x`]) {
      const token = signJwt({ sub, iat: now, exp: now + 3600 }, process.env.JWT_SECRET!);
      expectError(await api.request('GET', '/api/v1/users/me', { token }), 401, 'UNAUTHENTICATED');
    }
  });

  it('GET /api/v1/users/me answers the caller', async () => {
    const res = await api.request('GET', '/api/v1/users/me', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: adminId, username: 'admin', memberships: expect.any(Array) });
    expect(res.body).not.toHaveProperty('passwordHash');

    const unit = await createUnit(api, admin);
    const user = await createUser(api, admin, [{ unitId: unit.id, role: 'reporter' }]);
    const token = await api.login(user.username, user.password);
    const mine = await api.request('GET', '/api/v1/users/me', { token });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      id: user.id,
      username: user.username,
      memberships: [{ unitId: unit.id, role: 'reporter' }],
    });
  });

  it("GET /users/me and the login state the caller's permissions per unit (roles and actions)", async () => {
    const a = await createUnit(api, admin);
    const b = await createUnit(api, admin);
    const user = await createUser(api, admin, [
      { unitId: a.id, role: 'editor' },
      { unitId: b.id, role: 'reporter' },
      { unitId: b.id, role: 'approver' },
    ]);
    const login = await api.request('POST', '/api/v1/auth/login', {
      body: { username: user.username, password: user.password },
    });
    const me = await api.request('GET', '/api/v1/users/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(login.body.user.permissions).toEqual(me.body.permissions);
    expect(me.body.actionsEverywhere).toEqual([]);
    const byUnit = Object.fromEntries(
      (me.body.permissions as { unitId: string; roles: string[]; actions: string[] }[]).map((p) => [
        p.unitId,
        p,
      ]),
    );
    expect(byUnit[a.id].roles).toEqual(['editor']);
    expect(byUnit[a.id].actions).toEqual(
      expect.arrayContaining([
        'articles.read',
        'articles.create',
        'articles.edit',
        'articles.submit',
        'audio.request',
        'lexicon.edit',
        'procedures.create',
      ]),
    );
    expect(byUnit[a.id].actions).not.toEqual(expect.arrayContaining(['articles.approve']));
    expect(byUnit[a.id].actions).not.toContain('users.manage');
    expect(byUnit[a.id].actions).not.toContain('reports.read');
    expect(byUnit[b.id].roles).toEqual(['approver', 'reporter']);
    expect(byUnit[b.id].actions).toEqual(
      expect.arrayContaining(['articles.approve', 'articles.publish', 'reports.read', 'procedures.publish']),
    );
    expect(byUnit[b.id].actions).not.toContain('articles.create');
    expect(byUnit[b.id].actions).not.toContain('lexicon.edit');
    // Sorted, without repeats: a stable list.
    expect(byUnit[b.id].actions).toEqual([...new Set(byUnit[b.id].actions)].sort());

    const sys = await api.request('GET', '/api/v1/users/me', { token: admin });
    expect(sys.body.actionsEverywhere).toEqual(
      expect.arrayContaining([
        'articles.create',
        'users.manage',
        'units.edit',
        'categories.manage',
        'audio.upload',
      ]),
    );
  });

  it('stops a disabled user at once: existing token 401, login 403 ACCOUNT_DISABLED', async () => {
    const unit = await createUnit(api, admin);
    const user = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
    const token = await api.login(user.username, user.password);
    expect((await api.request('GET', '/api/v1/users/me', { token })).status).toBe(200);

    const disable = await api.request('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      body: { disabled: true },
    });
    expect(disable.status).toBe(200);
    expect(disable.body).toMatchObject({ id: user.id, disabled: true });

    expectError(await api.request('GET', '/api/v1/users/me', { token }), 401, 'UNAUTHENTICATED');
    expectError(await api.request('GET', '/api/v1/units', { token }), 401, 'UNAUTHENTICATED');
    const login = await api.request('POST', '/api/v1/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expectError(login, 403, 'ACCOUNT_DISABLED');
    expect(login.body).not.toHaveProperty('accessToken');

    // A wrong password for a disabled account does not reveal that the account exists and is disabled.
    const wrong = await api.request('POST', '/api/v1/auth/login', {
      body: { username: user.username, password: 'sai-mat-khau-roi' },
    });
    expectError(wrong, 401, 'INVALID_CREDENTIALS');

    const enable = await api.request('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      body: { disabled: false },
    });
    expect(enable.status).toBe(200);
    const again = await api.login(user.username, user.password);
    expect((await api.request('GET', '/api/v1/users/me', { token: again })).status).toBe(200);
  });

  it('does not let the system admin disable their own account', async () => {
    const res = await api.request('PATCH', `/api/v1/users/${adminId}`, {
      token: admin,
      body: { disabled: true },
    });
    expectError(res, 403, 'FORBIDDEN');
    expect((await api.request('GET', '/api/v1/users/me', { token: admin })).status).toBe(200);
  });

  it('POST /api/v1/users/me/password changes the password', async () => {
    const unit = await createUnit(api, admin);
    const user = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
    const token = await api.login(user.username, user.password);
    const newPassword = `mat-khau-moi-${randomUUID().slice(0, 8)}`;

    const res = await api.request('POST', '/api/v1/users/me/password', {
      token,
      body: { currentPassword: user.password, newPassword },
    });
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(300);

    const oldLogin = await api.request('POST', '/api/v1/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expectError(oldLogin, 401, 'INVALID_CREDENTIALS');
    const newLogin = await api.request('POST', '/api/v1/auth/login', {
      body: { username: user.username, password: newPassword },
    });
    expect(newLogin.status).toBe(200);
    expect(newLogin.body.user.id).toBe(user.id);
  });

  describe('tokens issued before a password change, a reset, a lock or an unlock stop working', () => {
    const me = (token: string) => api.request('GET', '/api/v1/users/me', { token });

    it('after POST /users/me/password: every earlier token of the user (other sessions too) gets 401', async () => {
      const unit = await createUnit(api, admin);
      const user = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
      const here = await api.login(user.username, user.password);
      const elsewhere = await api.login(user.username, user.password);
      const newPassword = `mat-khau-moi-${randomUUID().slice(0, 8)}`;
      const res = await api.request('POST', '/api/v1/users/me/password', {
        token: here,
        body: { currentPassword: user.password, newPassword },
      });
      expect(res.status).toBe(204);
      for (const token of [here, elsewhere]) {
        const after = await me(token);
        expectError(after, 401, 'UNAUTHENTICATED');
        expect(after.body.message).toMatch(/đăng nhập lại/);
      }
      expect((await me(await api.login(user.username, newPassword))).status).toBe(200);
    });

    it('after an administrator resets the password', async () => {
      const unit = await createUnit(api, admin);
      const user = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
      const token = await api.login(user.username, user.password);
      const reset = await api.request('PATCH', `/api/v1/users/${user.id}`, {
        token: admin,
        body: { password: 'mat-khau-dat-lai-1' },
      });
      expect(reset.status).toBe(200);
      expectError(await me(token), 401, 'UNAUTHENTICATED');
      expect((await me(await api.login(user.username, 'mat-khau-dat-lai-1'))).status).toBe(200);
    });

    it('after a lock and an unlock (a token from before the lock does not come back to life)', async () => {
      const unit = await createUnit(api, admin);
      const user = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
      const token = await api.login(user.username, user.password);
      for (const disabled of [true, false]) {
        const res = await api.request('PATCH', `/api/v1/users/${user.id}`, {
          token: admin,
          body: { disabled },
        });
        expect(res.status).toBe(200);
      }
      expectError(await me(token), 401, 'UNAUTHENTICATED');
      expect((await me(await api.login(user.username, user.password))).status).toBe(200);
    });

    it('but not after a change of name or roles only', async () => {
      const unit = await createUnit(api, admin);
      const user = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
      const token = await api.login(user.username, user.password);
      const res = await api.request('PATCH', `/api/v1/users/${user.id}`, {
        token: admin,
        body: { fullName: 'Tên Mới', memberships: [{ unitId: unit.id, role: 'approver' }], disabled: false },
      });
      expect(res.status).toBe(200);
      expect((await me(token)).body).toMatchObject({ fullName: 'Tên Mới' });
    });

    it('a token from before versions existed (no ver) works until the first change', async () => {
      const unit = await createUnit(api, admin);
      const user = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
      const now = Math.floor(Date.now() / 1000);
      const legacy = signJwt({ sub: user.id, iat: now, exp: now + 3600 }, process.env.JWT_SECRET!);
      expect((await me(legacy)).status).toBe(200);
      await api.request('PATCH', `/api/v1/users/${user.id}`, {
        token: admin,
        body: { password: 'mat-khau-dat-lai-2' },
      });
      expectError(await me(legacy), 401, 'UNAUTHENTICATED');
    });
  });

  it('refuses a wrong currentPassword with 400 naming currentPassword, and keeps the old password', async () => {
    const unit = await createUnit(api, admin);
    const user = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
    const token = await api.login(user.username, user.password);

    const res = await api.request('POST', '/api/v1/users/me/password', {
      token,
      body: { currentPassword: 'khong-dung-dau', newPassword: 'mat-khau-moi-12345' },
    });
    expectError(res, 400, 'VALIDATION_FAILED', 'currentPassword');

    expect(
      (
        await api.request('POST', '/api/v1/auth/login', {
          body: { username: user.username, password: 'mat-khau-moi-12345' },
        })
      ).status,
    ).toBe(401);
    await expect(api.login(user.username, user.password)).resolves.toEqual(expect.any(String));
  });

  it('refuses a too short newPassword with 400 naming newPassword', async () => {
    const unit = await createUnit(api, admin);
    const user = await createUser(api, admin, [{ unitId: unit.id, role: 'editor' }]);
    const token = await api.login(user.username, user.password);
    const res = await api.request('POST', '/api/v1/users/me/password', {
      token,
      body: { currentPassword: user.password, newPassword: 'ngan' },
    });
    expectError(res, 400, 'VALIDATION_FAILED', 'newPassword');
    await expect(api.login(user.username, user.password)).resolves.toEqual(expect.any(String));
  });

  it('needs a token to change a password', async () => {
    const res = await api.request('POST', '/api/v1/users/me/password', {
      body: { currentPassword: ADMIN_PASSWORD, newPassword: 'mat-khau-moi-12345' },
    });
    expectError(res, 401, 'UNAUTHENTICATED');
  });
});
