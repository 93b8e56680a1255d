import type { Role } from '@app/common';

/** Every member of a unit reads its articles and categories. */
export const ARTICLE_READERS: readonly Role[] = ['admin', 'editor', 'approver', 'operator', 'reporter'];
/** Historical articles from an old portal. */
export const ARTICLE_IMPORTERS: readonly Role[] = ['admin'];
/** Who adds categories: what counts as CCHC in the reports follows them. */
export const CATEGORY_KEEPERS: readonly Role[] = ['admin'];
