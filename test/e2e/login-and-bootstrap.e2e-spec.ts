import { DataSource } from 'typeorm';
import { freshDatabaseUrl } from '../support/database';
import { startApi, TestApi, TestResponse } from '../support/api';
import { expectError } from '../support/expectations';
import { createUnit, createUser } from '../support/factories';

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

/**
 * Per account, across addresses and replicas: the per-address limit of the block above is set out of
 * reach here (test env: 1000), so only the account's backoff can answer 429.
 */
describe('per-account login backoff', () => {
  let a: TestApi;
  let b: TestApi;
  let admin: string;
  let db: DataSource;

  beforeAll(async () => {
    const url = await freshDatabaseUrl('backoff');
    // Behind a proxy (X-Forwarded-For), so a test can speak from several addresses.
    a = await startApi({ DATABASE_URL: url, TRUST_PROXY: 'true' });
    b = await startApi({ DATABASE_URL: url, TRUST_PROXY: 'true' });
    admin = await a.adminToken();
    db = a.app.get(DataSource);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  const login = (api: TestApi, username: string, password: string, from?: string): Promise<TestResponse> =>
    api.request('POST', '/api/v1/auth/login', {
      body: { username, password },
      headers: from ? { 'x-forwarded-for': from } : {},
    });
  const newUser = async () =>
    createUser(a, admin, [{ unitId: (await createUnit(a, admin)).id, role: 'editor' }]);
  /** What the person would see after waiting: the account's wait has passed. */
  const waitPasses = (key: string) =>
    db.query(`UPDATE auth_backoffs SET blocked_until = now() - interval '1 second' WHERE key = $1`, [key]);
  const retryAfter = (res: TestResponse): number => Number(res.headers.get('retry-after'));

  it('after 5 wrong passwords from any replica, refuses the next attempt (even the right one) for 15 s', async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i += 1) {
      expectError(await login(i % 2 ? a : b, user.username, 'sai-mat-khau'), 401, 'INVALID_CREDENTIALS');
    }
    const blocked = await login(b, user.username.toUpperCase(), user.password);
    expectError(blocked, 429, 'TOO_MANY_REQUESTS');
    expect(blocked.body.message).toMatch(/thử lại sau \d+ giây/);
    expect(retryAfter(blocked)).toBeGreaterThan(0);
    expect(retryAfter(blocked)).toBeLessThanOrEqual(15);
    expectError(await login(a, user.username, user.password), 429, 'TOO_MANY_REQUESTS');

    // Another account is not slowed.
    const other = await newUser();
    expect((await login(a, other.username, other.password)).status).toBe(200);
  });

  it('doubles the wait with each further failure, up to 5 minutes, and forgets it all on a success', async () => {
    const user = await newUser();
    const key = `login:${user.username}`;
    for (let i = 0; i < 5; i += 1) {
      await login(a, user.username, 'sai-mat-khau');
    }
    await waitPasses(key);
    expectError(await login(b, user.username, 'sai-lan-sau'), 401, 'INVALID_CREDENTIALS');
    const second = await login(a, user.username, user.password);
    expectError(second, 429, 'TOO_MANY_REQUESTS');
    expect(retryAfter(second)).toBeGreaterThan(15);
    expect(retryAfter(second)).toBeLessThanOrEqual(30);

    await db.query(
      `UPDATE auth_backoffs SET failures = 40, blocked_until = now() - interval '1 second' WHERE key = $1`,
      [key],
    );
    await login(a, user.username, 'sai-mat-khau');
    const capped = await login(a, user.username, user.password);
    expect(retryAfter(capped)).toBeGreaterThan(240);
    expect(retryAfter(capped)).toBeLessThanOrEqual(300);
    expect(capped.body.message).toMatch(/5 phút/);

    await waitPasses(key);
    expect((await login(b, user.username, user.password)).status).toBe(200);
    expect(await db.query('SELECT 1 FROM auth_backoffs WHERE key = $1', [key])).toEqual([]);
    for (let i = 0; i < 4; i += 1) {
      expectError(await login(a, user.username, 'sai-mat-khau'), 401, 'INVALID_CREDENTIALS');
    }
  });

  it('does not let a stranger keep the owner out: an address the account signed in from is exempt', async () => {
    const user = await newUser();
    expect((await login(a, user.username, user.password, '10.0.0.1')).status).toBe(200); // the office PC
    for (let i = 2; i <= 7; i += 1) {
      await login(i % 2 ? a : b, user.username, 'doan-mo', `203.0.113.${i}`);
    }
    expectError(await login(a, user.username, user.password, '203.0.113.9'), 429, 'TOO_MANY_REQUESTS');
    expect((await login(b, user.username, user.password, '10.0.0.1')).status).toBe(200);
    // The owner's success resets the count (so the stranger's next guess is checked again, and counted).
    expectError(await login(a, user.username, 'doan-tiep', '203.0.113.2'), 401, 'INVALID_CREDENTIALS');
  });

  it('counts a burst of parallel guesses: no more than 5 are checked', async () => {
    const user = await newUser();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(i % 2 ? a : b, user.username, `doan-${i}`)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('treats an unknown user name the same way (no hint that the account does not exist)', async () => {
    for (let i = 0; i < 5; i += 1) {
      expectError(await login(a, 'khong-ai-ca', 'x'), 401, 'INVALID_CREDENTIALS');
    }
    expectError(await login(b, 'khong-ai-ca', 'x'), 429, 'TOO_MANY_REQUESTS');
  });

  it('rate-limits the current-password check of POST /users/me/password the same way', async () => {
    const user = await newUser();
    const token = await a.login(user.username, user.password);
    const change = (api: TestApi, currentPassword: string) =>
      api.request('POST', '/api/v1/users/me/password', {
        token,
        body: { currentPassword, newPassword: 'mat-khau-moi-12345' },
      });
    for (let i = 0; i < 5; i += 1) {
      expectError(await change(i % 2 ? a : b, `doan-${i}`), 400, 'VALIDATION_FAILED', 'currentPassword');
    }
    const blocked = await change(a, user.password);
    expectError(blocked, 429, 'TOO_MANY_REQUESTS');
    expect(retryAfter(blocked)).toBeGreaterThan(0);
    // Nothing changed: the old password still logs in, and the token still works.
    expect((await login(b, user.username, user.password)).status).toBe(200);
    expect((await a.request('GET', '/api/v1/users/me', { token })).status).toBe(200);

    await waitPasses(`password:${user.id}`);
    expect((await change(b, user.password)).status).toBe(204);
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
