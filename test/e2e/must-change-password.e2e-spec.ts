import { startApi, startApiWithGeneratedAdmin, TestApi } from '../support/api';
import { expectError } from '../support/expectations';
import { createUnit, createUser } from '../support/factories';

describe('a password someone else knows must be changed (mustChangePassword)', () => {
  describe('the generated first password of admin', () => {
    let api: TestApi;
    let password: string;
    beforeAll(async () => {
      ({ api, password } = await startApiWithGeneratedAdmin());
    });
    afterAll(async () => {
      await api?.close();
    });

    it('is flagged at login and in GET /users/me, refuses nothing else, and is cleared by the change', async () => {
      const login = await api.request('POST', '/api/v1/auth/login', {
        body: { username: 'admin', password },
      });
      expect(login.status).toBe(200);
      expect(login.body.user).toMatchObject({
        username: 'admin',
        isSystemAdmin: true,
        mustChangePassword: true,
      });
      const token = login.body.accessToken as string;
      const me = await api.request('GET', '/api/v1/users/me', { token });
      expect(me.body.mustChangePassword).toBe(true);

      // The api does not block the account meanwhile: only the admin app asks first.
      const unit = await api.request('POST', '/api/v1/units', {
        token,
        body: { code: '99001', name: 'UBND xã Thử Nghiệm', kind: 'commune', slug: 'xa-thu-nghiem' },
      });
      expect(unit.status).toBe(201);

      const change = (body: Record<string, unknown>) =>
        api.request('POST', '/api/v1/users/me/password', { token, body });
      expectError(
        await change({ currentPassword: password, newPassword: 'ngan' }),
        400,
        'VALIDATION_FAILED',
        'newPassword',
      );
      expectError(
        await change({ currentPassword: 'khong-dung-dau', newPassword: 'mat-khau-rieng-2026' }),
        400,
        'VALIDATION_FAILED',
        'currentPassword',
      );
      const same = await change({ currentPassword: password, newPassword: password });
      expectError(same, 400, 'VALIDATION_FAILED', 'newPassword');
      expect(same.body.details).toEqual([
        { field: 'newPassword', message: 'Mật khẩu mới phải khác mật khẩu được cấp' },
      ]);
      expect((await api.request('GET', '/api/v1/users/me', { token })).body.mustChangePassword).toBe(true);

      expect((await change({ currentPassword: password, newPassword: 'mat-khau-rieng-2026' })).status).toBe(
        204,
      );
      // The old token ended with the change; the new password signs in without the flag.
      expect((await api.request('GET', '/api/v1/users/me', { token })).status).toBe(401);
      const again = await api.request('POST', '/api/v1/auth/login', {
        body: { username: 'admin', password: 'mat-khau-rieng-2026' },
      });
      expect(again.body.user.mustChangePassword).toBe(false);
      const meAgain = await api.request('GET', '/api/v1/users/me', { token: again.body.accessToken });
      expect(meAgain.body.mustChangePassword).toBe(false);
    });
  });

  describe('other accounts', () => {
    let api: TestApi;
    let admin: string;
    let unitId: string;
    beforeAll(async () => {
      api = await startApi();
      admin = await api.adminToken();
      unitId = (await createUnit(api, admin)).id;
    });
    afterAll(async () => {
      await api?.close();
    });

    it('an admin from BOOTSTRAP_ADMIN_PASSWORD chose it: no flag', async () => {
      const me = await api.request('GET', '/api/v1/users/me', { token: admin });
      expect(me.body).toMatchObject({ username: 'admin', mustChangePassword: false });
    });

    it('a new user keeps the password their administrator gave them: no flag', async () => {
      const user = await createUser(api, admin, [{ unitId, role: 'editor' }]);
      const login = await api.request('POST', '/api/v1/auth/login', {
        body: { username: user.username, password: user.password },
      });
      expect(login.body.user.mustChangePassword).toBe(false);
    });

    it('a password an administrator reset is flagged, until the person changes it', async () => {
      const user = await createUser(api, admin, [{ unitId, role: 'editor' }]);
      const reset = await api.request('PATCH', `/api/v1/users/${user.id}`, {
        token: admin,
        body: { password: 'mat-khau-dat-lai-1' },
      });
      expect(reset.status).toBe(200);
      expect(reset.body.mustChangePassword).toBe(true);
      const token = await api.login(user.username, 'mat-khau-dat-lai-1');
      expect((await api.request('GET', '/api/v1/users/me', { token })).body.mustChangePassword).toBe(true);

      // Another change by the administrator (not the password) leaves the flag alone.
      const renamed = await api.request('PATCH', `/api/v1/users/${user.id}`, {
        token: admin,
        body: { fullName: 'Trần Thị Đổi Tên' },
      });
      expect(renamed.body.mustChangePassword).toBe(true);

      const changed = await api.request('POST', '/api/v1/users/me/password', {
        token,
        body: { currentPassword: 'mat-khau-dat-lai-1', newPassword: 'mat-khau-cua-toi-1' },
      });
      expect(changed.status).toBe(204);
      const fresh = await api.login(user.username, 'mat-khau-cua-toi-1');
      expect((await api.request('GET', '/api/v1/users/me', { token: fresh })).body.mustChangePassword).toBe(
        false,
      );
    });

    it('an administrator who resets their own password through PATCH chose it: no flag', async () => {
      const unitAdmin = await createUser(api, admin, [{ unitId, role: 'admin' }]);
      const token = await api.login(unitAdmin.username, unitAdmin.password);
      const reset = await api.request('PATCH', `/api/v1/users/${unitAdmin.id}`, {
        token,
        body: { password: 'mat-khau-tu-dat-1' },
      });
      expect(reset.status).toBe(200);
      expect(reset.body.mustChangePassword).toBe(false);
    });
  });
});
