import type { Role } from '@app/common';

/** Every member of a unit reads its articles and categories. */
export const ARTICLE_READERS: readonly Role[] = ['admin', 'editor', 'approver', 'operator', 'reporter'];
/** Historical articles from an old portal. */
export const ARTICLE_IMPORTERS: readonly Role[] = ['admin'];
/** Who adds categories: what counts as CCHC in the reports follows them. */
export const CATEGORY_KEEPERS: readonly Role[] = ['admin'];
/**
 * Who may correct the spoken text of an approved or published article without sending it back: the
 * people who hear it on air (operators), who approved it (approvers), and the unit admin. Each of them may
 * also ask for its new audio (libs/audio AUDIO_PRODUCERS), which is the next step after a correction.
 */
export const RADIO_SCRIPT_CORRECTORS = ['operator', 'approver', 'admin'] as const satisfies readonly Role[];
