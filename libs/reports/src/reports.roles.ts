import type { Role } from '@app/common';

/** Who types in a unit's activities and keeps its propaganda plans and report texts (in the unit itself). */
export const REPORT_WRITERS = ['admin', 'reporter'] as const satisfies readonly Role[];
