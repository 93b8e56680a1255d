import type { EntityManager } from 'typeorm';

/** The channel on which every api replica hears that a unit's public pages changed. */
export const PORTAL_CHANGED = 'portal_changed';

/**
 * Tells every api replica that `unitId`'s public pages changed. Sent inside the caller's transaction,
 * PostgreSQL delivers it only if and when that transaction commits.
 */
export async function notifyPortalChanged(manager: EntityManager, unitId: string): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [PORTAL_CHANGED, unitId]);
}
