import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  DomainException,
  ForbiddenException,
  NotFoundException,
  Page,
  Principal,
  ValidationException,
} from '@app/common';
import { isUniqueViolation, notifyPortalChanged } from '@app/db';
import { CreateUnitDto, ListUnitsQueryDto, UnitResponse, UpdateUnitDto } from './unit.dto';
import { Unit, UnitSettings } from './unit.entity';
import { portalHostProblem } from './portal-host';
import { REPORT_READERS, UnitAccess } from './unit-access.service';
import { UnitHooks } from './unit-hooks.service';
import { UNIT_KEEPERS } from './unit.actions';
import { UnitsException } from './units.exception';
import { UnitsRepository } from './units.repository';

@Injectable()
export class UnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitsRepository,
    private readonly access: UnitAccess,
    private readonly hooks: UnitHooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Only the system administrator maps host names (a unit admin could otherwise take a neighbour's
   * domain or the deployment's own); a unit admin may send the value it already has.
   */
  private checkPortalHost(principal: Principal, settings: UnitSettings | undefined, current?: string): void {
    const host = settings?.portalHost;
    if (host === undefined || host === (current ?? '')) {
      return;
    }
    if (!principal.isSystemAdmin) {
      const message = 'Chỉ quản trị hệ thống được đặt tên miền riêng của cổng thông tin';
      throw new DomainException('FORBIDDEN', message, [{ field: 'settings.portalHost', message }]);
    }
    const problem = host === '' ? null : portalHostProblem(host, this.config.publicUrl);
    if (problem) {
      throw new ValidationException([{ field: 'settings.portalHost', message: problem }], problem);
    }
  }

  /** Takes `slug` for the unit for good (unit_slugs), or 409 naming `slug` if another unit ever had it. */
  private async claimSlug(slug: string, unitId: string, manager: EntityManager): Promise<void> {
    if ((await this.units.claimSlug(slug, unitId, manager)) !== unitId) {
      throw UnitsException.slugTaken(slug);
    }
  }

  async create(principal: Principal, dto: CreateUnitDto): Promise<UnitResponse> {
    this.access.assertSystemAdmin(principal);
    this.checkPortalHost(principal, dto.settings);
    const unit = await this.dataSource.transaction(async (manager) => {
      if (dto.parentId && !(await this.units.findById(dto.parentId, manager))) {
        throw UnitsException.parentNotFound();
      }
      const entity = Object.assign(new Unit(), {
        code: dto.code,
        name: dto.name,
        kind: dto.kind,
        parentId: dto.parentId ?? null,
        slug: dto.slug,
        settings: { ...(dto.settings ?? {}) },
      });
      const saved = await this.saveUnique(entity, manager);
      await this.claimSlug(saved.slug, saved.id, manager);
      await this.hooks.runCreated(saved, manager);
      return saved;
    });
    return UnitResponse.of(unit);
  }

  /** The units a person works in, and below the ones whose reports they read. */
  async list(principal: Principal, query: ListUnitsQueryDto): Promise<Page<UnitResponse>> {
    let ids: string[] | undefined;
    if (!principal.isSystemAdmin) {
      const own = [...new Set(principal.memberships.map((m) => m.unitId))];
      const readers = [
        ...new Set(principal.memberships.filter((m) => REPORT_READERS.includes(m.role)).map((m) => m.unitId)),
      ];
      ids = [...new Set([...own, ...(await this.units.descendantIds(readers))])];
    }
    const [items, total] = await this.units.page({
      ids,
      parentId: query.parentId,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: items.map((u) => UnitResponse.of(u)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(principal: Principal, id: string): Promise<UnitResponse> {
    const unit = await this.units.findById(id);
    if (!unit) {
      throw new NotFoundException('đơn vị');
    }
    await this.access.assertCanReadReports(principal, id);
    return UnitResponse.of(unit);
  }

  /**
   * A unit's admin edits its name, slug and settings; code, kind and place in the tree belong to the
   * system administrator.
   */
  async update(principal: Principal, id: string, dto: UpdateUnitDto): Promise<UnitResponse> {
    const unit = await this.dataSource.transaction(async (manager) => {
      const current = await this.units.findById(id, manager);
      if (!current) {
        throw new NotFoundException('đơn vị');
      }
      this.access.assertRole(principal, id, UNIT_KEEPERS);
      this.checkPortalHost(principal, dto.settings, current.settings.portalHost);
      const structural = dto.code !== undefined || dto.kind !== undefined || dto.parentId !== undefined;
      if (structural && !principal.isSystemAdmin) {
        throw new ForbiddenException('Chỉ quản trị hệ thống được đổi mã, loại hoặc đơn vị cấp trên');
      }
      if (dto.parentId !== undefined && dto.parentId !== current.parentId) {
        await this.assertValidParent(id, dto.parentId, manager);
        current.parentId = dto.parentId;
      }
      if (dto.code !== undefined) {
        current.code = dto.code;
      }
      if (dto.kind !== undefined) {
        current.kind = dto.kind;
      }
      if (dto.name !== undefined) {
        current.name = dto.name;
      }
      if (dto.slug !== undefined && dto.slug !== current.slug) {
        // The old slug stays the unit's (it redirects to the new one); the new one must be free for good.
        await this.units.claimSlug(current.slug, current.id, manager);
        await this.claimSlug(dto.slug, current.id, manager);
        current.slug = dto.slug;
      }
      if (dto.settings !== undefined) {
        current.settings = { ...current.settings, ...dto.settings };
      }
      // Name, slug and contact show on every public page of the unit.
      await notifyPortalChanged(manager, current.id);
      return this.saveUnique(current, manager);
    });
    return UnitResponse.of(unit);
  }

  private async assertValidParent(
    id: string,
    parentId: string | null,
    manager: DataSource['manager'],
  ): Promise<void> {
    if (parentId === null) {
      return;
    }
    if (!(await this.units.findById(parentId, manager))) {
      throw UnitsException.parentNotFound();
    }
    if (parentId === id || (await this.units.descendantIds([id], manager)).includes(parentId)) {
      throw UnitsException.cycle();
    }
  }

  private async saveUnique(unit: Unit, manager: DataSource['manager']): Promise<Unit> {
    try {
      return await this.units.save(unit, manager);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_units_code')) {
        throw UnitsException.codeTaken(unit.code);
      }
      if (isUniqueViolation(error, 'uq_units_slug')) {
        throw UnitsException.slugTaken(unit.slug);
      }
      if (isUniqueViolation(error, 'uq_units_portal_host')) {
        throw UnitsException.portalHostTaken(unit.settings.portalHost ?? '');
      }
      throw error;
    }
  }
}
