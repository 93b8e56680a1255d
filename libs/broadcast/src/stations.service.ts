import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@app/common';
import { isUniqueViolation } from '@app/db';
import { Unit, UnitAccess, UnitHooks } from '@app/units';
import {
  CreateSlotDto,
  CreateStationDto,
  SlotResponse,
  StationResponse,
  UpdateSlotDto,
} from './broadcast.dto';
import { BroadcastException } from './broadcast.exception';
import { BroadcastRepository } from './broadcast.repository';
import { BROADCAST_READERS, STATION_KEEPERS } from './broadcast.roles';
import { defaultSlots, hhmm, minutesOf, slotProblems, type SlotShape } from './slot-policy';
import { BroadcastSlot, Station } from './station.entity';

/** Unit kinds that run a loudspeaker network and so start with a station (design.md §1). */
const KINDS_WITH_A_STATION = new Set(['commune', 'ward', 'special_zone']);

export const DEFAULT_STATION_NAME = 'Đài truyền thanh';

export function toStationResponse(s: Station): StationResponse {
  return { id: s.id, unitId: s.unitId, name: s.name };
}

export function toSlotResponse(s: BroadcastSlot): SlotResponse {
  return {
    id: s.id,
    stationId: s.stationId,
    name: s.name,
    weekdays: [...s.weekdays].sort((a, b) => a - b),
    start: hhmm(s.startMinute),
    durationMinutes: s.durationMinutes,
    kind: s.kind,
    relaySource: s.kind === 'relay' ? { name: s.relayName ?? '', url: s.relayUrl ?? '' } : null,
  };
}

/** Stations and their slots, kept within the unit's broadcast policy. */
@Injectable()
export class StationsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: BroadcastRepository,
    private readonly access: UnitAccess,
    private readonly hooks: UnitHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.onCreated(async (unit, manager) => {
      if (KINDS_WITH_A_STATION.has(unit.kind)) {
        await this.createWithDefaults(unit, DEFAULT_STATION_NAME, manager);
      }
    });
  }

  private async createWithDefaults(unit: Unit, name: string, manager: EntityManager): Promise<Station> {
    const station = await this.repo.insertStation({ unitId: unit.id, name }, manager);
    await this.repo.saveSlots(
      defaultSlots(unit.settings.broadcastPolicy).map((s) => ({
        ...s,
        unitId: unit.id,
        stationId: station.id,
      })),
      manager,
    );
    return station;
  }

  async list(principal: Principal, unitId: string): Promise<StationResponse[]> {
    await this.access.requireRole(principal, unitId, BROADCAST_READERS);
    return (await this.repo.stationsOf(unitId)).map(toStationResponse);
  }

  async create(principal: Principal, unitId: string, dto: CreateStationDto): Promise<StationResponse> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const unit = await this.access.requireRole(principal, unitId, STATION_KEEPERS, manager);
        return toStationResponse(await this.createWithDefaults(unit, dto.name, manager));
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw BroadcastException.stationNameTaken(dto.name);
      }
      throw error;
    }
  }

  /** The station, when the principal holds one of `roles` in its unit (404 naming stationId, then 403). */
  async requireStation(
    principal: Principal,
    stationId: string,
    roles: readonly string[],
    manager?: EntityManager,
  ): Promise<{ station: Station; unit: Unit }> {
    const station = await this.repo.findStation(stationId, manager);
    if (!station) {
      throw BroadcastException.stationNotFound();
    }
    const unit = await this.access.requireRole(principal, station.unitId, roles as never, manager);
    return { station, unit };
  }

  async slots(principal: Principal, stationId: string): Promise<SlotResponse[]> {
    const { station } = await this.requireStation(principal, stationId, BROADCAST_READERS);
    return (await this.repo.slotsOf([station.unitId], [station.id])).map(toSlotResponse);
  }

  async addSlot(principal: Principal, stationId: string, dto: CreateSlotDto): Promise<SlotResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { station, unit } = await this.lockedStation(principal, stationId, manager);
      const shape: SlotShape = {
        name: dto.name,
        weekdays: dto.weekdays,
        startMinute: minutesOf(dto.start),
        durationMinutes: dto.durationMinutes,
        kind: dto.kind,
      };
      this.check(shape, dto.relaySource, await this.repo.slotsOf([unit.id], [station.id], manager), unit);
      const [saved] = await this.repo.saveSlots(
        [
          {
            ...shape,
            unitId: unit.id,
            stationId: station.id,
            relayName: dto.kind === 'relay' ? dto.relaySource!.name : null,
            relayUrl: dto.kind === 'relay' ? dto.relaySource!.url : null,
          },
        ],
        manager,
      );
      return toSlotResponse(saved);
    });
  }

  async updateSlot(principal: Principal, slotId: string, dto: UpdateSlotDto): Promise<SlotResponse> {
    return this.dataSource.transaction(async (manager) => {
      const slot = await this.liveSlot(slotId, manager);
      const { station, unit } = await this.lockedStation(principal, slot.stationId, manager);
      const shape: SlotShape = {
        id: slot.id,
        name: dto.name ?? slot.name,
        weekdays: dto.weekdays ?? slot.weekdays,
        startMinute: dto.start !== undefined ? minutesOf(dto.start) : slot.startMinute,
        durationMinutes: dto.durationMinutes ?? slot.durationMinutes,
        kind: slot.kind,
      };
      const relay =
        slot.kind === 'relay'
          ? (dto.relaySource ?? { name: slot.relayName ?? '', url: slot.relayUrl ?? '' })
          : dto.relaySource;
      this.check(shape, relay, await this.repo.slotsOf([unit.id], [station.id], manager), unit);
      Object.assign(
        slot,
        shape,
        slot.kind === 'relay' ? { relayName: relay!.name, relayUrl: relay!.url } : {},
      );
      const [saved] = await this.repo.saveSlots([slot], manager);
      return toSlotResponse(saved);
    });
  }

  /** A removed slot keeps its row: plans and airings that name it still read. */
  async removeSlot(principal: Principal, slotId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const slot = await this.liveSlot(slotId, manager);
      await this.lockedStation(principal, slot.stationId, manager);
      slot.removedAt = new Date();
      await this.repo.saveSlots([slot], manager);
    });
  }

  private async liveSlot(slotId: string, manager: EntityManager): Promise<BroadcastSlot> {
    const slot = await this.repo.findSlot(slotId, manager);
    if (!slot || slot.removedAt) {
      throw BroadcastException.slotNotFound();
    }
    return slot;
  }

  /** The station locked for the rest of the transaction, so two slot writes cannot both pass the policy. */
  private async lockedStation(
    principal: Principal,
    stationId: string,
    manager: EntityManager,
  ): Promise<{ station: Station; unit: Unit }> {
    const { unit } = await this.requireStation(principal, stationId, STATION_KEEPERS, manager);
    const station = await this.repo.lockStation(stationId, manager);
    if (!station) {
      throw BroadcastException.stationNotFound();
    }
    return { station, unit };
  }

  private check(
    shape: SlotShape,
    relay: { name: string; url: string } | undefined,
    others: BroadcastSlot[],
    unit: Unit,
  ): void {
    const problems = slotProblems(shape, others, unit.settings.broadcastPolicy);
    if (shape.kind === 'relay' && !relay) {
      problems.push({
        field: 'relaySource',
        message: 'Nguồn tiếp âm (relaySource) là bắt buộc với khung tiếp âm: tên đài và địa chỉ luồng phát',
      });
    }
    if (shape.kind === 'programme' && relay) {
      problems.push({
        field: 'relaySource',
        message: 'Nguồn tiếp âm (relaySource) chỉ dùng cho khung tiếp âm (kind = relay)',
      });
    }
    if (problems.length > 0) {
      throw BroadcastException.invalid(problems);
    }
  }
}
