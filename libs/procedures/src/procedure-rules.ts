import type { Role } from '@app/common';
import type { ProcedureStatus } from './procedure.entity';

// The module's role sets, named once: `@Access(...)` on the routes and the service's checks use these.
/** Who reads a unit's catalogue and its imports. */
export const PROCEDURE_READERS = [
  'admin',
  'editor',
  'approver',
  'operator',
  'reporter',
] as const satisfies Role[];
/** Who writes procedures and imports files. */
export const PROCEDURE_EDITORS = ['admin', 'editor'] as const satisfies Role[];
/** Who publishes and abolishes (what the portal shows). */
export const PROCEDURE_PUBLISHERS = ['admin', 'approver'] as const satisfies Role[];

/** What a caller may do with one procedure (its `allowedActions`), so the admin app copies no rule. */
export const PROCEDURE_ACTIONS = ['edit', 'publish', 'abolish'] as const;
export type ProcedureUserAction = (typeof PROCEDURE_ACTIONS)[number];

interface Stated {
  status: ProcedureStatus;
  publishedAt: Date | null;
}

/** Why the procedure cannot be published now (a 409), or null. */
export function publishRefusal(p: Stated): string | null {
  if (p.status === 'abolished' || p.status === 'replaced') {
    return `Không thể đăng thủ tục đã ${p.status === 'abolished' ? 'bãi bỏ' : 'bị thay thế'}`;
  }
  return p.publishedAt ? 'Thủ tục đã được đăng trên cổng thông tin' : null;
}

/** Why the procedure cannot be abolished now (a 409), or null. */
export function abolishRefusal(p: Stated): string | null {
  return p.status === 'abolished' ? 'Thủ tục đã bị bãi bỏ' : null;
}

/** The actions the caller's roles allow on this procedure in its present state. */
export function allowedActions(p: Stated, may: (roles: readonly Role[]) => boolean): ProcedureUserAction[] {
  const actions: ProcedureUserAction[] = [];
  if (may(PROCEDURE_EDITORS)) {
    actions.push('edit');
  }
  if (may(PROCEDURE_PUBLISHERS) && !publishRefusal(p)) {
    actions.push('publish');
  }
  if (may(PROCEDURE_PUBLISHERS) && !abolishRefusal(p)) {
    actions.push('abolish');
  }
  return actions;
}
