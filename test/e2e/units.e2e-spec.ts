import { randomBytes, randomUUID } from 'node:crypto';
import { startApi, TestApi } from '../support/api';
import { UUID, expectError } from '../support/expectations';
import { createUnit, createUser } from '../support/factories';

const suffix = (): string => randomBytes(4).toString('hex');

describe('units (e2e)', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi({ PUBLIC_URL: 'https://cong.tinh-thu.gov.vn' });
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await api.close();
  });

  /** A user with one role in a unit, logged in. */
  async function member(unitId: string, role: string): Promise<{ id: string; token: string }> {
    const user = await createUser(api, admin, [{ unitId, role }]);
    return { id: user.id, token: await api.login(user.username, user.password) };
  }

  it('lets the system admin create a tree of depth 3 (province → commune → child), 201 with the unit', async () => {
    const s = suffix();
    const res = await api.request('POST', '/api/v1/units', {
      token: admin,
      body: { code: `T${s}`, name: `Tỉnh Thử ${s}`, kind: 'province', slug: `tinh-${s}` },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(UUID),
      code: `T${s}`,
      name: `Tỉnh Thử ${s}`,
      kind: 'province',
      parentId: null,
      slug: `tinh-${s}`,
      settings: {},
    });
    const province = res.body;
    const commune = await createUnit(api, admin, { kind: 'commune', parentId: province.id });
    const child = await createUnit(api, admin, { kind: 'other', parentId: commune.id, name: 'Tổ dân phố 1' });
    expect(commune.parentId).toBe(province.id);
    expect(child.parentId).toBe(commune.id);

    const got = await api.request('GET', `/api/v1/units/${child.id}`, { token: admin });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      id: child.id,
      code: child.code,
      name: 'Tổ dân phố 1',
      kind: 'other',
      parentId: commune.id,
      slug: child.slug,
      settings: {},
    });

    const children = await api.request('GET', `/api/v1/units?parentId=${province.id}`, { token: admin });
    expect(children.status).toBe(200);
    expect(children.body.items.map((u: { id: string }) => u.id)).toEqual([commune.id]);
  });

  it('GET /api/v1/units answers {items, total, page, pageSize} and pages', async () => {
    const parent = await createUnit(api, admin, { kind: 'province' });
    const a = await createUnit(api, admin, { parentId: parent.id });
    const b = await createUnit(api, admin, { parentId: parent.id });
    const c = await createUnit(api, admin, { parentId: parent.id });

    const all = await api.request('GET', `/api/v1/units?parentId=${parent.id}`, { token: admin });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: expect.any(Number) });
    expect(all.body.items.map((u: { id: string }) => u.id).sort()).toEqual([a.id, b.id, c.id].sort());

    const page1 = await api.request('GET', `/api/v1/units?parentId=${parent.id}&page=1&pageSize=2`, {
      token: admin,
    });
    const page2 = await api.request('GET', `/api/v1/units?parentId=${parent.id}&page=2&pageSize=2`, {
      token: admin,
    });
    expect(page1.status).toBe(200);
    expect(page2.status).toBe(200);
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page1.body.items).toHaveLength(2);
    expect(page2.body.items).toHaveLength(1);
    const seen = [...page1.body.items, ...page2.body.items].map((u: { id: string }) => u.id).sort();
    expect(seen).toEqual([a.id, b.id, c.id].sort());

    const plain = await api.request('GET', '/api/v1/units', { token: admin });
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual({
      items: expect.any(Array),
      total: expect.any(Number),
      page: 1,
      pageSize: expect.any(Number),
    });
    expect(plain.body.total).toBeGreaterThanOrEqual(4);
  });

  it('refuses a duplicate code with 409 UNIT_CODE_TAKEN naming code', async () => {
    const unit = await createUnit(api, admin);
    const res = await api.request('POST', '/api/v1/units', {
      token: admin,
      body: { code: unit.code, name: 'Trùng mã', kind: 'commune', slug: `khac-${suffix()}` },
    });
    expectError(res, 409, 'UNIT_CODE_TAKEN', 'code');
  });

  it('refuses a duplicate slug with 409 naming slug', async () => {
    const unit = await createUnit(api, admin);
    const res = await api.request('POST', '/api/v1/units', {
      token: admin,
      body: { code: `K${suffix()}`, name: 'Trùng đường dẫn', kind: 'commune', slug: unit.slug },
    });
    expect(res.status).toBe(409);
    expectError(res, 409, res.body.code, 'slug');
    expect(res.body.code).toBe('UNIT_SLUG_TAKEN');
  });

  it('refuses a PATCH to another unit’s slug or code with 409', async () => {
    const a = await createUnit(api, admin);
    const b = await createUnit(api, admin);
    expectError(
      await api.request('PATCH', `/api/v1/units/${b.id}`, { token: admin, body: { slug: a.slug } }),
      409,
      'UNIT_SLUG_TAKEN',
      'slug',
    );
    expectError(
      await api.request('PATCH', `/api/v1/units/${b.id}`, { token: admin, body: { code: a.code } }),
      409,
      'UNIT_CODE_TAKEN',
      'code',
    );
    const after = await api.request('GET', `/api/v1/units/${b.id}`, { token: admin });
    expect(after.body).toMatchObject({ code: b.code, slug: b.slug });
  });

  it('refuses an unknown parentId with 400 naming parentId', async () => {
    const s = suffix();
    const res = await api.request('POST', '/api/v1/units', {
      token: admin,
      body: { code: `P${s}`, name: 'Cha không có', kind: 'commune', slug: `p-${s}`, parentId: randomUUID() },
    });
    expectError(res, 400, 'VALIDATION_FAILED', 'parentId');
    // Nothing half-written: the code is still free.
    const retry = await api.request('POST', '/api/v1/units', {
      token: admin,
      body: { code: `P${s}`, name: 'Cha không có', kind: 'commune', slug: `p-${s}` },
    });
    expect(retry.status).toBe(201);

    const patch = await api.request('PATCH', `/api/v1/units/${retry.body.id}`, {
      token: admin,
      body: { parentId: randomUUID() },
    });
    expectError(patch, 400, 'VALIDATION_FAILED', 'parentId');
  });

  it('refuses a PATCH that makes a unit the child of its own descendant (409 UNIT_CYCLE)', async () => {
    const province = await createUnit(api, admin, { kind: 'province' });
    const commune = await createUnit(api, admin, { parentId: province.id });
    const child = await createUnit(api, admin, { kind: 'other', parentId: commune.id });

    expectError(
      await api.request('PATCH', `/api/v1/units/${province.id}`, {
        token: admin,
        body: { parentId: child.id },
      }),
      409,
      'UNIT_CYCLE',
    );
    expectError(
      await api.request('PATCH', `/api/v1/units/${province.id}`, {
        token: admin,
        body: { parentId: commune.id },
      }),
      409,
      'UNIT_CYCLE',
    );
    expectError(
      await api.request('PATCH', `/api/v1/units/${commune.id}`, {
        token: admin,
        body: { parentId: commune.id },
      }),
      409,
      'UNIT_CYCLE',
    );
    const after = await api.request('GET', `/api/v1/units/${province.id}`, { token: admin });
    expect(after.body.parentId).toBeNull();

    // A legitimate move is accepted.
    const move = await api.request('PATCH', `/api/v1/units/${child.id}`, {
      token: admin,
      body: { parentId: province.id },
    });
    expect(move.status).toBe(200);
    expect(move.body.parentId).toBe(province.id);
  });

  describe('what a non-admin user sees', () => {
    let province: { id: string };
    let commune: { id: string };
    let child: { id: string };
    let sibling: { id: string };
    let unrelated: { id: string };

    beforeAll(async () => {
      province = await createUnit(api, admin, { kind: 'province' });
      commune = await createUnit(api, admin, { parentId: province.id });
      child = await createUnit(api, admin, { kind: 'other', parentId: commune.id });
      sibling = await createUnit(api, admin, { parentId: province.id });
      unrelated = await createUnit(api, admin);
    });

    it.each([
      ['editor', false],
      ['operator', false],
      ['reporter', true],
      ['approver', true],
      ['admin', true],
    ])('a %s of the commune lists the commune (descendants: %s)', async (role, withDescendants) => {
      const user = await member(commune.id, role);
      const res = await api.request('GET', '/api/v1/units', { token: user.token });
      expect(res.status).toBe(200);
      const ids = (res.body.items as { id: string }[]).map((u) => u.id).sort();
      const expected = withDescendants ? [commune.id, child.id] : [commune.id];
      expect(ids).toEqual(expected.sort());
      expect(res.body.total).toBe(expected.length);
      expect(ids).not.toContain(province.id);
      expect(ids).not.toContain(sibling.id);
      expect(ids).not.toContain(unrelated.id);
    });

    it('a reporter may open a descendant unit but not the parent, a sibling or another unit', async () => {
      const reporter = await member(commune.id, 'reporter');
      expect(
        (await api.request('GET', `/api/v1/units/${commune.id}`, { token: reporter.token })).status,
      ).toBe(200);
      expect((await api.request('GET', `/api/v1/units/${child.id}`, { token: reporter.token })).status).toBe(
        200,
      );
      for (const other of [province, sibling, unrelated]) {
        expectError(
          await api.request('GET', `/api/v1/units/${other.id}`, { token: reporter.token }),
          403,
          'FORBIDDEN',
        );
      }
    });

    it('an editor may open their own unit but not its descendants', async () => {
      const editor = await member(commune.id, 'editor');
      expect((await api.request('GET', `/api/v1/units/${commune.id}`, { token: editor.token })).status).toBe(
        200,
      );
      expectError(
        await api.request('GET', `/api/v1/units/${child.id}`, { token: editor.token }),
        403,
        'FORBIDDEN',
      );
    });
  });

  it('round-trips settings including broadcastPolicy, and PATCH settings keeps the other settings', async () => {
    const settings = {
      signerTitle: 'CHỦ TỊCH',
      signerName: 'Nguyễn Văn A',
      documentSuffix: 'BC-UBND',
      placeName: 'Hà Kỳ',
      broadcastPolicy: { maxSlotsPerDay: 3, maxMinutesPerSlot: 45, allowedWeekdays: [1, 3, 5, 7] },
    };
    const unit = await createUnit(api, admin, { settings });
    expect(unit).toMatchObject({ settings });

    const got = await api.request('GET', `/api/v1/units/${unit.id}`, { token: admin });
    expect(got.status).toBe(200);
    expect(got.body.settings).toEqual(settings);

    const policy = { maxSlotsPerDay: 2, maxMinutesPerSlot: 30, allowedWeekdays: [6, 7] };
    const patch = await api.request('PATCH', `/api/v1/units/${unit.id}`, {
      token: admin,
      body: { settings: { broadcastPolicy: policy } },
    });
    expect(patch.status).toBe(200);
    expect(patch.body.settings.broadcastPolicy).toEqual(policy);

    const again = await api.request('GET', `/api/v1/units/${unit.id}`, { token: admin });
    expect(again.body.settings).toEqual({ ...settings, broadcastPolicy: policy });
  });

  it.each([[[0]], [[8]], [[1, 1]], [[2.5]], ['1,2']])(
    'refuses allowedWeekdays %j with 400 naming settings.broadcastPolicy.allowedWeekdays',
    async (allowedWeekdays) => {
      const s = suffix();
      const res = await api.request('POST', '/api/v1/units', {
        token: admin,
        body: {
          code: `W${s}`,
          name: 'Sai ngày phát',
          kind: 'commune',
          slug: `w-${s}`,
          settings: { broadcastPolicy: { allowedWeekdays } },
        },
      });
      expectError(res, 400, 'VALIDATION_FAILED', 'settings.broadcastPolicy.allowedWeekdays');

      const unit = await createUnit(api, admin);
      const patch = await api.request('PATCH', `/api/v1/units/${unit.id}`, {
        token: admin,
        body: { settings: { broadcastPolicy: { allowedWeekdays } } },
      });
      expectError(patch, 400, 'VALIDATION_FAILED', 'settings.broadcastPolicy.allowedWeekdays');
    },
  );

  it('refuses IP literals in any form, localhost and the deployment’s own host as a portal host (400 naming settings.portalHost)', async () => {
    const unit = await createUnit(api, admin);
    const refused = [
      '127.0.0.1',
      '0.0.0.0',
      '10.0.0.8',
      '192.168.1.20',
      '172.16.5.4',
      '169.254.169.254',
      '127.1',
      '0x7f.0.0.1',
      '0177.0.0.1',
      '2130706433',
      'xa.123',
      '::1',
      '[::1]',
      '[::ffff:127.0.0.1]',
      'fe80::1',
      'localhost',
      'admin.localhost',
      'cong.tinh-thu.gov.vn',
      'CONG.TINH-THU.GOV.VN',
    ];
    const answers = [];
    for (const host of refused) {
      const res = await api.request('PATCH', `/api/v1/units/${unit.id}`, {
        token: admin,
        body: { settings: { portalHost: host } },
      });
      const fields = ((res.body.details ?? []) as { field: string }[]).map((d) => d.field);
      answers.push({ host, status: res.status, named: fields.includes('settings.portalHost') });
    }
    expect(answers).toEqual(refused.map((host) => ({ host, status: 400, named: true })));
    const created = await api.request('POST', '/api/v1/units', {
      token: admin,
      body: {
        code: `H${suffix()}`,
        name: 'UBND xã IP',
        kind: 'commune',
        slug: `ip-${suffix()}`,
        settings: { portalHost: '127.0.0.1' },
      },
    });
    expectError(created, 400, 'VALIDATION_FAILED', 'settings.portalHost');
    expect(
      (await api.request('GET', `/api/v1/units/${unit.id}`, { token: admin })).body.settings.portalHost,
    ).toBe(undefined);
  });

  it('keeps a given-up slug for its unit: the old address answers 301 to the new one, and no other unit can take it (409 naming slug)', async () => {
    const unit = await createUnit(api, admin);
    const other = await createUnit(api, admin);
    const old = unit.slug;
    const renamed = `moi-${suffix()}`;
    const changed = await api.request('PATCH', `/api/v1/units/${unit.id}`, {
      token: admin,
      body: { slug: renamed },
    });
    expect(changed.status).toBe(200);

    for (const [from, to] of [
      [`/site/${old}/`, `/site/${renamed}/`],
      [`/site/${old}/bai-viet/mot-bai?x=1`, `/site/${renamed}/bai-viet/mot-bai?x=1`],
      [`/site/${old}/chuyen-muc/tin-hoat-dong?trang=2`, `/site/${renamed}/chuyen-muc/tin-hoat-dong?trang=2`],
      [`/site/${old}/thu-tuc-hanh-chinh/1.000300/in`, `/site/${renamed}/thu-tuc-hanh-chinh/1.000300/in`],
      [`/site/${old}/rss.xml`, `/site/${renamed}/rss.xml`],
    ]) {
      const res = await fetch(`${api.baseUrl}${from}`, { redirect: 'manual' });
      expect({ from, status: res.status, location: res.headers.get('location') }).toEqual({
        from,
        status: 301,
        location: to,
      });
    }
    expect((await fetch(`${api.baseUrl}/site/${renamed}/`)).status).toBe(200);

    expectError(
      await api.request('PATCH', `/api/v1/units/${other.id}`, { token: admin, body: { slug: old } }),
      409,
      'UNIT_SLUG_TAKEN',
      'slug',
    );
    expectError(
      await api.request('POST', '/api/v1/units', {
        token: admin,
        body: { code: `S${suffix()}`, name: 'UBND xã Chiếm', kind: 'commune', slug: old },
      }),
      409,
      'UNIT_SLUG_TAKEN',
      'slug',
    );
    // The unit itself may go back to it; then the newer slug redirects.
    const back = await api.request('PATCH', `/api/v1/units/${unit.id}`, {
      token: admin,
      body: { slug: old },
    });
    expect(back.status).toBe(200);
    const res = await fetch(`${api.baseUrl}/site/${renamed}/tim-kiem?q=a`, { redirect: 'manual' });
    expect({ status: res.status, location: res.headers.get('location') }).toEqual({
      status: 301,
      location: `/site/${old}/tim-kiem?q=a`,
    });
  });

  it('refuses maxSlotsPerDay 0 and maxMinutesPerSlot "30" naming the field', async () => {
    const unit = await createUnit(api, admin);
    expectError(
      await api.request('PATCH', `/api/v1/units/${unit.id}`, {
        token: admin,
        body: { settings: { broadcastPolicy: { maxSlotsPerDay: 0 } } },
      }),
      400,
      'VALIDATION_FAILED',
      'settings.broadcastPolicy.maxSlotsPerDay',
    );
    expectError(
      await api.request('PATCH', `/api/v1/units/${unit.id}`, {
        token: admin,
        body: { settings: { broadcastPolicy: { maxMinutesPerSlot: '30' } } },
      }),
      400,
      'VALIDATION_FAILED',
      'settings.broadcastPolicy.maxMinutesPerSlot',
    );
  });

  describe('a unit admin', () => {
    let unitA: { id: string; code: string; parentId: string | null };
    let unitB: { id: string };
    let unitAdmin: { id: string; token: string };

    beforeAll(async () => {
      unitA = await createUnit(api, admin);
      unitB = await createUnit(api, admin);
      unitAdmin = await member(unitA.id, 'admin');
    });

    it('may PATCH the name and settings of their unit', async () => {
      const name = `UBND xã Đổi Tên ${suffix()}`;
      const settings = {
        signerTitle: 'PHÓ CHỦ TỊCH',
        broadcastPolicy: { maxSlotsPerDay: 4, maxMinutesPerSlot: 60, allowedWeekdays: [1, 2, 3, 4, 5] },
      };
      const res = await api.request('PATCH', `/api/v1/units/${unitA.id}`, {
        token: unitAdmin.token,
        body: { name, settings },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: unitA.id, name, code: unitA.code });
      expect(res.body.settings).toMatchObject(settings);
      const got = await api.request('GET', `/api/v1/units/${unitA.id}`, { token: unitAdmin.token });
      expect(got.body).toMatchObject({ name, settings });
    });

    it('may not map a host name to the portal (403 naming settings.portalHost), but may send back the one it has', async () => {
      const host = `xa-${suffix()}.gov.vn`;
      expectError(
        await api.request('PATCH', `/api/v1/units/${unitA.id}`, {
          token: unitAdmin.token,
          body: { settings: { portalHost: host } },
        }),
        403,
        'FORBIDDEN',
        'settings.portalHost',
      );
      expect(
        (await api.request('GET', `/api/v1/units/${unitA.id}`, { token: admin })).body.settings.portalHost,
      ).toBe(undefined);
      const mapped = await api.request('PATCH', `/api/v1/units/${unitA.id}`, {
        token: admin,
        body: { settings: { portalHost: host } },
      });
      expect(mapped.status).toBe(200);
      // The settings form sends every field back: the same host is no change.
      const same = await api.request('PATCH', `/api/v1/units/${unitA.id}`, {
        token: unitAdmin.token,
        body: { settings: { portalHost: host.toUpperCase(), signerName: 'Nguyễn Văn B' } },
      });
      expect(same.status).toBe(200);
      expectError(
        await api.request('PATCH', `/api/v1/units/${unitA.id}`, {
          token: unitAdmin.token,
          body: { settings: { portalHost: '' } },
        }),
        403,
        'FORBIDDEN',
        'settings.portalHost',
      );
    });

    it('may not change the code, kind or parentId of their unit (403)', async () => {
      expectError(
        await api.request('PATCH', `/api/v1/units/${unitA.id}`, {
          token: unitAdmin.token,
          body: { code: `X${suffix()}` },
        }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await api.request('PATCH', `/api/v1/units/${unitA.id}`, {
          token: unitAdmin.token,
          body: { parentId: unitB.id },
        }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await api.request('PATCH', `/api/v1/units/${unitA.id}`, {
          token: unitAdmin.token,
          body: { kind: 'ward' },
        }),
        403,
        'FORBIDDEN',
      );
      const got = await api.request('GET', `/api/v1/units/${unitA.id}`, { token: admin });
      expect(got.body).toMatchObject({ code: unitA.code, parentId: unitA.parentId, kind: 'commune' });
    });

    it('may not PATCH another unit (403)', async () => {
      const res = await api.request('PATCH', `/api/v1/units/${unitB.id}`, {
        token: unitAdmin.token,
        body: { name: 'Chiếm quyền' },
      });
      expectError(res, 403, 'FORBIDDEN');
      const got = await api.request('GET', `/api/v1/units/${unitB.id}`, { token: admin });
      expect(got.body.name).not.toBe('Chiếm quyền');
    });

    it('may not create units: only the system admin may POST /units (403)', async () => {
      const s = suffix();
      const res = await api.request('POST', '/api/v1/units', {
        token: unitAdmin.token,
        body: { code: `N${s}`, name: 'Không được tạo', kind: 'commune', slug: `n-${s}`, parentId: unitA.id },
      });
      expectError(res, 403, 'FORBIDDEN');
      const children = await api.request('GET', `/api/v1/units?parentId=${unitA.id}`, { token: admin });
      expect(children.body.total).toBe(0);
    });
  });

  it('an editor may not PATCH their own unit (403)', async () => {
    const unit = await createUnit(api, admin);
    const editor = await member(unit.id, 'editor');
    const res = await api.request('PATCH', `/api/v1/units/${unit.id}`, {
      token: editor.token,
      body: { name: 'Biên tập viên đổi tên' },
    });
    expectError(res, 403, 'FORBIDDEN');
  });

  it('needs a token to list units', async () => {
    expectError(await api.request('GET', '/api/v1/units'), 401, 'UNAUTHENTICATED');
  });

  it('answers 404 NOT_FOUND for a unit id that does not exist', async () => {
    expectError(
      await api.request('GET', `/api/v1/units/${randomUUID()}`, { token: admin }),
      404,
      'NOT_FOUND',
    );
  });
});
