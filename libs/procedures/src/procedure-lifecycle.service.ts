import { Injectable } from '@nestjs/common';
import { Principal } from '@app/common';
import { UnitAccess } from '@app/units';
import type { ProcedureResponse } from './procedure.dto';
import { contentOf } from './procedure-content';
import { ProcedureChanges } from './procedure-changes';
import { abolishRefusal, PROCEDURE_PUBLISHERS, publishRefusal } from './procedure-rules';
import { ProceduresException } from './procedures.exception';
import { ProceduresRepository } from './procedures.repository';
import { ProceduresService } from './procedures.service';

/** Publication and abolition: what puts a procedure on the portal or takes it off, with its evidence. */
@Injectable()
export class ProcedureLifecycleService {
  constructor(
    private readonly procedures: ProceduresRepository,
    private readonly access: UnitAccess,
    private readonly changes: ProcedureChanges,
    private readonly catalogue: ProceduresService,
  ) {}

  async publish(principal: Principal, id: string): Promise<ProcedureResponse> {
    return this.catalogue.change(principal, id, PROCEDURE_PUBLISHERS, async (procedure, unit, manager) => {
      const refusal = publishRefusal(procedure);
      if (refusal) {
        throw ProceduresException.invalidState(refusal);
      }
      await this.changes.publish(manager, unit, procedure, principal.id, new Date());
    });
  }

  /** Publishes every procedure of the unit that is in force and not yet on the portal. */
  async publishAll(principal: Principal, unitId: string): Promise<{ published: number }> {
    const unit = await this.access.requireRole(principal, unitId, PROCEDURE_PUBLISHERS);
    return this.procedures.transaction(async (manager) => {
      const waiting = await this.procedures.waitingForPublication(manager, unitId);
      const now = new Date();
      for (const procedure of waiting) {
        await this.changes.publish(manager, unit, procedure, principal.id, now);
      }
      return { published: waiting.length };
    });
  }

  async abolish(principal: Principal, id: string, reason: string): Promise<ProcedureResponse> {
    return this.catalogue.change(principal, id, PROCEDURE_PUBLISHERS, async (procedure, unit, manager) => {
      const refusal = abolishRefusal(procedure);
      if (refusal) {
        throw ProceduresException.invalidState(refusal);
      }
      const after = { ...contentOf(procedure), status: 'abolished' as const, replacedById: null };
      await this.changes.apply(manager, unit, procedure, after, principal.id, 'abolish', reason);
    });
  }
}
