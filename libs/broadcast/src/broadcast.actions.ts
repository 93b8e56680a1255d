import { Injectable } from '@nestjs/common';
import { StatesUnitActions, UnitActionSource, UnitActionTable } from '@app/common';
import {
  AIRING_RECORDERS,
  BROADCAST_READERS,
  EMERGENCY_CALLERS,
  PLAN_APPROVERS,
  PLAN_EDITORS,
  STATION_KEEPERS,
} from './broadcast.roles';

/** What the broadcast roles allow in a unit, for `GET /users/me`: the sets the routes and services check. */
@Injectable()
@StatesUnitActions()
export class BroadcastUnitActions implements UnitActionSource {
  readonly unitActions: UnitActionTable = {
    'broadcast.read': BROADCAST_READERS,
    'broadcast.stations': STATION_KEEPERS,
    'broadcast.plan': PLAN_EDITORS,
    'broadcast.approve': PLAN_APPROVERS,
    'broadcast.air': AIRING_RECORDERS,
    'broadcast.emergency': EMERGENCY_CALLERS,
  };
}
