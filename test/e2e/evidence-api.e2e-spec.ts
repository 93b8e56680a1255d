import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EVIDENCE_TYPES, EvidenceService } from '../../libs/evidence/src';
import { startApi, TestApi, TestResponse } from '../support/api';
import { UUID, expectError } from '../support/expectations';
import { createUnit, createUser } from '../support/factories';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const GENESIS = '0'.repeat(64);

interface EvidenceItem {
  id: string;
  unitId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actorId: string | null;
  method: string;
  subject: { type: string; id: string };
  snapshot: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

describe('evidence API (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let adminId: string;
  let evidence: EvidenceService;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await startApi();
    admin = await api.adminToken();
    adminId = (await api.request('GET', '/api/v1/users/me', { token: admin })).body.id;
    evidence = api.app.get(EvidenceService);
    dataSource = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api.close();
  });

  /** Appends one row through the app's own service (the way every domain records a fact). */
  function record(
    unitId: string,
    occurredAt: string,
    fields: Partial<{ type: 'test.event' | 'relay.recorded'; snapshot: Record<string, unknown> }> = {},
  ): Promise<{ id: string; prevHash: string; hash: string; subjectId: string }> {
    const subjectId = randomUUID();
    const chained = async (r: { id: string }) => {
      const rows: { prev_hash: string; hash: string }[] = await dataSource.query(
        'SELECT prev_hash, hash FROM evidence WHERE id = $1',
        [r.id],
      );
      return { id: r.id, prevHash: rows[0].prev_hash, hash: rows[0].hash };
    };
    const base = {
      unitId,
      occurredAt: new Date(occurredAt),
      actorId: adminId,
      subject: { type: 'article', id: subjectId },
    };
    const relay = {
      stationId: subjectId,
      stationName: 'Đài thử',
      airingId: subjectId,
      status: 'aired' as const,
      method: 'operator' as const,
      title: 'Tiếp âm VOV',
      sourceName: 'VOV1',
      planItemId: null,
      startedAt: occurredAt,
      endedAt: occurredAt,
      minutes: 30,
    };
    return (
      fields.type === 'relay.recorded'
        ? evidence.record(dataSource.manager, {
            ...base,
            type: 'relay.recorded',
            method: 'operator',
            snapshot: relay,
          })
        : evidence.record(dataSource.manager, {
            ...base,
            type: 'test.event',
            method: 'live',
            snapshot: fields.snapshot ?? { title: 'Tin thử nghiệm' },
          })
    )
      .then(chained)
      .then((r) => ({ ...r, subjectId }));
  }

  const ids = (res: TestResponse): string[] => (res.body.items as EvidenceItem[]).map((r) => r.id).sort();

  it('lists the rows of a unit with every field of the contract', async () => {
    const unit = await createUnit(api, admin);
    const snapshot = {
      title: 'Đẩy mạnh cải cách hành chính năm 2026',
      categories: ['Cải cách hành chính'],
      url: 'https://example.vn/bai-viet/cchc',
      durationSec: 95,
    };
    const first = await record(unit.id, '2026-03-01T08:00:00+07:00', { snapshot });
    const second = await record(unit.id, '2026-03-02T08:00:00+07:00');

    const res = await api.request('GET', `/api/v1/evidence?unitId=${unit.id}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: expect.any(Number) });
    expect(ids(res)).toEqual([first.id, second.id].sort());

    const row = (res.body.items as EvidenceItem[]).find((r) => r.id === first.id)!;
    expect(row).toMatchObject({
      id: expect.stringMatching(UUID),
      unitId: unit.id,
      type: 'test.event',
      occurredAt: expect.stringMatching(ISO_WITH_OFFSET),
      recordedAt: expect.stringMatching(ISO_WITH_OFFSET),
      actorId: adminId,
      method: 'live',
      subject: { type: 'article', id: first.subjectId },
      snapshot,
      prevHash: GENESIS,
      hash: first.hash,
    });
    expect(new Date(row.occurredAt).toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(row.hash).toMatch(SHA256_HEX);
    expect(Math.abs(Date.parse(row.recordedAt) - Date.now())).toBeLessThan(5 * 60_000);

    const next = (res.body.items as EvidenceItem[]).find((r) => r.id === second.id)!;
    expect(next.prevHash).toBe(first.hash);
    expect(next.hash).toBe(second.hash);
    expect(next.hash).not.toBe(first.hash);
  });

  it('pages the rows: ?page&pageSize → {items, total, page, pageSize}', async () => {
    const unit = await createUnit(api, admin);
    const rows = [
      await record(unit.id, '2026-04-01T08:00:00+07:00'),
      await record(unit.id, '2026-04-02T08:00:00+07:00'),
      await record(unit.id, '2026-04-03T08:00:00+07:00'),
    ];
    const page1 = await api.request('GET', `/api/v1/evidence?unitId=${unit.id}&page=1&pageSize=2`, {
      token: admin,
    });
    const page2 = await api.request('GET', `/api/v1/evidence?unitId=${unit.id}&page=2&pageSize=2`, {
      token: admin,
    });
    expect(page1.status).toBe(200);
    expect(page2.status).toBe(200);
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page1.body.items).toHaveLength(2);
    expect(page2.body.items).toHaveLength(1);
    expect([...ids(page1), ...ids(page2)].sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('does not mix units: a unit with no rows lists nothing', async () => {
    const withRows = await createUnit(api, admin);
    const empty = await createUnit(api, admin);
    await record(withRows.id, '2026-03-01T08:00:00+07:00');
    const res = await api.request('GET', `/api/v1/evidence?unitId=${empty.id}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
  });

  describe('filters by type and by Vietnamese days (from/to, inclusive)', () => {
    let unitId: string;
    let lateEvening: string; // 2026-03-01 23:30 in Vietnam
    let afterMidnight: string; // 2026-03-01T17:30Z = 2026-03-02 00:30 in Vietnam
    let midnightRelay: string; // 2026-02-28T17:00Z = 2026-03-01 00:00 in Vietnam
    let lastMomentOfFeb28: string; // 2026-02-28T16:59:59.999Z = 2026-02-28 23:59:59.999 in Vietnam

    beforeAll(async () => {
      unitId = (await createUnit(api, admin)).id;
      lateEvening = (await record(unitId, '2026-03-01T23:30:00+07:00')).id;
      afterMidnight = (await record(unitId, '2026-03-01T17:30:00Z')).id;
      midnightRelay = (await record(unitId, '2026-02-28T17:00:00Z', { type: 'relay.recorded' })).id;
      lastMomentOfFeb28 = (await record(unitId, '2026-02-28T16:59:59.999Z')).id;
    });

    const list = (query: string): Promise<TestResponse> =>
      api.request('GET', `/api/v1/evidence?unitId=${unitId}&${query}`, { token: admin });

    it('a row at 2026-03-01T23:30:00+07:00 belongs to 2026-03-01', async () => {
      const res = await list('from=2026-03-01&to=2026-03-01');
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual([lateEvening, midnightRelay].sort());
      expect(res.body.total).toBe(2);
    });

    it('a row at 2026-03-01T17:30:00Z belongs to 2026-03-02', async () => {
      const res = await list('from=2026-03-02&to=2026-03-02');
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual([afterMidnight]);
      expect(res.body.total).toBe(1);
    });

    it('a row at 23:59:59.999 Vietnamese time belongs to that day, not the next', async () => {
      const res = await list('to=2026-02-28');
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual([lastMomentOfFeb28]);
    });

    it('from alone and to alone are open-ended', async () => {
      expect(ids(await list('from=2026-03-02'))).toEqual([afterMidnight]);
      expect(ids(await list('from=2026-03-01'))).toEqual([lateEvening, afterMidnight, midnightRelay].sort());
      expect(ids(await list('to=2026-03-01'))).toEqual(
        [lateEvening, midnightRelay, lastMomentOfFeb28].sort(),
      );
    });

    it('filters by type, alone and with dates', async () => {
      const events = await list('type=test.event');
      expect(events.status).toBe(200);
      expect(ids(events)).toEqual([lateEvening, afterMidnight, lastMomentOfFeb28].sort());
      expect((events.body.items as EvidenceItem[]).every((r) => r.type === 'test.event')).toBe(true);
      expect(ids(await list('type=relay.recorded'))).toEqual([midnightRelay]);
      expect(ids(await list('type=test.event&from=2026-03-01&to=2026-03-01'))).toEqual([lateEvening]);
      expect(ids(await list('type=article.published'))).toEqual([]);
    });

    it('refuses an unknown type or a malformed date naming the field', async () => {
      expectError(await list('type=khong.co'), 400, 'VALIDATION_FAILED', 'type');
      expectError(await list('from=01/03/2026'), 400, 'VALIDATION_FAILED', 'from');
      expectError(await list('to=2026-3-1'), 400, 'VALIDATION_FAILED', 'to');
      expectError(await list('from=2026-13-01'), 400, 'VALIDATION_FAILED', 'from');
    });

    it('refuses a calendar date that does not exist (2026-02-31) naming the field', async () => {
      expectError(await list('from=2026-02-31'), 400, 'VALIDATION_FAILED', 'from');
      expectError(await list('to=2026-04-31'), 400, 'VALIDATION_FAILED', 'to');
    });
  });

  it('GET /api/v1/evidence/types names every kind of row and way of recording in Vietnamese', async () => {
    const res = await api.request('GET', '/api/v1/evidence/types', { token: admin });
    expect(res.status).toBe(200);
    const values = (res.body.types as { value: string }[]).map((t) => t.value);
    expect(values).toEqual(EVIDENCE_TYPES.filter((t) => t !== 'test.event'));
    expect(res.body.types).toContainEqual({ value: 'airing.recorded', label: 'Phát sóng' });
    expect(res.body.methods).toContainEqual({ value: 'import', label: 'Nhập dữ liệu cũ' });
    for (const kind of [...res.body.types, ...res.body.methods] as { label: string }[]) {
      expect(kind.label).toMatch(/[À-ỹ]|^[A-ZĐ]/);
    }
    // The rows carry the same names.
    const unit = await createUnit(api, admin);
    await record(unit.id, '2026-03-01T08:00:00+07:00', { type: 'relay.recorded' });
    const rows = await api.request('GET', `/api/v1/evidence?unitId=${unit.id}`, { token: admin });
    expect(rows.body.items[0]).toMatchObject({
      type: 'relay.recorded',
      typeLabel: 'Tiếp âm',
      method: 'operator',
      methodLabel: 'Nhân viên ghi',
    });
    expect((await api.request('GET', '/api/v1/evidence/types')).status).toBe(401);
  });

  it('GET /api/v1/evidence/verify answers {ok: true, checked: n}', async () => {
    const unit = await createUnit(api, admin);
    const empty = await api.request('GET', `/api/v1/evidence/verify?unitId=${unit.id}`, { token: admin });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ ok: true, checked: 0 });

    await record(unit.id, '2026-05-01T08:00:00+07:00');
    await record(unit.id, '2026-05-01T09:00:00+07:00', { snapshot: { title: 'Tiếp âm VOV', minutes: 30 } });
    await record(unit.id, '2026-04-30T09:00:00+07:00', { type: 'relay.recorded' });
    const res = await api.request('GET', `/api/v1/evidence/verify?unitId=${unit.id}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, checked: 3 });
    expect(res.body.firstBrokenId).toBeUndefined();
  });

  describe('who may read', () => {
    let parent: { id: string };
    let child: { id: string };
    let other: { id: string };
    let childRowId: string;
    let parentRowId: string;

    beforeAll(async () => {
      parent = await createUnit(api, admin, { kind: 'province' });
      child = await createUnit(api, admin, { parentId: parent.id });
      other = await createUnit(api, admin);
      childRowId = (await record(child.id, '2026-03-10T08:00:00+07:00')).id;
      parentRowId = (await record(parent.id, '2026-03-10T08:00:00+07:00')).id;
    });

    async function tokenOf(unitId: string, role: string): Promise<string> {
      const user = await createUser(api, admin, [{ unitId, role }]);
      return api.login(user.username, user.password);
    }

    it('a user of another unit gets 403 on the list and on verify', async () => {
      const token = await tokenOf(other.id, 'admin');
      expectError(
        await api.request('GET', `/api/v1/evidence?unitId=${child.id}`, { token }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await api.request('GET', `/api/v1/evidence/verify?unitId=${child.id}`, { token }),
        403,
        'FORBIDDEN',
      );
    });

    it('a reporter of the parent unit may read the child unit’s evidence (200)', async () => {
      const token = await tokenOf(parent.id, 'reporter');
      const res = await api.request('GET', `/api/v1/evidence?unitId=${child.id}`, { token });
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual([childRowId]);
      const verify = await api.request('GET', `/api/v1/evidence/verify?unitId=${child.id}`, { token });
      expect(verify.status).toBe(200);
      expect(verify.body).toMatchObject({ ok: true, checked: 1 });
      const own = await api.request('GET', `/api/v1/evidence?unitId=${parent.id}`, { token });
      expect(own.status).toBe(200);
      expect(ids(own)).toEqual([parentRowId]);
    });

    it.each(['editor', 'operator'])(
      'a parent-unit %s may not read the child’s evidence (403)',
      async (role) => {
        const token = await tokenOf(parent.id, role);
        expectError(
          await api.request('GET', `/api/v1/evidence?unitId=${child.id}`, { token }),
          403,
          'FORBIDDEN',
        );
        expectError(
          await api.request('GET', `/api/v1/evidence/verify?unitId=${child.id}`, { token }),
          403,
          'FORBIDDEN',
        );
      },
    );

    it('a reporter of the child unit may not read the parent’s evidence (403)', async () => {
      const token = await tokenOf(child.id, 'reporter');
      expect((await api.request('GET', `/api/v1/evidence?unitId=${child.id}`, { token })).status).toBe(200);
      expectError(
        await api.request('GET', `/api/v1/evidence?unitId=${parent.id}`, { token }),
        403,
        'FORBIDDEN',
      );
    });

    it('needs a token (401)', async () => {
      expectError(await api.request('GET', `/api/v1/evidence?unitId=${child.id}`), 401, 'UNAUTHENTICATED');
      expectError(
        await api.request('GET', `/api/v1/evidence/verify?unitId=${child.id}`),
        401,
        'UNAUTHENTICATED',
      );
    });
  });

  it('refuses a missing or malformed unitId with 400 naming unitId', async () => {
    expectError(
      await api.request('GET', '/api/v1/evidence', { token: admin }),
      400,
      'VALIDATION_FAILED',
      'unitId',
    );
    expectError(
      await api.request('GET', '/api/v1/evidence/verify', { token: admin }),
      400,
      'VALIDATION_FAILED',
      'unitId',
    );
    expectError(
      await api.request('GET', '/api/v1/evidence?unitId=khong-phai-uuid', { token: admin }),
      400,
      'VALIDATION_FAILED',
      'unitId',
    );
  });

  it('refuses a pageSize over the maximum naming pageSize', async () => {
    const unit = await createUnit(api, admin);
    expectError(
      await api.request('GET', `/api/v1/evidence?unitId=${unit.id}&pageSize=201`, { token: admin }),
      400,
      'VALIDATION_FAILED',
      'pageSize',
    );
  });
});
