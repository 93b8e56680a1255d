import { Injectable } from '@nestjs/common';
import { type Role, StatesUnitActions, UnitActionSource, UnitActionTable } from '@app/common';

/** Who may change how the unit's names and abbreviations are said: its admins and editors. */
export const LEXICON_WRITERS = ['admin', 'editor'] as const satisfies readonly Role[];

/** For `GET /users/me`: what the speech roles allow in a unit. */
@Injectable()
@StatesUnitActions()
export class SpeechUnitActions implements UnitActionSource {
  readonly unitActions: UnitActionTable = {
    'lexicon.edit': LEXICON_WRITERS,
  };
}
