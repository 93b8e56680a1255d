import { Injectable } from '@nestjs/common';
import { StatesUnitActions, UnitActionSource, UnitActionTable } from '@app/common';

/**
 * What the procedures' roles allow in a unit, for `GET /users/me`. The role sets are those
 * ProceduresService checks (READERS, WRITERS, PUBLISHERS there); when they get their one named home
 * (issue 13 B1), this table should point at it.
 */
@Injectable()
@StatesUnitActions()
export class ProcedureUnitActions implements UnitActionSource {
  readonly unitActions: UnitActionTable = {
    'procedures.read': ['admin', 'editor', 'approver', 'operator', 'reporter'],
    'procedures.create': ['admin', 'editor'],
    'procedures.import': ['admin', 'editor'],
    'procedures.publish': ['admin', 'approver'],
  };
}
