import { Injectable } from '@nestjs/common';
import { type Role, StatesUnitActions, UnitActionSource, UnitActionTable } from '@app/common';

/**
 * Who may change how the unit's names and abbreviations are said: its admins, its editors (who write the
 * words) and its radio operators (who hear them on air and are the first to notice a wrong reading).
 * Approvers and report writers read it. The admin app's lexicon page says the same in LEXICON_WRITERS_TEXT.
 */
export const LEXICON_WRITERS = ['admin', 'editor', 'operator'] as const satisfies readonly Role[];

/** Why a member who may not write is refused (the 403 and the lexicon page say this). */
export const LEXICON_WRITERS_TEXT =
  'Chỉ quản trị đơn vị, biên tập viên và người vận hành đài được sửa từ điển cách đọc';

/** For `GET /users/me`: what the speech roles allow in a unit. */
@Injectable()
@StatesUnitActions()
export class SpeechUnitActions implements UnitActionSource {
  readonly unitActions: UnitActionTable = {
    'lexicon.edit': LEXICON_WRITERS,
  };
}
