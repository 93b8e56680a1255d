import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorDetail, Principal, vietnamDay } from '@app/common';
import { notifyPortalChanged } from '@app/db';
import { EvidenceService } from '@app/evidence';
import { MEDIA_URL_PREFIX } from '@app/media';
import { UnitAccess } from '@app/units';
import { EditPlanDto, PlanResponse, PlanSlotResponse } from './broadcast.dto';
import { BroadcastException, dayLabel } from './broadcast.exception';
import { BroadcastRepository, type PieceRow } from './broadcast.repository';
import { BROADCAST_READERS, PLAN_APPROVERS, PLAN_EDITORS } from './broadcast.roles';
import {
  GAP_SEC,
  generatePlan,
  type GeneratedPlan,
  type GeneratedWarning,
  type PieceInput,
  slotsOn,
  type SlotInput,
  weekdayOf,
} from './plan-generator';
import { BroadcastPlan, BroadcastPlanDeviation, BroadcastPlanItem, PlanWarning } from './plan.entity';
import { hhmm, WEEKDAY_NAMES } from './slot-policy';
import { BroadcastSlot, Station } from './station.entity';
import { StationsService } from './stations.service';

/** "4 phút 05 giây". */
export function spokenDuration(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m === 0) {
    return `${rest} giây`;
  }
  return rest === 0 ? `${m} phút` : `${m} phút ${String(rest).padStart(2, '0')} giây`;
}

export function warningMessage(w: GeneratedWarning): string {
  switch (w.code) {
    case 'slot-underfilled':
      return `Khung "${w.slotName}" (${hhmm(w.startMinute)}) còn trống ${spokenDuration(w.freeSec)}`;
    case 'piece-too-long':
      return `"${w.title}" dài ${spokenDuration(w.durationSec)}, không vừa khung giờ nào (khung dài nhất ${spokenDuration(w.longestSec)})`;
    case 'piece-will-not-fit':
      return `"${w.title}" còn thiếu ${w.missing} lượt phát theo kế hoạch, hạn ${dayLabel(w.windowEnd)}: tuần này không đủ chỗ`;
    case 'no-pieces':
      return 'Chưa có bản tin nào sẵn sàng để xếp lịch (cần bài đã duyệt có âm thanh, hoặc chương trình tải lên)';
  }
}

function toWarning(w: GeneratedWarning): PlanWarning {
  return {
    code: w.code,
    message: warningMessage(w),
    ...('slotId' in w ? { slotId: w.slotId } : {}),
    ...('audioId' in w ? { audioId: w.audioId } : {}),
  };
}

/** The instant a slot starts on a Vietnamese day (Vietnam has no daylight saving). */
export function slotStart(date: string, startMinute: number): Date {
  return new Date(Date.parse(`${date}T00:00:00+07:00`) + startMinute * 60_000);
}

function toSlotInput(s: BroadcastSlot): SlotInput {
  return {
    id: s.id,
    name: s.name,
    weekdays: s.weekdays,
    startMinute: s.startMinute,
    durationMinutes: s.durationMinutes,
    kind: s.kind,
    relayName: s.relayName,
  };
}

function toPieceInput(p: PieceRow, plannedBefore: number): PieceInput {
  return {
    audioId: p.audioId,
    articleId: p.articleId,
    title: p.title,
    durationSec: Math.ceil(p.durationMs / 1000),
    priority: p.priority,
    readyAtMs: new Date(p.readyAt).getTime(),
    plannedAirings: p.plannedAirings,
    airingDays: p.airingDays,
    windowStart: vietnamDay(new Date(p.firstReadyAt)),
    plannedBefore,
  };
}

/** Rows to insert for a generated plan. */
function itemRows(
  plan: BroadcastPlan,
  generated: GeneratedPlan,
  slots: Map<string, BroadcastSlot>,
): Partial<BroadcastPlanItem>[] {
  return generated.slots.flatMap((s) => {
    const slot = slots.get(s.slotId)!;
    const start = slotStart(plan.date, slot.startMinute).getTime();
    return s.items.map((item, position) => ({
      unitId: plan.unitId,
      planId: plan.id,
      slotId: s.slotId,
      position,
      kind: item.kind,
      audioId: item.audioId,
      articleId: item.articleId,
      title: item.title.slice(0, 500),
      durationSec: item.durationSec,
      priority: item.priority,
      plannedStart: new Date(start + item.offsetSec * 1000),
    }));
  });
}

const INSERT_CHUNK = 1000;

/** Daily plans: generated (on demand or by the evening tick), read, edited, approved. */
@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: BroadcastRepository,
    private readonly stations: StationsService,
    private readonly access: UnitAccess,
    private readonly evidence: EvidenceService,
  ) {}

  private checkDate(date: string): void {
    const latest = vietnamDay(new Date(Date.now() + 366 * 86_400_000));
    if (date < '2000-01-01' || date > latest) {
      throw BroadcastException.dateOutOfRange(date);
    }
  }

  /** `POST /stations/:id/plans/:date/generate`: (re)generates a draft plan; an approved one is edited instead. */
  async generate(principal: Principal, stationId: string, date: string): Promise<PlanResponse> {
    this.checkDate(date);
    await this.dataSource.transaction(async (manager) => {
      const { station } = await this.stations.requireStation(principal, stationId, PLAN_EDITORS, manager);
      await this.repo.lockStation(station.id, manager);
      const slots = await this.repo.slotsOf([station.unitId], [station.id], manager);
      if (slotsOn(date, slots.map(toSlotInput)).length === 0) {
        throw BroadcastException.noSlotsOn(date, WEEKDAY_NAMES[weekdayOf(date)]);
      }
      const existing = await this.repo.lockPlan(station.unitId, station.id, date, manager);
      if (existing?.status === 'approved') {
        throw BroadcastException.planApproved(date);
      }
      await this.generateMany([station], date, principal.id, manager, 'replace');
    });
    return this.get(principal, stationId, date);
  }

  /**
   * Generates the plans of `date` for many stations in a few queries (the evening tick: 1,000 stations in
   * one call). `keep`: stations that already have a plan that day are left alone; `replace`: a draft is
   * generated again (its items that aired are kept, marked removed). Returns the plans written.
   */
  async generateMany(
    stations: Station[],
    date: string,
    actorId: string | null,
    manager: EntityManager,
    mode: 'keep' | 'replace',
  ): Promise<number> {
    if (stations.length === 0) {
      return 0;
    }
    const unitIds = [...new Set(stations.map((s) => s.unitId))];
    const stationIds = stations.map((s) => s.id);
    // One query at a time: they share the transaction's connection.
    const slots = await this.repo.slotsOf(unitIds, stationIds, manager);
    const pieces = await this.repo.piecesOf(unitIds, date, manager);
    const before = await this.repo.plannedBefore(unitIds, stationIds, date, manager);
    const existing = await this.repo.plansOn(unitIds, stationIds, date, manager);
    const slotsByStation = new Map<string, BroadcastSlot[]>();
    for (const slot of slots) {
      const list = slotsByStation.get(slot.stationId) ?? [];
      list.push(slot);
      slotsByStation.set(slot.stationId, list);
    }
    const piecesByUnit = new Map<string, PieceRow[]>();
    for (const piece of pieces) {
      const list = piecesByUnit.get(piece.unitId) ?? [];
      list.push(piece);
      piecesByUnit.set(piece.unitId, list);
    }
    const existingByStation = new Map(existing.map((p) => [p.stationId, p]));
    const now = new Date();
    const fresh: { plan: Partial<BroadcastPlan>; generated: GeneratedPlan; slots: BroadcastSlot[] }[] = [];
    const rows: Partial<BroadcastPlanItem>[] = [];
    let written = 0;
    for (const station of stations) {
      const old = existingByStation.get(station.id);
      if (old && (mode === 'keep' || old.status === 'approved')) {
        continue;
      }
      const stationSlots = slotsByStation.get(station.id) ?? [];
      const slotInputs = stationSlots.map(toSlotInput);
      if (slotsOn(date, slotInputs).length === 0) {
        continue;
      }
      const generated = generatePlan({
        date,
        slots: slotInputs,
        pieces: (piecesByUnit.get(station.unitId) ?? []).map((p) =>
          toPieceInput(p, before.get(`${station.id}:${p.articleId ?? p.audioId}`) ?? 0),
        ),
      });
      const warnings = generated.warnings.map(toWarning);
      written += 1;
      if (old) {
        await this.repo.clearItems(station.unitId, old.id, manager);
        old.warnings = warnings;
        old.generatedAt = now;
        old.generatedBy = actorId;
        old.version += 1;
        const plan = await manager.getRepository(BroadcastPlan).save(old);
        rows.push(...itemRows(plan, generated, new Map(stationSlots.map((s) => [s.id, s]))));
      } else {
        fresh.push({
          plan: {
            unitId: station.unitId,
            stationId: station.id,
            date,
            status: 'draft',
            version: 1,
            warnings,
            generatedAt: now,
            generatedBy: actorId,
          },
          generated,
          slots: stationSlots,
        });
      }
    }
    // New plans in one statement per chunk, then their items: a few round trips for a thousand stations.
    for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
      const chunk = fresh.slice(i, i + INSERT_CHUNK);
      const ids = await this.repo.insertPlans(
        chunk.map((c) => c.plan),
        manager,
      );
      chunk.forEach((c, n) => {
        const plan = { ...c.plan, id: ids[n] } as BroadcastPlan;
        rows.push(...itemRows(plan, c.generated, new Map(c.slots.map((s) => [s.id, s]))));
      });
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await manager.getRepository(BroadcastPlanItem).insert(rows.slice(i, i + INSERT_CHUNK));
    }
    return written;
  }

  async get(principal: Principal, stationId: string, date: string): Promise<PlanResponse> {
    const { station } = await this.stations.requireStation(principal, stationId, BROADCAST_READERS);
    const plan = await this.repo.findPlan(station.unitId, station.id, date);
    if (!plan) {
      throw BroadcastException.planNotFound(date);
    }
    return this.present(principal, station, plan);
  }

  private async present(
    principal: Principal,
    station: Station,
    plan: BroadcastPlan,
    manager?: EntityManager,
  ): Promise<PlanResponse> {
    const items = await this.repo.itemsOf(plan.unitId, plan.id, manager);
    const daySlots = (await this.repo.slotsOf([plan.unitId], [station.id], manager)).filter((s) =>
      s.weekdays.includes(weekdayOf(plan.date)),
    );
    const known = new Set(daySlots.map((s) => s.id));
    const extra = await this.repo.slotsByIds(
      plan.unitId,
      [...new Set(items.map((i) => i.slotId))].filter((id) => !known.has(id)),
      manager,
    );
    const slots = [...daySlots, ...extra].sort(
      (a, b) => a.startMinute - b.startMinute || (a.id < b.id ? -1 : 1),
    );
    // One query at a time: with a manager they share the transaction's connection.
    const files = await this.repo.audioFiles(
      plan.unitId,
      items.flatMap((i) => (i.audioId ? [i.audioId] : [])),
      manager,
    );
    const airings = await this.repo.latestAirings(
      plan.unitId,
      items.map((i) => i.id),
      manager,
    );
    const deviations = await this.repo.deviationsOf(plan.unitId, plan.id, manager);
    const approvedByName = await this.repo.userName(plan.approvedBy, manager);
    const slotViews: PlanSlotResponse[] = slots.map((slot) => {
      const mine = items.filter((i) => i.slotId === slot.id).sort((a, b) => a.position - b.position);
      const used = mine.reduce((sum, i, n) => sum + i.durationSec + (n > 0 ? GAP_SEC : 0), 0);
      return {
        slotId: slot.id,
        name: slot.name,
        kind: slot.kind,
        start: hhmm(slot.startMinute),
        end: hhmm(Math.min(slot.startMinute + slot.durationMinutes, 1440)),
        durationMinutes: slot.durationMinutes,
        usedSec: used,
        items: mine.map((i) => {
          const airing = airings.get(i.id);
          const file = i.audioId ? files.get(i.audioId) : undefined;
          return {
            id: i.id,
            kind: i.kind,
            audioId: i.audioId,
            articleId: i.articleId,
            title: i.title,
            plannedStart: i.plannedStart,
            durationSec: i.durationSec,
            priority: i.priority,
            audioUrl: file ? `${MEDIA_URL_PREFIX}${file}` : null,
            relayUrl: i.kind === 'relay' ? slot.relayUrl : null,
            airing: airing ? { id: airing.id, status: airing.status, startedAt: airing.startedAt } : null,
          };
        }),
      };
    });
    const allowedActions: string[] = [];
    if (this.access.hasRole(principal, plan.unitId, PLAN_EDITORS)) {
      allowedActions.push('edit');
      if (plan.status === 'draft') {
        allowedActions.push('generate');
      }
    }
    if (plan.status === 'draft' && this.access.hasRole(principal, plan.unitId, PLAN_APPROVERS)) {
      allowedActions.push('approve');
    }
    return {
      id: plan.id,
      stationId: station.id,
      stationName: station.name,
      date: plan.date,
      status: plan.status,
      version: plan.version,
      generatedAt: plan.generatedAt,
      approvedAt: plan.approvedAt,
      approvedByName,
      slots: slotViews,
      warnings: plan.warnings.map((w) => ({ code: w.code, message: w.message })),
      deviations: deviations.map((d) => ({
        id: d.id,
        itemId: d.itemId,
        kind: d.kind,
        title: d.title,
        reason: d.reason,
        actorId: d.actorId,
        actorName: d.actorName,
        createdAt: d.createdAt,
      })),
      allowedActions,
    };
  }

  /**
   * `PUT /stations/:id/plans/:date/items`: the whole new list of items in order. Items left out are taken out
   * (kept with `removedAt`), items without an id are added, kept items may move. Once the plan is approved
   * every change needs a reason and becomes a deviation.
   */
  async edit(principal: Principal, stationId: string, date: string, dto: EditPlanDto): Promise<PlanResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { station } = await this.stations.requireStation(principal, stationId, PLAN_EDITORS, manager);
      const plan = await this.repo.lockPlan(station.unitId, station.id, date, manager);
      if (!plan) {
        throw BroadcastException.planNotFound(date);
      }
      if (dto.version !== undefined && dto.version !== plan.version) {
        throw BroadcastException.versionConflict(plan.version);
      }
      const reason = dto.reason?.trim() ?? '';
      if (plan.status === 'approved' && reason === '') {
        throw BroadcastException.reasonRequired();
      }
      const current = await this.repo.itemsOf(plan.unitId, plan.id, manager);
      const byId = new Map(current.map((i) => [i.id, i]));
      const daySlots = (await this.repo.slotsOf([plan.unitId], [station.id], manager)).filter((s) =>
        s.weekdays.includes(weekdayOf(date)),
      );
      const slots = new Map(daySlots.map((s) => [s.id, s]));
      for (const s of await this.repo.slotsByIds(
        plan.unitId,
        [...new Set(current.map((i) => i.slotId))],
        manager,
      )) {
        slots.set(s.id, s);
      }

      const problems: ErrorDetail[] = [];
      const seen = new Set<string>();
      const next: { input: (typeof dto.items)[number]; item?: BroadcastPlanItem; index: number }[] = [];
      for (const [index, input] of dto.items.entries()) {
        const slot = slots.get(input.slotId);
        if (!slot) {
          problems.push({
            field: `items.${index}.slotId`,
            message: `Khung giờ (items.${index}.slotId) không có trong lịch ngày ${dayLabel(date)}`,
          });
          continue;
        }
        if (input.id) {
          const item = byId.get(input.id);
          if (!item || seen.has(input.id)) {
            problems.push({
              field: `items.${index}.id`,
              message: item
                ? `Mục (items.${index}.id) có hai lần trong danh sách`
                : `Mục (items.${index}.id) không có trong lịch này`,
            });
            continue;
          }
          seen.add(input.id);
          if (input.audioId && input.audioId !== item.audioId) {
            problems.push({
              field: `items.${index}.audioId`,
              message: `Mục đã có không đổi được bản tin (items.${index}.audioId): hãy bỏ mục cũ và thêm mục mới`,
            });
          }
          if (item.kind === 'relay' && item.slotId !== slot.id) {
            problems.push({
              field: `items.${index}.slotId`,
              message: `Mục tiếp âm không chuyển sang khung khác được (items.${index}.slotId)`,
            });
          }
          next.push({ input, item, index });
        } else {
          if (!input.audioId) {
            problems.push({
              field: `items.${index}.audioId`,
              message: `Mục mới cần bản tin âm thanh (items.${index}.audioId)`,
            });
            continue;
          }
          if (slot.kind !== 'programme') {
            problems.push({
              field: `items.${index}.slotId`,
              message: `Khung "${slot.name}" là khung tiếp âm: không thêm bản tin vào được (items.${index}.slotId)`,
            });
            continue;
          }
          next.push({ input, index });
        }
      }
      // New pieces: a ready audio of the unit, of an approved or published article or an upload.
      const added = new Map<
        number,
        {
          audioId: string;
          articleId: string | null;
          title: string;
          durationSec: number;
          priority: 'normal' | 'priority';
        }
      >();
      for (const n of next.filter((x) => !x.item)) {
        const audio = await this.repo.readyAudio(plan.unitId, n.input.audioId!, manager);
        if (
          !audio ||
          (audio.articleId !== null && !['approved', 'published'].includes(audio.articleStatus ?? ''))
        ) {
          problems.push({
            field: `items.${n.index}.audioId`,
            message: `Bản tin (items.${n.index}.audioId) không có, chưa sẵn sàng, không thuộc đơn vị, hoặc bài của nó chưa được duyệt`,
          });
          continue;
        }
        added.set(n.index, {
          audioId: audio.id,
          articleId: audio.articleId,
          title: audio.title,
          durationSec: Math.ceil(audio.durationMs / 1000),
          priority: audio.priority,
        });
      }
      // Every slot must still hold its items and the gaps between them.
      const used = new Map<string, number>();
      for (const n of next) {
        const duration = n.item?.durationSec ?? added.get(n.index)?.durationSec;
        if (duration === undefined) {
          continue;
        }
        const slot = slots.get(n.input.slotId)!;
        const before = used.get(slot.id);
        const total = (before === undefined ? 0 : before + GAP_SEC) + duration;
        used.set(slot.id, total);
        if (total > slot.durationMinutes * 60) {
          problems.push({
            field: `items.${n.index}`,
            message: `Khung "${slot.name}" (${hhmm(slot.startMinute)}) dài ${slot.durationMinutes} phút không chứa thêm mục này (items.${n.index}): đã xếp ${spokenDuration(total)}`,
          });
        }
      }
      if (problems.length > 0) {
        throw BroadcastException.invalid(problems);
      }

      const now = new Date();
      const deviations: Partial<BroadcastPlanDeviation>[] = [];
      const note = (kind: 'added' | 'removed' | 'moved', item: { id: string; title: string }) => {
        if (plan.status === 'approved') {
          deviations.push({
            unitId: plan.unitId,
            planId: plan.id,
            itemId: item.id,
            kind,
            title: item.title,
            reason,
            actorId: principal.id,
          });
        }
      };
      const keptIds = new Set(next.flatMap((n) => (n.item ? [n.item.id] : [])));
      const removed = current.filter((i) => !keptIds.has(i.id));
      for (const item of removed) {
        item.removedAt = now;
        note('removed', item);
      }
      // Old order of the kept items in each slot, to tell a move from a neighbour's removal.
      const oldOrder = new Map<string, string[]>();
      for (const i of [...current].sort((a, b) => a.position - b.position).filter((i) => keptIds.has(i.id))) {
        oldOrder.set(i.slotId, [...(oldOrder.get(i.slotId) ?? []), i.id]);
      }
      const newOrder = new Map<string, string[]>();
      for (const n of next.filter((x) => x.item)) {
        newOrder.set(n.input.slotId, [...(newOrder.get(n.input.slotId) ?? []), n.item!.id]);
      }
      const offsets = new Map<string, number>();
      const positions = new Map<string, number>();
      const toSave: BroadcastPlanItem[] = [...removed];
      const toInsert: Partial<BroadcastPlanItem>[] = [];
      for (const n of next) {
        const slot = slots.get(n.input.slotId)!;
        const position = positions.get(slot.id) ?? 0;
        positions.set(slot.id, position + 1);
        const offset = offsets.get(slot.id);
        const start = offset === undefined ? 0 : offset + GAP_SEC;
        const plannedStart = new Date(slotStart(date, slot.startMinute).getTime() + start * 1000);
        if (n.item) {
          const item = n.item;
          offsets.set(slot.id, start + item.durationSec);
          const moved =
            item.slotId !== slot.id ||
            (oldOrder.get(slot.id) ?? []).indexOf(item.id) !== (newOrder.get(slot.id) ?? []).indexOf(item.id);
          if (moved) {
            note('moved', item);
          }
          if (moved || item.position !== position || item.plannedStart.getTime() !== plannedStart.getTime()) {
            item.slotId = slot.id;
            item.position = position;
            item.plannedStart = plannedStart;
            toSave.push(item);
          }
        } else {
          const piece = added.get(n.index)!;
          offsets.set(slot.id, start + piece.durationSec);
          toInsert.push({
            unitId: plan.unitId,
            planId: plan.id,
            slotId: slot.id,
            position,
            kind: 'audio',
            ...piece,
            title: piece.title.slice(0, 500),
            plannedStart,
          });
        }
      }
      await manager.getRepository(BroadcastPlanItem).save(toSave);
      if (toInsert.length > 0) {
        const inserted = await manager
          .getRepository(BroadcastPlanItem)
          .save(toInsert.map((row) => manager.getRepository(BroadcastPlanItem).create(row)));
        inserted.forEach((i) => note('added', i));
      }
      if (deviations.length > 0) {
        await manager.getRepository(BroadcastPlanDeviation).insert(deviations);
      }
      plan.version += 1;
      await manager.getRepository(BroadcastPlan).save(plan);
      if (plan.status === 'approved') {
        // The portal's "Phát thanh" page shows approved plans only.
        await notifyPortalChanged(manager, plan.unitId);
      }
      return this.present(principal, station, plan, manager);
    });
  }

  /** `POST /stations/:id/plans/:date/approve`: by an approver; recorded as `plan.approved`. */
  async approve(principal: Principal, stationId: string, date: string): Promise<PlanResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { station } = await this.stations.requireStation(principal, stationId, PLAN_APPROVERS, manager);
      const plan = await this.repo.lockPlan(station.unitId, station.id, date, manager);
      if (!plan) {
        throw BroadcastException.planNotFound(date);
      }
      if (plan.status === 'approved') {
        throw BroadcastException.alreadyApproved(date);
      }
      const items = await this.repo.itemsOf(plan.unitId, plan.id, manager);
      if (items.length === 0) {
        throw BroadcastException.emptyPlan();
      }
      const now = new Date();
      plan.status = 'approved';
      plan.approvedAt = now;
      plan.approvedBy = principal.id;
      plan.version += 1;
      await manager.getRepository(BroadcastPlan).save(plan);
      await notifyPortalChanged(manager, plan.unitId);
      await this.evidence.record(manager, {
        unitId: plan.unitId,
        type: 'plan.approved',
        occurredAt: now,
        actorId: principal.id,
        method: 'live',
        subject: { type: 'broadcast_plan', id: plan.id },
        snapshot: {
          stationId: station.id,
          stationName: station.name,
          planId: plan.id,
          date: plan.date,
          items: items.map((i) => ({
            itemId: i.id,
            slotId: i.slotId,
            kind: i.kind,
            audioId: i.audioId,
            articleId: i.articleId,
            title: i.title,
            plannedStart: i.plannedStart.toISOString(),
            durationSec: i.durationSec,
            priority: i.priority,
          })),
          minutes: Math.round((items.reduce((s, i) => s + i.durationSec, 0) / 60) * 100) / 100,
        },
      });
      return this.present(principal, station, plan, manager);
    });
  }
}
