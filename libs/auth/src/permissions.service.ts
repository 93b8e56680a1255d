import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Principal, ROLES, Role, UNIT_ACTIONS_KEY, UnitActionSource, UnitActionTable } from '@app/common';
import { UnitPermissions } from './user.dto';

/** Who may manage people; stated here and checked by UsersService. */
export const USER_KEEPERS: readonly Role[] = ['admin'];

/** The actions libs/auth itself states. */
export const AUTH_UNIT_ACTIONS: UnitActionTable = { 'users.manage': USER_KEEPERS };

/** Joins the domains' tables; two domains naming the same action is a bug caught at boot. */
export function joinTables(
  sources: { owner: string; table: UnitActionTable }[],
): Map<string, readonly Role[]> {
  const joined = new Map<string, readonly Role[]>();
  const owners = new Map<string, string>();
  for (const { owner, table } of sources) {
    for (const [action, roles] of Object.entries(table)) {
      if (owners.has(action)) {
        throw new Error(`Quyền ${action} được khai báo hai lần: ${owners.get(action)} và ${owner}`);
      }
      owners.set(action, owner);
      joined.set(action, roles);
    }
  }
  return new Map([...joined].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The caller's permissions per unit (`GET /users/me`): for each unit of their memberships, their roles
 * there and the actions those roles allow, from the tables the domains state (`@StatesUnitActions()`).
 * A system administrator holds every action in every unit (`actionsEverywhere`).
 */
@Injectable()
export class PermissionsService implements OnApplicationBootstrap {
  private table?: Map<string, readonly Role[]>;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    this.actions();
  }

  /** Every action, with the roles that hold it. */
  actions(): Map<string, readonly Role[]> {
    if (!this.table) {
      const sources = this.discovery
        .getProviders()
        .filter((w) => w.metatype && w.instance && this.reflector.get(UNIT_ACTIONS_KEY, w.metatype))
        .map((w) => ({
          owner: String(w.name),
          table: (w.instance as UnitActionSource).unitActions,
        }));
      this.table = joinTables([{ owner: 'AuthModule', table: AUTH_UNIT_ACTIONS }, ...sources]);
    }
    return this.table;
  }

  of(principal: Pick<Principal, 'isSystemAdmin' | 'memberships'>): {
    actionsEverywhere: string[];
    permissions: UnitPermissions[];
  } {
    const table = this.actions();
    const byUnit = new Map<string, Role[]>();
    for (const { unitId, role } of principal.memberships) {
      byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), role]);
    }
    const permissions = [...byUnit].map(([unitId, held]) => {
      const roles = ROLES.filter((r) => held.includes(r));
      const actions = [...table].filter(([, allowed]) => allowed.some((r) => roles.includes(r)));
      return { unitId, roles, actions: actions.map(([action]) => action) };
    });
    return { actionsEverywhere: principal.isSystemAdmin ? [...table.keys()] : [], permissions };
  }
}
