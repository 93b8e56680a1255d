import { Injectable } from '@nestjs/common';
import { StatesUnitActions, UnitActionSource, UnitActionTable } from '@app/common';

/**
 * What the audio roles allow in a unit, for `GET /users/me`. The role sets are those AudioService
 * (PRODUCERS, READERS) and AudioJinglesService (KEEPERS) check; when they get their one named home
 * (issue 13 B1), this table should point at it.
 */
@Injectable()
@StatesUnitActions()
export class AudioUnitActions implements UnitActionSource {
  readonly unitActions: UnitActionTable = {
    'audio.read': ['admin', 'editor', 'approver', 'operator', 'reporter'],
    'audio.request': ['admin', 'editor', 'approver', 'operator'],
    'audio.upload': ['admin', 'editor', 'approver', 'operator'],
    'audio.jingles': ['admin', 'operator'],
  };
}
