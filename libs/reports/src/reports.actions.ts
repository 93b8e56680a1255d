import { Injectable } from '@nestjs/common';
import { StatesUnitActions, UnitActionSource, UnitActionTable } from '@app/common';
import { REPORT_WRITERS } from './reports.roles';

/** For `GET /users/me`: who types in activities, plans and report texts in a unit (reading is `reports.read`). */
@Injectable()
@StatesUnitActions()
export class ReportsUnitActions implements UnitActionSource {
  readonly unitActions: UnitActionTable = {
    'reports.write': REPORT_WRITERS,
  };
}
