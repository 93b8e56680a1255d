import { DataSource } from 'typeorm';
import { freshDatabaseUrl } from '../support/database';
import { startApi, TestApi } from '../support/api';

describe('login rate limit', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ DATABASE_URL: await freshDatabaseUrl('ratelimit'), LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses the attempt after the limit with 429, even with the right password', async () => {
    for (let i = 0; i < 3; i += 1) {
      const res = await api.request('POST', '/api/v1/auth/login', {
        body: { username: 'admin', password: 'sai-mat-khau' },
      });
      expect(res.status).toBe(401);
    }
    const blocked = await api.request('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'mat-khau-quan-tri' },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.body.message).toMatch(/thử lại/);
    expect(Number(blocked.headers.get('retry-after-login-user'))).toBeGreaterThan(0);
  });

  it('counts per user name: another account from the same address can still log in', async () => {
    const res = await api.request('POST', '/api/v1/auth/login', {
      body: { username: 'nguoi-khac', password: 'x' },
    });
    expect(res.status).toBe(401);
  });

  it('keeps the counters in PostgreSQL, shared by every api replica', async () => {
    const rows: { hits: number }[] = await api.app
      .get(DataSource)
      .query('SELECT hits FROM rate_limits ORDER BY hits DESC');
    expect(rows[0].hits).toBeGreaterThanOrEqual(4);
  });
});

describe('system administrator bootstrap', () => {
  it('creates admin once on an empty database, even when replicas boot together', async () => {
    const url = await freshDatabaseUrl('bootstrap');
    const [first, second] = await Promise.all([
      startApi({ DATABASE_URL: url, BOOTSTRAP_ADMIN_PASSWORD: 'mat-khau-ban-dau' }),
      startApi({ DATABASE_URL: url, BOOTSTRAP_ADMIN_PASSWORD: 'mat-khau-ban-dau' }),
    ]);
    try {
      const admins: { username: string; is_system_admin: boolean }[] = await first.app
        .get(DataSource)
        .query('SELECT username, is_system_admin FROM users');
      expect(admins).toEqual([{ username: 'admin', is_system_admin: true }]);
      await expect(second.login('admin', 'mat-khau-ban-dau')).resolves.toEqual(expect.any(String));
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('leaves existing users alone on a later start', async () => {
    const url = await freshDatabaseUrl('bootstrap2');
    const first = await startApi({ DATABASE_URL: url, BOOTSTRAP_ADMIN_PASSWORD: 'mat-khau-mot' });
    await first.close();
    const again = await startApi({ DATABASE_URL: url, BOOTSTRAP_ADMIN_PASSWORD: 'mat-khau-hai' });
    try {
      await expect(again.login('admin', 'mat-khau-mot')).resolves.toEqual(expect.any(String));
      const res = await again.request('POST', '/api/v1/auth/login', {
        body: { username: 'admin', password: 'mat-khau-hai' },
      });
      expect(res.status).toBe(401);
    } finally {
      await again.close();
    }
  });
});
