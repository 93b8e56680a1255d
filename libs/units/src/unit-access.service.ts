import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ForbiddenException, NotFoundException, Principal, Role } from '@app/common';
import { Unit } from './unit.entity';
import { UnitsRepository } from './units.repository';

/** Roles of an ancestor unit that may read a descendant's reports and evidence. */
export const REPORT_READERS: readonly Role[] = ['admin', 'reporter', 'approver'];

/**
 * Who may do what in which unit. Rights hold in the unit of the membership; reading reports (and the
 * evidence behind them) also reaches the unit's descendants. The system administrator may do everything.
 */
@Injectable()
export class UnitAccess {
  constructor(private readonly units: UnitsRepository) {}

  hasRole(principal: Principal, unitId: string, roles: readonly Role[]): boolean {
    return (
      principal.isSystemAdmin ||
      principal.memberships.some((m) => m.unitId === unitId && roles.includes(m.role))
    );
  }

  isMember(principal: Principal, unitId: string): boolean {
    return principal.isSystemAdmin || principal.memberships.some((m) => m.unitId === unitId);
  }

  assertRole(principal: Principal, unitId: string, roles: readonly Role[]): void {
    if (!this.hasRole(principal, unitId, roles)) {
      throw new ForbiddenException();
    }
  }

  /**
   * The unit, when the principal holds one of the roles in it: 404 when there is no such unit, then 403.
   * Services call this instead of loading the unit and checking roles themselves.
   */
  async requireRole(
    principal: Principal,
    unitId: string,
    roles: readonly Role[],
    manager?: EntityManager,
  ): Promise<Unit> {
    const unit = await this.units.findById(unitId, manager);
    if (!unit) {
      throw new NotFoundException('đơn vị');
    }
    this.assertRole(principal, unitId, roles);
    return unit;
  }

  assertSystemAdmin(principal: Principal): void {
    if (!principal.isSystemAdmin) {
      throw new ForbiddenException('Chỉ quản trị hệ thống được thực hiện thao tác này');
    }
  }

  /** Members of the unit, or report readers of one of its ancestors. */
  async canReadReports(principal: Principal, unitId: string): Promise<boolean> {
    if (this.isMember(principal, unitId)) {
      return true;
    }
    const readerUnits = new Set(
      principal.memberships.filter((m) => REPORT_READERS.includes(m.role)).map((m) => m.unitId),
    );
    if (readerUnits.size === 0) {
      return false;
    }
    const ancestors = await this.units.ancestorIds(unitId);
    return ancestors.some((id) => readerUnits.has(id));
  }

  async assertCanReadReports(principal: Principal, unitId: string): Promise<void> {
    if (!(await this.canReadReports(principal, unitId))) {
      throw new ForbiddenException('Bạn không có quyền xem dữ liệu của đơn vị này');
    }
  }
}
