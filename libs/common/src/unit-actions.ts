import { SetMetadata } from '@nestjs/common';
import type { Role } from './access';

/**
 * What a role may do in a unit, as the server states it to clients (`GET /users/me` → `permissions`),
 * so the admin app never keeps its own copy of the role lists. Names are `<domain>.<verb>`, stable: a
 * client tests `actions.includes('articles.create')`. Each domain states its own table from the role
 * sets its services check, in a provider marked `@StatesUnitActions()` (collected at boot by libs/auth).
 */
export type UnitActionTable = Readonly<Record<string, readonly Role[]>>;

export interface UnitActionSource {
  readonly unitActions: UnitActionTable;
}

export const UNIT_ACTIONS_KEY = 'unit-actions';

/** Marks a provider whose `unitActions` join the table of `/users/me` permissions. */
export const StatesUnitActions = () => SetMetadata(UNIT_ACTIONS_KEY, true);
