import { DataSource } from 'typeorm';
import { snapshotMismatch } from '../../libs/evidence/src';
import { startApi, TestApi } from '../support/api';
import { makeRadioPiece, makeReadyAudio } from '../support/broadcast-factories';
import { expectError } from '../support/expectations';
import { createUnit, memberToken } from '../support/factories';

interface Slot {
  id: string;
  name: string;
  weekdays: number[];
  start: string;
  durationMinutes: number;
  kind: string;
  relaySource: { name: string; url: string } | null;
}
interface PlanItem {
  id: string;
  kind: string;
  audioId: string | null;
  articleId: string | null;
  title: string;
  plannedStart: string;
  durationSec: number;
  priority: string;
}
interface Plan {
  id: string;
  date: string;
  status: string;
  version: number;
  slots: { slotId: string; kind: string; start: string; items: PlanItem[] }[];
  warnings: { code: string; message: string }[];
  deviations: { kind: string; reason: string; title: string; actorName: string }[];
  allowedActions: string[];
}

/** A Monday some weeks ahead, so "the future" checks never bite and the week is whole. */
const MONDAY = '2026-12-14';
const day = (offset: number) =>
  new Date(Date.parse(`${MONDAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

describe('Broadcast: stations, slots, daily plans, airings (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi();
    admin = await api.adminToken();
    db = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api.close();
  });

  async function stationOf(unitId: string, token = admin): Promise<string> {
    const res = await api.request('GET', `/api/v1/units/${unitId}/stations`, { token });
    expect(res.status).toBe(200);
    return res.body[0].id;
  }

  async function slotsOf(stationId: string): Promise<Slot[]> {
    const res = await api.request('GET', `/api/v1/stations/${stationId}/slots`, { token: admin });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function evidenceOf(
    unitId: string,
    type: string,
  ): Promise<{ snapshot: Record<string, unknown>; occurredAt: string; method: string }[]> {
    const res = await api.request('GET', `/api/v1/evidence?unitId=${unitId}&type=${type}&pageSize=100`, {
      token: admin,
    });
    expect(res.status).toBe(200);
    return res.body.items;
  }

  describe('stations and slots', () => {
    it('gives a new commune a station with the default slots, and a department none', async () => {
      const unit = await createUnit(api, admin);
      const stations = await api.request('GET', `/api/v1/units/${unit.id}/stations`, { token: admin });
      expect(stations.body).toEqual([{ id: expect.any(String), unitId: unit.id, name: 'Đài truyền thanh' }]);
      const slots = await slotsOf(stations.body[0].id);
      expect(slots.map((s) => [s.start, s.durationMinutes, s.kind])).toEqual([
        ['05:30', 15, 'programme'],
        ['06:00', 30, 'relay'],
        ['17:00', 15, 'programme'],
      ]);
      expect(slots[1].relaySource).toEqual({
        name: 'Thời sự VOV1',
        url: expect.stringMatching(/^https:\/\//),
      });
      expect(slots.every((s) => s.weekdays.length === 7)).toBe(true);

      const department = await createUnit(api, admin, { kind: 'department' });
      const none = await api.request('GET', `/api/v1/units/${department.id}/stations`, { token: admin });
      expect(none.body).toEqual([]);
      // A new station there still starts with the defaults.
      const made = await api.request('POST', `/api/v1/units/${department.id}/stations`, {
        token: admin,
        body: { name: 'Đài phòng' },
      });
      expect(made.status).toBe(201);
      expect(await slotsOf(made.body.id)).toHaveLength(3);
      const twice = await api.request('POST', `/api/v1/units/${department.id}/stations`, {
        token: admin,
        body: { name: 'Đài phòng' },
      });
      expectError(twice, 409, 'CONFLICT', 'name');
    });

    it("cuts the defaults to the unit's policy and refuses slots that break it, naming the field, writing nothing", async () => {
      const unit = await createUnit(api, admin, {
        kind: 'ward',
        settings: {
          broadcastPolicy: { maxSlotsPerDay: 2, maxMinutesPerSlot: 15, allowedWeekdays: [1, 2, 3, 4, 5] },
        },
      });
      const station = await stationOf(unit.id);
      const defaults = await slotsOf(station);
      expect(defaults.map((s) => [s.name, s.weekdays])).toEqual([
        ['Bản tin buổi sáng', [1, 2, 3, 4, 5]],
        ['Bản tin buổi chiều', [1, 2, 3, 4, 5]],
      ]);
      const operator = await memberToken(api, admin, unit.id, 'operator');
      const post = (body: Record<string, unknown>, token = operator) =>
        api.request('POST', `/api/v1/stations/${station}/slots`, { token, body });
      const ok = {
        name: 'Chuyên mục CCHC',
        weekdays: [3],
        start: '10:45',
        durationMinutes: 15,
        kind: 'programme',
      };

      expectError(await post({ ...ok, durationMinutes: 20 }), 400, 'VALIDATION_FAILED', 'durationMinutes');
      expectError(await post({ ...ok, weekdays: [6] }), 400, 'VALIDATION_FAILED', 'weekdays');
      expectError(await post({ ...ok, start: '05:40' }), 400, 'VALIDATION_FAILED', 'start');
      expectError(await post({ ...ok, start: '23:50' }), 400, 'VALIDATION_FAILED', 'durationMinutes');
      expectError(await post({ ...ok, start: '25:00' }), 400, 'VALIDATION_FAILED', 'start');
      expectError(await post({ ...ok, kind: 'relay' }), 400, 'VALIDATION_FAILED', 'relaySource');
      expectError(
        await post({ ...ok, kind: 'relay', relaySource: { name: 'VOV', url: 'javascript:alert(1)' } }),
        400,
        'VALIDATION_FAILED',
        'relaySource.url',
      );
      // Two slots already run on Wednesday: a third breaks maxSlotsPerDay.
      const third = await post(ok);
      expectError(third, 400, 'VALIDATION_FAILED', 'weekdays');
      expect(third.body.message).toMatch(/thứ Tư/);
      expect(await slotsOf(station)).toHaveLength(2);

      // An editor may read but not change slots.
      const editor = await memberToken(api, admin, unit.id, 'editor');
      expect((await post(ok, editor)).status).toBe(403);

      // Moving the afternoon bulletin onto the morning one is an overlap too.
      const afternoon = defaults[1];
      const moved = await api.request('PATCH', `/api/v1/slots/${afternoon.id}`, {
        token: operator,
        body: { start: '05:35' },
      });
      expectError(moved, 400, 'VALIDATION_FAILED', 'start');
      const fine = await api.request('PATCH', `/api/v1/slots/${afternoon.id}`, {
        token: operator,
        body: { start: '16:45', weekdays: [1, 3, 5] },
      });
      expect(fine.status).toBe(200);
      expect(fine.body).toMatchObject({ start: '16:45', weekdays: [1, 3, 5] });
      // Removed, then the Wednesday slot fits.
      expect((await api.request('DELETE', `/api/v1/slots/${afternoon.id}`, { token: operator })).status).toBe(
        204,
      );
      expect((await post(ok)).status).toBe(201);
    });

    it('serialises concurrent slot writes so the policy holds under a race', async () => {
      const unit = await createUnit(api, admin, { settings: { broadcastPolicy: { maxSlotsPerDay: 4 } } });
      const station = await stationOf(unit.id);
      const results = await Promise.all(
        ['08:00', '09:00', '10:00', '11:00'].map((start) =>
          api.request('POST', `/api/v1/stations/${station}/slots`, {
            token: admin,
            body: { name: `Khung ${start}`, weekdays: [2], start, durationMinutes: 10, kind: 'programme' },
          }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect((await slotsOf(station)).filter((s) => s.weekdays.includes(2))).toHaveLength(4);
    });
  });

  describe('daily plans', () => {
    let unitId: string;
    let station: string;
    let approver: string;
    let operator: string;
    const pieces: Record<string, { articleId: string; audioId: string; title: string }> = {};

    beforeAll(async () => {
      unitId = (await createUnit(api, admin)).id;
      station = await stationOf(unitId);
      approver = await memberToken(api, admin, unitId, 'approver');
      operator = await memberToken(api, admin, unitId, 'operator');
      // Ready on the Monday itself: every piece's airing window starts that day.
      const readyAt = new Date(`${MONDAY}T01:00:00+07:00`);
      pieces.urgent = await makeRadioPiece(db, {
        unitId,
        title: 'Thông báo ưu tiên',
        priority: 'priority',
        durationMs: 120_000,
        readyAt,
      });
      pieces.twice = await makeRadioPiece(db, {
        unitId,
        title: 'Phát hai lần',
        plannedAirings: 2,
        airingDays: 1,
        durationMs: 180_000,
        readyAt,
      });
      pieces.normal = await makeRadioPiece(db, {
        unitId,
        title: 'Tin thường',
        durationMs: 240_000,
        readyAt: new Date(readyAt.getTime() + 3_600_000),
      });
      pieces.long = await makeRadioPiece(db, {
        unitId,
        title: 'Phóng sự dài',
        durationMs: 20 * 60_000,
        readyAt,
      });
      pieces.draft = await makeRadioPiece(db, { unitId, title: 'Bài chưa duyệt', status: 'draft', readyAt });
      const other = await createUnit(api, admin);
      pieces.foreign = await makeRadioPiece(db, { unitId: other.id, title: 'Bài đơn vị khác', readyAt });
    });

    const generate = (date: string, token = operator) =>
      api.request('POST', `/api/v1/stations/${station}/plans/${date}/generate`, { token });

    it('fills the programme slots: priority first, short pieces, no repeat unless asked, never overfilled; relays as relay items', async () => {
      const res = await generate(MONDAY);
      expect(res.status).toBe(201);
      const plan = res.body as Plan;
      expect(plan).toMatchObject({ date: MONDAY, status: 'draft' });
      expect(plan.slots.map((s) => [s.start, s.kind])).toEqual([
        ['05:30', 'programme'],
        ['06:00', 'relay'],
        ['17:00', 'programme'],
      ]);
      const [morning, relay, afternoon] = plan.slots;
      expect(morning.items.map((i) => i.title)).toEqual(['Thông báo ưu tiên', 'Phát hai lần', 'Tin thường']);
      expect(morning.items[0]).toMatchObject({
        priority: 'priority',
        plannedStart: expect.stringMatching(/T05:30:00|T22:30:00/),
      });
      expect(new Date(morning.items[0].plannedStart).toISOString()).toBe(
        new Date(`${MONDAY}T05:30:00+07:00`).toISOString(),
      );
      expect(relay.items).toEqual([
        expect.objectContaining({ kind: 'relay', title: 'Thời sự VOV1', durationSec: 1800 }),
      ]);
      // Asked to air twice in one day: once in each programme slot. The others only once.
      expect(afternoon.items.map((i) => i.title)).toEqual(['Phát hai lần']);
      const titles = plan.slots.flatMap((s) => s.items.map((i) => i.title));
      expect(titles).not.toContain('Bài chưa duyệt');
      expect(titles).not.toContain('Bài đơn vị khác');
      expect(titles).not.toContain('Phóng sự dài');
      const codes = plan.warnings.map((w) => w.code);
      expect(codes).toContain('piece-too-long');
      expect(codes).toContain('slot-underfilled');
      expect(plan.warnings.find((w) => w.code === 'piece-too-long')!.message).toMatch(
        /Phóng sự dài.*20 phút/,
      );
    });

    it('is deterministic: generating again gives the same plan', async () => {
      const a = (await generate(day(1))).body as Plan;
      const b = (await generate(day(1))).body as Plan;
      const shape = (p: Plan) =>
        p.slots.map((s) => s.items.map((i) => [i.audioId, i.plannedStart, i.durationSec]));
      expect(shape(b)).toEqual(shape(a));
      expect(b.version).toBe(a.version + 1);
    });

    it('refuses a date with no slots and a date out of range, naming the date', async () => {
      const unit = await createUnit(api, admin, {
        settings: { broadcastPolicy: { allowedWeekdays: [1, 2, 3, 4, 5] } },
      });
      const weekdaysOnly = await stationOf(unit.id);
      const saturday = await api.request(
        'POST',
        `/api/v1/stations/${weekdaysOnly}/plans/${day(5)}/generate`,
        { token: admin },
      );
      expectError(saturday, 400, 'VALIDATION_FAILED', 'date');
      expect(saturday.body.message).toMatch(/19\/12\/2026.*thứ Bảy/);
      expectError(await generate('2026-02-30'), 400, 'VALIDATION_FAILED', 'date');
      expectError(await generate('1999-12-31'), 400, 'VALIDATION_FAILED', 'date');
      expect(
        (await api.request('GET', `/api/v1/stations/${station}/plans/${day(20)}`, { token: operator }))
          .status,
      ).toBe(404);
    });

    it('edits (reorder, add, remove), refuses overfilling, approves by an approver only, then keeps every change as a deviation', async () => {
      const date = day(2);
      let plan = (await generate(date)).body as Plan;
      const morning = plan.slots[0];
      const afternoon = plan.slots[2];
      const put = (items: unknown[], extra: Record<string, unknown> = {}, token = operator) =>
        api.request('PUT', `/api/v1/stations/${station}/plans/${date}/items`, {
          token,
          body: { items, ...extra },
        });
      const keep = (p: Plan) => p.slots.flatMap((s) => s.items.map((i) => ({ id: i.id, slotId: s.slotId })));

      // Reorder the morning: the last first.
      const order = keep(plan);
      const morningIds = order.filter((i) => i.slotId === morning.slotId);
      const reordered = [
        morningIds[2],
        morningIds[0],
        morningIds[1],
        ...order.filter((i) => i.slotId !== morning.slotId),
      ];
      const edited = await put(reordered, { version: plan.version });
      expect(edited.status).toBe(200);
      expect(edited.body.slots[0].items.map((i: PlanItem) => i.id)).toEqual([
        morningIds[2].id,
        morningIds[0].id,
        morningIds[1].id,
      ]);
      expect(edited.body.deviations).toEqual([]);
      // A stale version is refused.
      expectError(await put(reordered, { version: plan.version }), 409, 'VERSION_CONFLICT', 'version');
      plan = edited.body;

      // The 20-minute report does not fit a 15-minute slot: 400 naming the item.
      const tooMuch = await put([...keep(plan), { slotId: afternoon.slotId, audioId: pieces.long.audioId }]);
      expectError(tooMuch, 400, 'VALIDATION_FAILED', `items.${keep(plan).length}`);
      // Another unit's or an unapproved piece: 400 naming its audioId.
      expectError(
        await put([...keep(plan), { slotId: afternoon.slotId, audioId: pieces.foreign.audioId }]),
        400,
        'VALIDATION_FAILED',
        `items.${keep(plan).length}.audioId`,
      );
      expectError(
        await put([...keep(plan), { slotId: afternoon.slotId, audioId: pieces.draft.audioId }]),
        400,
        'VALIDATION_FAILED',
        `items.${keep(plan).length}.audioId`,
      );
      expectError(
        await put([{ slotId: plan.slots[1].slotId, audioId: pieces.normal.audioId }]),
        400,
        'VALIDATION_FAILED',
        'items.0.slotId',
      );
      const unchanged = (
        await api.request('GET', `/api/v1/stations/${station}/plans/${date}`, { token: operator })
      ).body as Plan;
      expect(keep(unchanged)).toEqual(keep(plan));

      // An operator cannot approve; an approver can, once.
      expect(
        (await api.request('POST', `/api/v1/stations/${station}/plans/${date}/approve`, { token: operator }))
          .status,
      ).toBe(403);
      const approved = await api.request('POST', `/api/v1/stations/${station}/plans/${date}/approve`, {
        token: approver,
      });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', approvedByName: expect.any(String) });
      expect(approved.body.allowedActions).not.toContain('approve');
      expectError(
        await api.request('POST', `/api/v1/stations/${station}/plans/${date}/approve`, { token: approver }),
        409,
        'INVALID_STATE',
      );
      expectError(await generate(date), 409, 'INVALID_STATE');
      const rows = (await evidenceOf(unitId, 'plan.approved')).filter((r) => r.snapshot.date === date);
      expect(rows).toHaveLength(1);
      expect(snapshotMismatch('plan.approved', rows[0].snapshot)).toEqual([]);
      expect((rows[0].snapshot.items as unknown[]).length).toBe(keep(plan).length);

      // After approval: a change needs a reason, and is kept as a deviation.
      plan = approved.body;
      const withoutFirst = keep(plan).slice(1);
      expectError(await put(withoutFirst), 400, 'VALIDATION_FAILED', 'reason');
      const changed = await put(
        [...withoutFirst, { slotId: afternoon.slotId, audioId: pieces.normal.audioId }],
        {
          reason: 'Lãnh đạo yêu cầu phát lại tin thường buổi chiều',
        },
      );
      expect(changed.status).toBe(200);
      expect(changed.body.status).toBe('approved');
      expect(changed.body.deviations.map((d: { kind: string }) => d.kind).sort()).toEqual([
        'added',
        'removed',
      ]);
      expect(changed.body.deviations[0]).toMatchObject({
        reason: 'Lãnh đạo yêu cầu phát lại tin thường buổi chiều',
        actorName: expect.any(String),
      });
    });

    it('refuses to approve an empty plan, naming items', async () => {
      const unit = await createUnit(api, admin);
      const empty = await stationOf(unit.id);
      // Only programme slots, no pieces: the plan is generated empty.
      for (const slot of await slotsOf(empty)) {
        if (slot.kind === 'relay') {
          await api.request('DELETE', `/api/v1/slots/${slot.id}`, { token: admin });
        }
      }
      const plan = await api.request('POST', `/api/v1/stations/${empty}/plans/${MONDAY}/generate`, {
        token: admin,
      });
      expect(plan.status).toBe(201);
      expect(plan.body.warnings.map((w: { code: string }) => w.code)).toContain('no-pieces');
      expectError(
        await api.request('POST', `/api/v1/stations/${empty}/plans/${MONDAY}/approve`, { token: admin }),
        400,
        'VALIDATION_FAILED',
        'items',
      );
    });
  });

  describe('airings', () => {
    let unitId: string;
    let station: string;
    let operator: string;
    let piece: { articleId: string; audioId: string; title: string };

    beforeAll(async () => {
      unitId = (await createUnit(api, admin)).id;
      station = await stationOf(unitId);
      operator = await memberToken(api, admin, unitId, 'operator');
      piece = await makeRadioPiece(db, {
        unitId,
        title: 'Tuyên truyền dịch vụ công',
        durationMs: 90_000,
        readyAt: new Date(Date.now() - 86_400_000),
      });
    });

    const post = (body: Record<string, unknown>, key?: string, token = operator) =>
      api.request('POST', '/api/v1/airings', { token, body, headers: key ? { 'Idempotency-Key': key } : {} });
    const aired = (startedAt: string, seconds = 90) => ({
      stationId: station,
      audioId: piece.audioId,
      kind: 'programme',
      startedAt,
      endedAt: new Date(Date.parse(startedAt) + seconds * 1000).toISOString(),
      status: 'aired',
      method: 'console',
      playedSeconds: seconds,
    });

    it('records an airing once per Idempotency-Key, even when the duplicates arrive together', async () => {
      const body = aired('2026-11-30T06:30:00+07:00');
      const results = await Promise.all(Array.from({ length: 8 }, () => post(body, 'phat-2026-11-30-0630')));
      const created = results.filter((r) => r.status === 201);
      expect(created).toHaveLength(1);
      expect(results.every((r) => r.status === 201 || r.status === 200)).toBe(true);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      const rows = await db.query(
        `SELECT count(*)::int AS n FROM airings WHERE unit_id = $1 AND idempotency_key = $2`,
        [unitId, 'phat-2026-11-30-0630'],
      );
      expect(rows[0].n).toBe(1);
      const evidence = (await evidenceOf(unitId, 'airing.recorded')).filter(
        (r) => r.snapshot.airingId === created[0].body.id,
      );
      expect(evidence).toHaveLength(1);
      expect(snapshotMismatch('airing.recorded', evidence[0].snapshot)).toEqual([]);
      expect(evidence[0]).toMatchObject({
        method: 'console',
        snapshot: { status: 'aired', minutes: 1.5, countsAsCchc: true, title: piece.title },
      });
      // The same key with another body is a mistake, not a replay.
      expectError(
        await post({ ...body, status: 'partial' }, 'phat-2026-11-30-0630'),
        409,
        'CONFLICT',
        'Idempotency-Key',
      );
      expectError(await post(body, 'khoa co dau cach'), 400, 'VALIDATION_FAILED', 'Idempotency-Key');
    });

    it('refuses impossible airings, naming the field, and writes nothing', async () => {
      const before = (
        await db.query(`SELECT count(*)::int AS n FROM airings WHERE unit_id = $1`, [unitId])
      )[0].n;
      const base = aired('2026-11-29T17:00:00+07:00');
      expectError(
        await post({ ...base, endedAt: '2026-11-29T16:59:00+07:00' }),
        400,
        'VALIDATION_FAILED',
        'endedAt',
      );
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expectError(
        await post({ ...base, startedAt: future, endedAt: future }),
        400,
        'VALIDATION_FAILED',
        'startedAt',
      );
      expectError(
        await post({ ...base, startedAt: '2026-11-29T25:00:00+07:00' }),
        400,
        'VALIDATION_FAILED',
        'startedAt',
      );
      expectError(
        await post({ ...base, status: 'missed', playedSeconds: 0 }),
        400,
        'VALIDATION_FAILED',
        'note',
      );
      expectError(await post({ ...base, kind: 'relay' }), 400, 'VALIDATION_FAILED', 'audioId');
      expectError(await post({ ...base, playedSeconds: 600 }), 400, 'VALIDATION_FAILED', 'playedSeconds');
      const other = await createUnit(api, admin);
      const foreignAudio = await makeReadyAudio(db, { unitId: other.id, title: 'Của đơn vị khác' });
      expectError(await post({ ...base, audioId: foreignAudio.id }), 400, 'VALIDATION_FAILED', 'audioId');
      const foreignStation = await stationOf(other.id);
      expect((await post({ ...base, stationId: foreignStation })).status).toBe(403);
      expectError(
        await post({ ...base, stationId: '00000000-0000-4000-8000-000000000000' }),
        404,
        'NOT_FOUND',
        'stationId',
      );
      const after = (await db.query(`SELECT count(*)::int AS n FROM airings WHERE unit_id = $1`, [unitId]))[0]
        .n;
      expect(after).toBe(before);
    });

    it('records relays, missed airings with a note, and old logbook lines, each as its typed evidence', async () => {
      const relay = await post({
        stationId: station,
        kind: 'relay',
        sourceName: 'Thời sự VOV1',
        startedAt: '2026-11-28T06:00:00+07:00',
        endedAt: '2026-11-28T06:30:00+07:00',
        status: 'aired',
        method: 'operator',
      });
      expect(relay.status).toBe(201);
      const relays = (await evidenceOf(unitId, 'relay.recorded')).filter(
        (r) => r.snapshot.airingId === relay.body.id,
      );
      expect(snapshotMismatch('relay.recorded', relays[0].snapshot)).toEqual([]);
      expect(relays[0].snapshot).toMatchObject({ sourceName: 'Thời sự VOV1', minutes: 30 });

      const missed = await post({
        ...aired('2026-11-28T17:00:00+07:00'),
        status: 'missed',
        note: 'Mất điện cả xã',
        playedSeconds: 0,
        method: 'operator',
      });
      expect(missed.status).toBe(201);
      const line = await post({
        stationId: station,
        kind: 'programme',
        title: 'Tuyên truyền nộp hồ sơ trực tuyến (sổ cũ)',
        startedAt: '2025-03-04T16:45:00+07:00',
        endedAt: '2025-03-04T16:55:00+07:00',
        status: 'aired',
        method: 'import',
      });
      expect(line.status).toBe(201);
      const imported = (await evidenceOf(unitId, 'airing.recorded')).find(
        (r) => r.snapshot.airingId === line.body.id,
      )!;
      expect(imported).toMatchObject({
        method: 'import',
        snapshot: { minutes: 10, audioId: null, countsAsCchc: false },
      });
    });

    it('puts an airing at 23:30 on 31/12 in that year and one at 00:30 on 01/01 in the next, by Vietnamese days', async () => {
      const late = await post(aired('2025-12-31T23:30:00+07:00', 60));
      const early = await post(aired('2026-01-01T00:30:00+07:00', 60));
      const list = async (from: string, to: string) =>
        (
          (
            await api.request('GET', `/api/v1/airings?stationId=${station}&from=${from}&to=${to}`, {
              token: operator,
            })
          ).body.items as { id: string }[]
        ).map((a) => a.id);
      expect(await list('2025-12-31', '2025-12-31')).toEqual([late.body.id]);
      expect(await list('2026-01-01', '2026-01-01')).toEqual([early.body.id]);
      const rows = await evidenceOf(unitId, 'airing.recorded');
      const occurred = (id: string) => rows.find((r) => r.snapshot.airingId === id)!.occurredAt;
      expect(new Date(occurred(late.body.id)).toISOString()).toBe('2025-12-31T16:30:00.000Z');
      expectError(
        await api.request('GET', `/api/v1/airings?stationId=${station}&from=2026-01-02&to=2026-01-01`, {
          token: operator,
        }),
        400,
        'VALIDATION_FAILED',
        'to',
      );
    });

    it('airs an emergency notice at once and logs it', async () => {
      const res = await api.request('POST', `/api/v1/stations/${station}/emergency`, {
        token: operator,
        body: { audioId: piece.audioId },
        headers: { 'Idempotency-Key': 'khan-cap-1' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'emergency', status: 'aired', method: 'console' });
      expect(Date.parse(res.body.endedAt) - Date.parse(res.body.startedAt)).toBe(90_000);
      const again = await api.request('POST', `/api/v1/stations/${station}/emergency`, {
        token: operator,
        body: { audioId: piece.audioId },
        headers: { 'Idempotency-Key': 'khan-cap-1' },
      });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(res.body.id);
      const rows = (await evidenceOf(unitId, 'emergency.aired')).filter(
        (r) => r.snapshot.airingId === res.body.id,
      );
      expect(rows).toHaveLength(1);
      expect(snapshotMismatch('emergency.aired', rows[0].snapshot)).toEqual([]);
      const reporter = await memberToken(api, admin, unitId, 'reporter');
      expect(
        (
          await api.request('POST', `/api/v1/stations/${station}/emergency`, {
            token: reporter,
            body: { audioId: piece.audioId },
          })
        ).status,
      ).toBe(403);
    });
  });
});
