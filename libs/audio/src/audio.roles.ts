import type { Role } from '@app/common';

/**
 * The audio module's role sets, named once: `@Access` on the routes and the services' unit checks use
 * these, so the two cannot drift.
 */

/** Who may ask for an article's speech, or upload a programme (for an approved article too). */
export const AUDIO_PRODUCERS = ['admin', 'editor', 'approver', 'operator'] as const satisfies readonly Role[];

/** Who may list and hear a unit's audio. */
export const AUDIO_READERS = [
  'admin',
  'editor',
  'approver',
  'operator',
  'reporter',
] as const satisfies readonly Role[];

/**
 * Who may upload a recording for a published article. It becomes that article's public "Nghe bài viết"
 * audio at once, so it takes the roles that may publish (articles' WORKFLOW.publish): an operator's or an
 * editor's recording would otherwise go public without an approver.
 */
export const PUBLIC_AUDIO_KEEPERS = ['admin', 'approver'] as const satisfies readonly Role[];

/** The station's sound (jingles) is the radio people's and the unit admin's to set. */
export const JINGLE_KEEPERS = ['admin', 'operator'] as const satisfies readonly Role[];
