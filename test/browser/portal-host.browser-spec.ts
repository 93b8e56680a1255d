import { browserStage } from '../support/admin-stage';
import { ADMIN_PASSWORD } from '../support/api';
import { createUnit, createUser } from '../support/factories';

// The unit form of the admin app: only the system administrator maps a host name to a unit's portal.
describe('Portal host name in the admin app', () => {
  const stage = browserStage();

  it('shows a unit admin the mapped host read-only, and saves their other changes without touching it', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const host = `xa-${unit.slug}.gov.vn`;
    const mapped = await stage.api.request('PATCH', `/api/v1/units/${unit.id}`, {
      token: stage.adminToken,
      body: { settings: { portalHost: host } },
    });
    expect(mapped.status).toBe(200);
    const unitAdmin = await createUser(stage.api, stage.adminToken, [{ unitId: unit.id, role: 'admin' }]);

    const session = await stage.signIn(unitAdmin.username, unitAdmin.password);
    try {
      const { page } = session;
      await page.goto(`${stage.api.baseUrl}/admin/quan-tri/don-vi/${unit.id}`);
      const field = page.getByLabel('Tên miền riêng của cổng thông tin');
      await field.waitFor();
      expect(await field.inputValue()).toBe(host);
      expect(await field.isDisabled()).toBe(true);
      await page.getByText('Chỉ quản trị hệ thống được đặt hoặc đổi tên miền riêng.').waitFor();
      await page.getByLabel('Họ tên người ký').fill('Trần Thị Ký');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText('Đã lưu thay đổi').waitFor();
    } finally {
      await session.close();
    }
    const saved = await stage.api.request('GET', `/api/v1/units/${unit.id}`, { token: stage.adminToken });
    expect(saved.body.settings).toMatchObject({ portalHost: host, signerName: 'Trần Thị Ký' });
  });

  it('lets the system administrator edit it', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const session = await stage.signIn('admin', ADMIN_PASSWORD);
    try {
      const { page } = session;
      await page.goto(`${stage.api.baseUrl}/admin/quan-tri/don-vi/${unit.id}`);
      const field = page.getByLabel('Tên miền riêng của cổng thông tin');
      await field.waitFor();
      expect(await field.isDisabled()).toBe(false);
      await field.fill('127.0.0.1');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      // The api's refusal lands under the field.
      await page.getByText('Không dùng địa chỉ IP làm tên miền của cổng thông tin').waitFor();
    } finally {
      await session.close();
    }
  });
});
