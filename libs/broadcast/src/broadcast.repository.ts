import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Airing } from './airing.entity';
import { BroadcastPlan, BroadcastPlanDeviation, BroadcastPlanItem } from './plan.entity';
import { BroadcastSlot, Station } from './station.entity';

/** A ready radio piece of a unit, as plan generation sees it. */
export interface PieceRow {
  unitId: string;
  audioId: string;
  articleId: string | null;
  title: string;
  durationMs: number;
  readyAt: Date;
  priority: 'normal' | 'priority';
  plannedAirings: number;
  airingDays: number;
  firstReadyAt: Date;
}

/** A ready audio the plan or an airing may name, with what the evidence needs of it. */
export interface AudioRow {
  id: string;
  unitId: string;
  articleId: string | null;
  categoryId: string | null;
  title: string;
  durationMs: number;
  fileKey: string | null;
  priority: 'normal' | 'priority';
  articleStatus: string | null;
  categoryIds: string[];
}

/** A planned item as the logbook prints it. */
export interface LogbookItemRow {
  id: string;
  date: string;
  kind: 'audio' | 'relay';
  title: string;
  priority: 'normal' | 'priority';
  plannedStart: Date;
  durationSec: number;
  slotName: string;
  slotStart: number;
  slotMinutes: number;
  relayName: string | null;
  categories: string | null;
}

/** An airing as the logbook prints it. */
export interface LogbookAiringRow {
  id: string;
  planItemId: string | null;
  kind: 'programme' | 'relay' | 'emergency';
  title: string;
  sourceName: string | null;
  startedAt: Date;
  endedAt: Date;
  playedSeconds: number | null;
  status: 'aired' | 'partial' | 'missed';
  method: 'console' | 'operator' | 'import';
  note: string | null;
  operatorName: string;
  categories: string | null;
}

/** How far back generation looks for pieces and earlier plans (the longest window is 90 days). */
const LOOKBACK_DAYS = 100;

/** Thin queries over stations, slots, plans and airings; every one filters by unit or by id (design.md §8). */
@Injectable()
export class BroadcastRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findStation(id: string, manager?: EntityManager): Promise<Station | null> {
    return this.m(manager).getRepository(Station).findOneBy({ id });
  }

  /** The station locked FOR UPDATE: its slots and plans change one writer at a time. */
  lockStation(id: string, manager: EntityManager): Promise<Station | null> {
    return manager.getRepository(Station).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  stationsOf(unitId: string, manager?: EntityManager): Promise<Station[]> {
    return this.m(manager)
      .getRepository(Station)
      .find({ where: { unitId }, order: { createdAt: 'ASC', name: 'ASC' } });
  }

  /** A page of every station (the evening tick walks them all). */
  stationsPage(afterId: string | null, take: number, manager?: EntityManager): Promise<Station[]> {
    const qb = this.m(manager)
      .getRepository(Station)
      .createQueryBuilder('s')
      .orderBy('s.id', 'ASC')
      .take(take);
    if (afterId) {
      qb.where('s.id > :afterId', { afterId });
    }
    return qb.getMany();
  }

  insertStation(station: Partial<Station>, manager: EntityManager): Promise<Station> {
    const repo = manager.getRepository(Station);
    return repo.save(repo.create(station));
  }

  /** The slots in use (not removed) of some stations. */
  slotsOf(unitIds: string[], stationIds: string[], manager?: EntityManager): Promise<BroadcastSlot[]> {
    if (stationIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.m(manager)
      .getRepository(BroadcastSlot)
      .find({
        where: { unitId: In(unitIds), stationId: In(stationIds), removedAt: IsNull() },
        order: { startMinute: 'ASC', id: 'ASC' },
      });
  }

  findSlot(id: string, manager?: EntityManager): Promise<BroadcastSlot | null> {
    return this.m(manager).getRepository(BroadcastSlot).findOneBy({ id });
  }

  slotsByIds(unitId: string, ids: string[], manager?: EntityManager): Promise<BroadcastSlot[]> {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }
    return this.m(manager)
      .getRepository(BroadcastSlot)
      .findBy({ unitId, id: In(ids) });
  }

  saveSlots(slots: Partial<BroadcastSlot>[], manager: EntityManager): Promise<BroadcastSlot[]> {
    const repo = manager.getRepository(BroadcastSlot);
    return repo.save(slots.map((s) => repo.create(s)));
  }

  findPlan(
    unitId: string,
    stationId: string,
    date: string,
    manager?: EntityManager,
  ): Promise<BroadcastPlan | null> {
    return this.m(manager).getRepository(BroadcastPlan).findOneBy({ unitId, stationId, date });
  }

  lockPlan(
    unitId: string,
    stationId: string,
    date: string,
    manager: EntityManager,
  ): Promise<BroadcastPlan | null> {
    return manager
      .getRepository(BroadcastPlan)
      .findOne({ where: { unitId, stationId, date }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts plans in one statement; their ids in the same order. */
  async insertPlans(plans: Partial<BroadcastPlan>[], manager: EntityManager): Promise<string[]> {
    if (plans.length === 0) {
      return [];
    }
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(BroadcastPlan)
      .values(plans)
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  plansOn(
    unitIds: string[],
    stationIds: string[],
    date: string,
    manager: EntityManager,
  ): Promise<BroadcastPlan[]> {
    return manager
      .getRepository(BroadcastPlan)
      .findBy({ unitId: In(unitIds), stationId: In(stationIds), date });
  }

  /** The items in use of a plan, in slot and position order. */
  itemsOf(unitId: string, planId: string, manager?: EntityManager): Promise<BroadcastPlanItem[]> {
    return this.m(manager)
      .getRepository(BroadcastPlanItem)
      .find({
        where: { unitId, planId, removedAt: IsNull() },
        order: { plannedStart: 'ASC', position: 'ASC' },
      });
  }

  /** Empties a draft plan before it is generated again: items that aired are kept, marked removed. */
  async clearItems(unitId: string, planId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `DELETE FROM broadcast_plan_items i
        WHERE i.unit_id = $1 AND i.plan_id = $2
          AND NOT EXISTS (SELECT 1 FROM airings a WHERE a.unit_id = $1 AND a.plan_item_id = i.id)
          AND NOT EXISTS (SELECT 1 FROM broadcast_plan_deviations d WHERE d.unit_id = $1 AND d.item_id = i.id)`,
      [unitId, planId],
    );
    await manager.query(
      `UPDATE broadcast_plan_items SET removed_at = now() WHERE unit_id = $1 AND plan_id = $2 AND removed_at IS NULL`,
      [unitId, planId],
    );
  }

  /** An item of one of the station's plans (null when it is another station's, or none). */
  itemOfStation(
    unitId: string,
    stationId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<BroadcastPlanItem | null> {
    return this.m(manager)
      .getRepository(BroadcastPlanItem)
      .createQueryBuilder('i')
      .innerJoin(BroadcastPlan, 'p', 'p.id = i.plan_id AND p.unit_id = i.unit_id')
      .where('i.unit_id = :unitId AND i.id = :id AND p.station_id = :stationId', { unitId, id, stationId })
      .getOne();
  }

  findItem(unitId: string, id: string, manager?: EntityManager): Promise<BroadcastPlanItem | null> {
    return this.m(manager).getRepository(BroadcastPlanItem).findOneBy({ unitId, id });
  }

  deviationsOf(
    unitId: string,
    planId: string,
    manager?: EntityManager,
  ): Promise<(BroadcastPlanDeviation & { actorName: string })[]> {
    return this.m(manager).query(
      `SELECT d.id, d.unit_id AS "unitId", d.plan_id AS "planId", d.item_id AS "itemId", d.kind, d.title, d.reason,
              d.actor_id AS "actorId", COALESCE(u.full_name, u.username, '') AS "actorName", d.created_at AS "createdAt"
         FROM broadcast_plan_deviations d LEFT JOIN users u ON u.id = d.actor_id
        WHERE d.unit_id = $1 AND d.plan_id = $2
        ORDER BY d.created_at, d.id`,
      [unitId, planId],
    );
  }

  async userName(id: string | null, manager?: EntityManager): Promise<string | null> {
    if (!id) {
      return null;
    }
    const rows: { name: string }[] = await this.m(manager).query(
      `SELECT COALESCE(full_name, username) AS name FROM users WHERE id = $1`,
      [id],
    );
    return rows[0]?.name ?? null;
  }

  /**
   * The ready pieces of some units that a plan of `date` may use: the newest ready audio of each approved or
   * published article, and each uploaded programme not tied to an article; with the day the piece first
   * became ready (its airing window starts then) and the article's priority and N-over-M.
   */
  piecesOf(unitIds: string[], date: string, manager?: EntityManager): Promise<PieceRow[]> {
    return this.m(manager).query(
      `WITH ready AS (
         SELECT a.*, COALESCE(a.article_id, a.id) AS piece, COALESCE(a.produced_at, a.ready_at) AS at
           FROM audios a
          WHERE a.unit_id = ANY($1::uuid[]) AND a.status = 'ready' AND a.file_key IS NOT NULL
            AND (a.article_id IS NOT NULL OR a.kind = 'upload')
       ), first AS (
         SELECT unit_id, piece, min(at) AS first_at FROM ready GROUP BY unit_id, piece
       ), latest AS (
         SELECT DISTINCT ON (unit_id, piece) * FROM ready ORDER BY unit_id, piece, at DESC, id
       )
       SELECT l.unit_id AS "unitId", l.id AS "audioId", l.article_id AS "articleId",
              COALESCE(ar.title, l.title) AS title, l.duration_ms AS "durationMs", l.at AS "readyAt",
              COALESCE(ar.priority, 'normal') AS priority, COALESCE(ar.planned_airings, 1) AS "plannedAirings",
              COALESCE(ar.airing_days, 7) AS "airingDays", f.first_at AS "firstReadyAt"
         FROM latest l
         JOIN first f ON f.unit_id = l.unit_id AND f.piece = l.piece
         LEFT JOIN articles ar ON ar.id = l.article_id AND ar.unit_id = l.unit_id
        WHERE (l.article_id IS NULL OR ar.status IN ('approved', 'published'))
          AND f.first_at >= ($2::date - ${LOOKBACK_DAYS})::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
          AND l.duration_ms > 0`,
      [unitIds, date],
    );
  }

  /** How many times each piece (article, or upload) was planned on each station before `date`. */
  async plannedBefore(
    unitIds: string[],
    stationIds: string[],
    date: string,
    manager?: EntityManager,
  ): Promise<Map<string, number>> {
    const rows: { stationId: string; piece: string; n: string }[] = await this.m(manager).query(
      `SELECT p.station_id AS "stationId", COALESCE(i.article_id, i.audio_id) AS piece, count(*) AS n
         FROM broadcast_plan_items i JOIN broadcast_plans p ON p.id = i.plan_id
        WHERE p.unit_id = ANY($1::uuid[]) AND p.station_id = ANY($2::uuid[]) AND i.unit_id = p.unit_id
          AND p.date < $3::date AND p.date >= $3::date - ${LOOKBACK_DAYS}
          AND i.removed_at IS NULL AND i.kind = 'audio'
        GROUP BY 1, 2`,
      [unitIds, stationIds, date],
    );
    return new Map(rows.map((r) => [`${r.stationId}:${r.piece}`, Number(r.n)]));
  }

  /** A ready audio of the unit, with its article's status and categories (null when none). */
  async readyAudio(unitId: string, audioId: string, manager?: EntityManager): Promise<AudioRow | null> {
    const rows: AudioRow[] = await this.m(manager).query(
      `SELECT a.id, a.unit_id AS "unitId", a.article_id AS "articleId", a.category_id AS "categoryId",
              COALESCE(ar.title, a.title) AS title, a.duration_ms AS "durationMs", a.file_key AS "fileKey",
              COALESCE(ar.priority, 'normal') AS priority, ar.status AS "articleStatus",
              COALESCE((SELECT array_agg(ac.category_id) FROM article_categories ac WHERE ac.unit_id = a.unit_id AND ac.article_id = a.article_id),
                       CASE WHEN a.category_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[a.category_id] END) AS "categoryIds"
         FROM audios a LEFT JOIN articles ar ON ar.id = a.article_id AND ar.unit_id = a.unit_id
        WHERE a.unit_id = $1 AND a.id = $2 AND a.status = 'ready'`,
      [unitId, audioId],
    );
    return rows[0] ?? null;
  }

  /** The media keys of some audios (the console plays them). */
  async audioFiles(unitId: string, ids: string[], manager?: EntityManager): Promise<Map<string, string>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows: { id: string; fileKey: string }[] = await this.m(manager).query(
      `SELECT id, file_key AS "fileKey" FROM audios WHERE unit_id = $1 AND id = ANY($2::uuid[]) AND file_key IS NOT NULL`,
      [unitId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.fileKey]));
  }

  /** The latest airing of each item. */
  async latestAirings(
    unitId: string,
    itemIds: string[],
    manager?: EntityManager,
  ): Promise<Map<string, Airing>> {
    if (itemIds.length === 0) {
      return new Map();
    }
    const rows = await this.m(manager)
      .getRepository(Airing)
      .createQueryBuilder('a')
      .distinctOn(['a.plan_item_id'])
      .where('a.unit_id = :unitId AND a.plan_item_id IN (:...itemIds)', { unitId, itemIds })
      .orderBy('a.plan_item_id')
      .addOrderBy('a.created_at', 'DESC')
      .getMany();
    return new Map(rows.map((r) => [r.planItemId!, r]));
  }

  /**
   * Inserts the airing unless its unit already has one with this Idempotency-Key; the unique index makes a
   * concurrent duplicate wait for the first and then do nothing. Null when it already existed.
   */
  async insertAiringOnce(airing: Partial<Airing>, manager: EntityManager): Promise<Airing | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Airing)
      .values(airing)
      .orIgnore()
      .returning('*')
      .execute();
    const raw = (result.raw as { id: string; created_at: Date }[])[0];
    if (!raw) {
      return null;
    }
    return Object.assign(new Airing(), airing, { id: raw.id, createdAt: raw.created_at });
  }

  findAiringByKey(unitId: string, key: string, manager?: EntityManager): Promise<Airing | null> {
    return this.m(manager).getRepository(Airing).findOneBy({ unitId, idempotencyKey: key });
  }

  airingsPage(
    unitId: string,
    stationId: string,
    from: Date | null,
    to: Date | null,
    skip: number,
    take: number,
    manager?: EntityManager,
  ): Promise<[Airing[], number]> {
    const qb = this.m(manager)
      .getRepository(Airing)
      .createQueryBuilder('a')
      .where('a.unit_id = :unitId AND a.station_id = :stationId', { unitId, stationId })
      .orderBy('a.started_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .skip(skip)
      .take(take);
    if (from) {
      qb.andWhere('a.started_at >= :from', { from });
    }
    if (to) {
      qb.andWhere('a.started_at < :to', { to });
    }
    return qb.getManyAndCount();
  }

  // ---- the logbook (sổ nhật ký phát sóng) and its import ------------------------------------------------

  /**
   * The planned items of a station's plans from `fromDate` to `toDate` (YYYY-MM-DD, inclusive), with their
   * slot and the names of their categories; an item taken out of the plan is kept when it aired.
   */
  logbookItems(
    unitId: string,
    stationId: string,
    fromDate: string,
    toDate: string,
    manager?: EntityManager,
  ): Promise<LogbookItemRow[]> {
    return this.m(manager).query(
      `SELECT i.id, to_char(p.date, 'YYYY-MM-DD') AS date, i.kind, i.title, i.priority, i.planned_start AS "plannedStart",
              i.duration_sec AS "durationSec", s.name AS "slotName", s.start_minute AS "slotStart",
              s.duration_minutes AS "slotMinutes", s.relay_name AS "relayName",
              COALESCE(
                (SELECT string_agg(c.name, ', ' ORDER BY c.position, c.name) FROM article_categories ac
                   JOIN categories c ON c.id = ac.category_id WHERE ac.article_id = i.article_id),
                (SELECT c.name FROM audios au JOIN categories c ON c.id = au.category_id
                  WHERE au.id = i.audio_id AND au.unit_id = i.unit_id)) AS categories
         FROM broadcast_plan_items i
         JOIN broadcast_plans p ON p.id = i.plan_id AND p.unit_id = i.unit_id
         JOIN broadcast_slots s ON s.id = i.slot_id
        WHERE p.unit_id = $1 AND p.station_id = $2 AND p.date >= $3::date AND p.date <= $4::date
          AND (i.removed_at IS NULL OR EXISTS (SELECT 1 FROM airings a WHERE a.unit_id = $1 AND a.plan_item_id = i.id))
        ORDER BY i.planned_start, i.position, i.id`,
      [unitId, stationId, fromDate, toDate],
    );
  }

  /**
   * The airings of some plan items, and the station's airings with no plan item that started in [from, to):
   * with the operator's name and the categories (the article's, the upload's, or those the evidence kept).
   */
  logbookAirings(
    unitId: string,
    stationId: string,
    itemIds: string[],
    from: Date,
    to: Date,
    manager?: EntityManager,
  ): Promise<LogbookAiringRow[]> {
    return this.m(manager).query(
      `SELECT a.id, a.plan_item_id AS "planItemId", a.kind, a.title, a.source_name AS "sourceName",
              a.started_at AS "startedAt", a.ended_at AS "endedAt", a.played_seconds AS "playedSeconds",
              a.status, a.method, a.note, COALESCE(u.full_name, u.username, '') AS "operatorName",
              COALESCE(
                (SELECT string_agg(c.name, ', ' ORDER BY c.position, c.name) FROM article_categories ac
                   JOIN categories c ON c.id = ac.category_id WHERE ac.article_id = a.article_id),
                (SELECT c.name FROM audios au JOIN categories c ON c.id = au.category_id
                  WHERE au.id = a.audio_id AND au.unit_id = a.unit_id),
                (SELECT string_agg(x->>'name', ', ') FROM evidence e
                   CROSS JOIN LATERAL jsonb_array_elements(COALESCE(e.snapshot->'categories', '[]'::jsonb)) x
                  WHERE e.unit_id = a.unit_id AND e.subject_type = 'airing' AND e.subject_id = a.id::text)) AS categories
         FROM airings a LEFT JOIN users u ON u.id = a.operator_id
        WHERE a.unit_id = $1 AND a.station_id = $2
          AND (a.plan_item_id = ANY($3::uuid[])
               OR (a.plan_item_id IS NULL AND a.started_at >= $4 AND a.started_at < $5))
        ORDER BY a.started_at, a.created_at, a.id`,
      [unitId, stationId, itemIds, from, to],
    );
  }

  /** The unit's categories (the import finds them by name). */
  categoriesOf(unitId: string, manager?: EntityManager): Promise<{ id: string; name: string }[]> {
    return this.m(manager).query(
      `SELECT id, name FROM categories WHERE unit_id = $1 ORDER BY position, name`,
      [unitId],
    );
  }
}
