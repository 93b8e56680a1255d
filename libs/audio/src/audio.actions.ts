import { Injectable } from '@nestjs/common';
import { StatesUnitActions, UnitActionSource, UnitActionTable } from '@app/common';
import { AUDIO_PRODUCERS, AUDIO_READERS, JINGLE_KEEPERS } from './audio.roles';

/** What the audio roles allow in a unit, for `GET /users/me`: the sets the routes and services check. */
@Injectable()
@StatesUnitActions()
export class AudioUnitActions implements UnitActionSource {
  readonly unitActions: UnitActionTable = {
    'audio.read': AUDIO_READERS,
    'audio.request': AUDIO_PRODUCERS,
    'audio.upload': AUDIO_PRODUCERS,
    'audio.jingles': JINGLE_KEEPERS,
  };
}
