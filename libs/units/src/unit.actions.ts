import { Injectable } from '@nestjs/common';
import { Role, StatesUnitActions, UnitActionSource, UnitActionTable } from '@app/common';

/** Who edits a unit's name, slug and settings (UnitsService.update). */
export const UNIT_KEEPERS: readonly Role[] = ['admin'];

/** For `GET /users/me`. */
@Injectable()
@StatesUnitActions()
export class UnitUnitActions implements UnitActionSource {
  readonly unitActions: UnitActionTable = { 'units.edit': UNIT_KEEPERS };
}
