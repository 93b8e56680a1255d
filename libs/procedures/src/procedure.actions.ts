import { Injectable } from '@nestjs/common';
import { StatesUnitActions, UnitActionSource, UnitActionTable } from '@app/common';
import { PROCEDURE_EDITORS, PROCEDURE_PUBLISHERS, PROCEDURE_READERS } from './procedure-rules';

/** What the procedures' roles allow in a unit, for `GET /users/me`: the sets the routes and services check. */
@Injectable()
@StatesUnitActions()
export class ProcedureUnitActions implements UnitActionSource {
  readonly unitActions: UnitActionTable = {
    'procedures.read': PROCEDURE_READERS,
    'procedures.create': PROCEDURE_EDITORS,
    'procedures.import': PROCEDURE_EDITORS,
    'procedures.publish': PROCEDURE_PUBLISHERS,
  };
}
