import type { Role } from '@app/common';

/**
 * The broadcast module's role sets, named once: `@Access` on the routes, the services' unit checks and the
 * `/users/me` permissions all use these.
 */

/** Who may see a unit's stations, slots, plans and airings. */
export const BROADCAST_READERS = [
  'admin',
  'editor',
  'approver',
  'operator',
  'reporter',
] as const satisfies readonly Role[];

/** Who keeps the stations and their slots (within the unit's broadcast policy). */
export const STATION_KEEPERS = ['admin', 'operator'] as const satisfies readonly Role[];

/** Who generates and edits a daily plan (after approval, only with a reason, kept as a deviation). */
export const PLAN_EDITORS = ['admin', 'operator', 'approver'] as const satisfies readonly Role[];

/** Who approves a daily plan: the leadership (design.md §1: nothing airs unapproved). */
export const PLAN_APPROVERS = ['admin', 'approver'] as const satisfies readonly Role[];

/** Who records airings (console, after the fact, or the lines of an old logbook). */
export const AIRING_RECORDERS = ['admin', 'operator'] as const satisfies readonly Role[];

/** Who may air an emergency notice at once. */
export const EMERGENCY_CALLERS = ['admin', 'operator', 'approver'] as const satisfies readonly Role[];
