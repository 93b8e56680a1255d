import { Injectable } from '@nestjs/common';
import { ROLES, StatesUnitActions, UnitActionSource, UnitActionTable } from '@app/common';
import { REPORT_READERS } from '@app/units';

/**
 * For `GET /users/me`: every member reads the unit's evidence log; the report readers (who also reach
 * the unit's descendants, UnitAccess.canReadReports) read its reports.
 */
@Injectable()
@StatesUnitActions()
export class EvidenceUnitActions implements UnitActionSource {
  readonly unitActions: UnitActionTable = {
    'evidence.read': ROLES,
    'reports.read': REPORT_READERS,
  };
}
