import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../../libs/common/src';
import { EvidenceService, type RecordEvidence } from '../../libs/evidence/src';
import { EvidenceRow } from '../../libs/evidence/src/evidence.entity';
import { SummaryService } from '../../libs/reports/src/summary.service';
import { SummaryRepository } from '../../libs/reports/src/summary.repository';
import { UnitAccess } from '../../libs/units/src';
import { Unit } from '../../libs/units/src/unit.entity';
import { UnitsRepository } from '../../libs/units/src/units.repository';
import { openDataSource, workerDatabaseUrl } from '../support/database';

// The counting rules of design.md §5, each with the noise that must not count: rows recorded through the
// real evidence service (typed snapshots, hash chain), counted by the real SQL on a real PostgreSQL.

const ADMIN: Principal = {
  id: randomUUID(),
  username: 'admin',
  fullName: 'Quản trị',
  isSystemAdmin: true,
  memberships: [],
};

/** An instant written in Vietnamese local time. */
const vn = (local: string): Date => new Date(`${local}+07:00`);

const CCHC = { id: randomUUID(), name: 'Cải cách hành chính', countsAsCchc: true };
const NEWS = { id: randomUUID(), name: 'Tin hoạt động', countsAsCchc: false };
const categories = (...list: (typeof CCHC)[]) => ({
  categories: list,
  countsAsCchc: list.some((c) => c.countsAsCchc),
});

describe('report counts (design.md §5)', () => {
  let db: DataSource;
  let evidence: EvidenceService;
  let summaries: SummaryService;

  beforeAll(async () => {
    db = await openDataSource(await workerDatabaseUrl());
    const access = new UnitAccess(new UnitsRepository(db.getRepository(Unit)));
    evidence = new EvidenceService(db.getRepository(EvidenceRow), access);
    summaries = new SummaryService(new SummaryRepository(db), access, db);
  });
  afterAll(async () => {
    await db.destroy();
  });

  async function newUnit(kind: string, parentId: string | null = null, name?: string): Promise<string> {
    const id = randomUUID();
    const tag = id.slice(0, 8);
    await db.query(
      `INSERT INTO units (id, code, name, kind, slug, parent_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, `R${tag}`, name ?? `Đơn vị ${tag}`, kind, `r-${tag}`, parentId],
    );
    return id;
  }

  async function record(...facts: RecordEvidence[]): Promise<void> {
    await db.transaction(async (manager) => {
      for (const fact of facts) {
        await evidence.record(manager, fact);
      }
    });
  }

  const published = (
    unitId: string,
    articleId: string,
    at: Date,
    cats = categories(CCHC),
    options: {
      first?: boolean;
      type?: 'article.published' | 'article.republished';
      method?: 'live' | 'import';
    } = {},
  ): RecordEvidence => ({
    unitId,
    type: options.type ?? 'article.published',
    occurredAt: at,
    actorId: null,
    method: options.method ?? 'live',
    subject: { type: 'article', id: articleId },
    snapshot: { first: options.first ?? true, title: `Tin ${articleId.slice(0, 4)}`, url: '/x', ...cats },
  });

  const airing = (
    unitId: string,
    at: Date,
    status: 'aired' | 'partial' | 'missed',
    minutes: number,
    cats = categories(CCHC),
  ): RecordEvidence => {
    const airingId = randomUUID();
    return {
      unitId,
      type: 'airing.recorded',
      occurredAt: at,
      actorId: null,
      method: 'operator',
      subject: { type: 'airing', id: airingId },
      snapshot: {
        stationId: randomUUID(),
        stationName: 'Đài xã',
        airingId,
        status,
        method: 'operator',
        title: 'Bản tin',
        audioId: randomUUID(),
        articleId: randomUUID(),
        planItemId: null,
        priority: 'normal',
        startedAt: at.toISOString(),
        endedAt: new Date(at.getTime() + minutes * 60_000).toISOString(),
        minutes,
        ...cats,
      },
    };
  };

  const relay = (unitId: string, at: Date, status: 'aired' | 'missed', minutes: number): RecordEvidence => {
    const airingId = randomUUID();
    return {
      unitId,
      type: 'relay.recorded',
      occurredAt: at,
      actorId: null,
      method: 'console',
      subject: { type: 'airing', id: airingId },
      snapshot: {
        stationId: randomUUID(),
        stationName: 'Đài xã',
        airingId,
        status,
        method: 'console',
        title: 'Tiếp âm VOV',
        sourceName: 'VOV1',
        planItemId: null,
        startedAt: at.toISOString(),
        endedAt: new Date(at.getTime() + minutes * 60_000).toISOString(),
        minutes,
      },
    };
  };

  const produced = (
    unitId: string,
    at: Date,
    piece: { articleId?: string; audioId?: string },
    cats = categories(CCHC),
  ): RecordEvidence => ({
    unitId,
    type: 'audio.produced',
    occurredAt: at,
    actorId: null,
    method: 'live',
    subject: { type: 'audio', id: piece.audioId ?? randomUUID() },
    snapshot: {
      title: 'Bản tin',
      kind: piece.articleId ? 'speech' : 'upload',
      articleId: piece.articleId ?? null,
      provider: null,
      voice: null,
      durationMs: 60_000,
      loudnessLufs: -16,
      url: null,
      jingles: null,
      ...cats,
    },
  });

  const procedure = (unitId: string, id: string, at: Date, first: boolean): RecordEvidence => ({
    unitId,
    type: 'procedure.published',
    occurredAt: at,
    actorId: null,
    method: 'live',
    subject: { type: 'procedure', id },
    snapshot: {
      first,
      code: '1.004227',
      name: 'Đăng ký khai sinh',
      field: 'Hộ tịch',
      status: 'active',
      onlineLevel: 'full',
      decisionNumber: '1/QĐ',
      url: '/tthc',
    },
  });

  const year2026 = { from: '2026-01-01', to: '2026-12-31' };

  it('counts tin bài by first publication, with CCHC, categories and unpublications shown apart', async () => {
    const unit = await newUnit('commune');
    const other = await newUnit('commune');
    const [a1, a2, a3, a4, a5, a6] = Array.from({ length: 6 }, () => randomUUID());
    await record(
      published(unit, a1, vn('2026-03-01T09:00:00')),
      published(unit, a1, vn('2026-05-01T09:00:00'), categories(CCHC), {
        first: false,
        type: 'article.republished',
      }),
      {
        unitId: unit,
        type: 'article.unpublished',
        occurredAt: vn('2026-04-01T09:00:00'),
        actorId: null,
        method: 'live',
        subject: { type: 'article', id: a1 },
        snapshot: { title: 'Tin a1', url: '/x', reason: 'Sai số liệu' },
      },
      // 23:30 on 31/12 belongs to 2026; 00:30 on 01/01 to the next year, 23:30 on 31/12/2025 to the one before.
      published(unit, a2, vn('2026-12-31T23:30:00'), categories(NEWS, CCHC)),
      published(unit, a3, vn('2025-12-31T23:30:00')),
      published(unit, a4, vn('2027-01-01T00:30:00')),
      published(other, a5, vn('2026-06-01T09:00:00')),
      // An imported historical article counts at its original publication time.
      published(unit, a6, vn('2026-02-02T08:00:00'), categories(NEWS), { method: 'import' }),
    );
    const summary = await summaries.summary(ADMIN, { unitId: unit, ...year2026 });
    expect(summary.portal.articlesPublished).toBe(3);
    expect(summary.portal.cchcArticlesPublished).toBe(2);
    expect(summary.portal.articlesUnpublished).toBe(1);
    expect(summary.portal.byCategory).toEqual([
      { categoryId: CCHC.id, name: CCHC.name, count: 2 },
      { categoryId: NEWS.id, name: NEWS.name, count: 2 },
    ]);
    // The first day of the next year holds a4 alone.
    const next = await summaries.summary(ADMIN, { unitId: unit, from: '2027-01-01', to: '2027-01-01' });
    expect(next.portal.articlesPublished).toBe(1);

    const rows = await summaries.figureRows(ADMIN, {
      unitId: unit,
      ...year2026,
      figure: 'portal.articlesPublished',
      page: 1,
      pageSize: 20,
    });
    expect(rows.value).toBe(3);
    expect(rows.total).toBe(3);
    expect(rows.items.map((r) => r.subjectId).sort()).toEqual([a1, a2, a6].sort());
    expect(rows.items.every((r) => r.typeLabel === 'Đăng tin bài' && r.unitName !== '')).toBe(true);
  });

  it('counts radio pieces at their first ready audio, not a re-synthesis', async () => {
    const unit = await newUnit('commune');
    const article = randomUUID();
    const upload = randomUUID();
    await record(
      produced(unit, vn('2026-03-02T10:00:00'), { articleId: article }),
      // A re-synthesis of the article is not a new piece: the recorder writes `article.audio-changed`.
      {
        unitId: unit,
        type: 'article.audio-changed',
        occurredAt: vn('2026-03-10T10:00:00'),
        actorId: null,
        method: 'live',
        subject: { type: 'article', id: article },
        snapshot: {
          articleId: article,
          title: 'Tin',
          url: '/x',
          audioId: randomUUID(),
          audioKind: 'speech',
          audioUrl: null,
          previousAudioId: randomUUID(),
          previousAudioUrl: null,
        },
      },
      produced(unit, vn('2026-08-01T10:00:00'), { audioId: upload }, categories(NEWS)),
      // A historical programme counts at its producedAt: 2025 here.
      { ...produced(unit, vn('2025-11-01T10:00:00'), {}), method: 'import' },
    );
    const summary = await summaries.summary(ADMIN, { unitId: unit, ...year2026 });
    expect(summary.radio.piecesProduced).toBe(2);
    expect(summary.radio.cchcPiecesProduced).toBe(1);
    const before = await summaries.summary(ADMIN, { unitId: unit, from: '2025-01-01', to: '2025-12-31' });
    expect(before.radio.piecesProduced).toBe(1);
  });

  it('counts aired programme airings by their start; partial and missed are shown, relays and emergencies apart', async () => {
    const unit = await newUnit('commune');
    const emergencyId = randomUUID();
    await record(
      airing(unit, vn('2026-07-01T06:00:00'), 'aired', 3.5),
      airing(unit, vn('2026-12-31T23:30:00'), 'aired', 2, categories(NEWS)),
      airing(unit, vn('2027-01-01T00:30:00'), 'aired', 4),
      airing(unit, vn('2025-12-31T23:30:00'), 'aired', 4),
      airing(unit, vn('2026-07-02T06:00:00'), 'partial', 1),
      airing(unit, vn('2026-07-03T06:00:00'), 'missed', 0),
      relay(unit, vn('2026-07-01T18:00:00'), 'aired', 30),
      relay(unit, vn('2026-07-02T18:00:00'), 'missed', 0),
      {
        unitId: unit,
        type: 'emergency.aired',
        occurredAt: vn('2026-09-09T11:00:00'),
        actorId: null,
        method: 'console',
        subject: { type: 'airing', id: emergencyId },
        snapshot: {
          stationId: randomUUID(),
          stationName: 'Đài xã',
          airingId: emergencyId,
          method: 'console',
          title: 'Thông báo khẩn: bão số 3',
          audioId: randomUUID(),
          articleId: null,
          startedAt: vn('2026-09-09T11:00:00').toISOString(),
          endedAt: vn('2026-09-09T11:01:30').toISOString(),
          minutes: 1.5,
          categories: [],
          countsAsCchc: false,
        },
      },
    );
    const { radio } = await summaries.summary(ADMIN, { unitId: unit, ...year2026 });
    expect(radio).toMatchObject({
      airings: 2,
      cchcAirings: 1,
      airedMinutes: 5.5,
      partialAirings: 1,
      missedAirings: 1,
      relayAirings: 1,
      relayMinutes: 30,
      emergencyAirings: 1,
      emergencyMinutes: 1.5,
    });
    const rows = await summaries.figureRows(ADMIN, {
      unitId: unit,
      ...year2026,
      figure: 'radio.airings',
      page: 1,
      pageSize: 1,
    });
    expect(rows.total).toBe(2);
    expect(rows.items).toHaveLength(1);
    // Newest first: the airing at 23:30 on 31/12.
    expect(rows.items[0].occurredAt.toISOString()).toBe(vn('2026-12-31T23:30:00').toISOString());
    expect(rows.items[0].minutes).toBe(2);
  });

  it('counts procedures by first publication, visits by day and the activities typed in', async () => {
    const unit = await newUnit('commune');
    const p1 = randomUUID();
    await record(
      procedure(unit, p1, vn('2026-06-01T08:00:00'), true),
      procedure(unit, p1, vn('2026-06-05T08:00:00'), false),
      procedure(unit, randomUUID(), vn('2025-06-05T08:00:00'), true),
    );
    await db.query(
      `INSERT INTO portal_visits (unit_id, day, views) VALUES ($1, '2026-01-01', 10), ($1, '2026-12-31', 5), ($1, '2025-12-31', 100)`,
      [unit],
    );
    const author = randomUUID();
    await db.query(
      `INSERT INTO report_activities (unit_id, kind, date, quantity, created_by) VALUES
         ($1, 'conference', '2026-03-03', 2, $2), ($1, 'banner', '2026-04-04', 5, $2),
         ($1, 'banner', '2027-01-01', 7, $2), ($1, 'one_stop_guidance', '2026-12-31', 120, $2)`,
      [unit, author],
    );
    const summary = await summaries.summary(ADMIN, { unitId: unit, ...year2026 });
    expect(summary.portal.proceduresPublished).toBe(1);
    expect(summary.portal.visits).toBe(15);
    expect(summary.activities).toEqual({
      conference: 2,
      one_stop_guidance: 120,
      banner: 5,
      leaflet: 0,
      other: 0,
    });
    const visitDays = await summaries.figureRows(ADMIN, {
      unitId: unit,
      ...year2026,
      figure: 'portal.visits',
      page: 1,
      pageSize: 20,
    });
    expect(visitDays.items.map((r) => r.quantity)).toEqual([5, 10]);
  });

  it('rolls up a three-level tree and lists each child with its own subtree', async () => {
    const province = await newUnit('province', null, 'Tỉnh Thử');
    const communeA = await newUnit('commune', province, 'Xã An Bình');
    const departmentOfA = await newUnit('department', communeA, 'Phòng Văn hóa - Xã hội xã An Bình');
    const communeB = await newUnit('commune', province, 'Xã Bình Minh');
    const at = vn('2026-05-05T07:00:00');
    await record(published(province, randomUUID(), at));
    await record(published(communeA, randomUUID(), at), airing(communeA, at, 'aired', 3));
    await record(published(departmentOfA, randomUUID(), at), published(departmentOfA, randomUUID(), at));
    await record(airing(communeB, at, 'aired', 2), airing(communeB, at, 'aired', 2));

    const alone = await summaries.summary(ADMIN, { unitId: province, ...year2026 });
    expect(alone.portal.articlesPublished).toBe(1);
    expect(alone.children).toBeUndefined();

    const all = await summaries.summary(ADMIN, { unitId: province, ...year2026, includeChildren: 'true' });
    expect(all.portal.articlesPublished).toBe(4);
    expect(all.radio.airings).toBe(3);
    expect(all.radio.airedMinutes).toBe(7);
    expect(all.portal.byCategory).toEqual([{ categoryId: CCHC.id, name: CCHC.name, count: 4 }]);
    expect(all.children!.map((c) => [c.unitName, c.portal.articlesPublished, c.radio.airings])).toEqual([
      ['Xã An Bình', 3, 1],
      ['Xã Bình Minh', 0, 2],
    ]);

    const rows = await summaries.figureRows(ADMIN, {
      unitId: province,
      ...year2026,
      includeChildren: 'true',
      figure: 'portal.articlesPublished',
      page: 1,
      pageSize: 20,
    });
    expect(rows.total).toBe(4);
    expect(new Set(rows.items.map((r) => r.unitName))).toEqual(
      new Set(['Tỉnh Thử', 'Xã An Bình', 'Phòng Văn hóa - Xã hội xã An Bình']),
    );

    // A reporter of the commune reads it and the unit below it, not the province above.
    const reporter: Principal = {
      ...ADMIN,
      isSystemAdmin: false,
      memberships: [{ unitId: communeA, role: 'reporter' }],
    };
    const below = await summaries.summary(reporter, { unitId: departmentOfA, ...year2026 });
    expect(below.portal.articlesPublished).toBe(2);
    await expect(summaries.summary(reporter, { unitId: province, ...year2026 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: [{ field: 'unitId' }],
    });
  });

  it('refuses a period that ends before it starts or spans more than ten years, naming the field', async () => {
    const unit = await newUnit('commune');
    await expect(
      summaries.summary(ADMIN, { unitId: unit, from: '2026-02-01', to: '2026-01-31' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'to', message: expect.stringContaining('31/01/2026') }],
    });
    await expect(
      summaries.summary(ADMIN, { unitId: unit, from: '2016-01-01', to: '2026-01-01' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'to', message: expect.stringContaining('10 năm') }],
    });
    const tenYears = await summaries.summary(ADMIN, { unitId: unit, from: '2016-01-01', to: '2025-12-31' });
    expect(tenYears.portal.articlesPublished).toBe(0);
    await expect(summaries.summary(ADMIN, { unitId: randomUUID(), ...year2026 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: [{ field: 'unitId' }],
    });
  });
});
