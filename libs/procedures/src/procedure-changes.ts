import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { isUniqueViolation, notifyPortalChanged } from '@app/db';
import { EvidenceService, ProcedureSnapshot } from '@app/evidence';
import type { Unit } from '@app/units';
import { Procedure, ProcedureAction, ProcedureRevision } from './procedure.entity';
import {
  changedFields,
  contentHash,
  contentOf,
  type ContentField,
  type ProcedureContent,
} from './procedure-content';
import { ProceduresException } from './procedures.exception';
import { ProceduresRepository } from './procedures.repository';

export function procedureUrl(unitSlug: string, code: string): string {
  return `/site/${unitSlug}/thu-tuc-hanh-chinh/${encodeURIComponent(code)}`;
}

/**
 * How a procedure changes, shared by the editor, the lifecycle and the importer: every change keeps a
 * revision; what changes the portal writes its evidence row in the same transaction.
 */
@Injectable()
export class ProcedureChanges {
  constructor(
    private readonly procedures: ProceduresRepository,
    private readonly evidence: EvidenceService,
  ) {}

  /**
   * Stores new content: version raised, a revision kept, and, for a published procedure, its evidence:
   * `procedure.abolished` when it is abolished (it leaves the portal), else `procedure.updated` (a
   * replaced procedure leaves the portal too). Answers false when nothing differs.
   */
  async apply(
    manager: EntityManager,
    unit: Unit,
    procedure: Procedure,
    after: ProcedureContent,
    actorId: string | null,
    action: ProcedureAction,
    reason: string | null,
  ): Promise<boolean> {
    const before = contentOf(procedure);
    const changed = changedFields(before, after);
    if (changed.length === 0) {
      return false;
    }
    const wasPublic = procedure.publishedAt !== null;
    Object.assign(procedure, after, { contentHash: contentHash(after) });
    if (after.status !== before.status && (after.status === 'abolished' || after.status === 'replaced')) {
      procedure.statusReason = reason;
      procedure.publishedAt = null;
    } else if (after.status === 'active' || after.status === 'amended') {
      procedure.statusReason = null;
    }
    procedure.version += 1;
    try {
      await this.procedures.save(manager, procedure);
    } catch (error) {
      throw codeTaken(error, after.code);
    }
    await this.revise(manager, procedure, action, actorId, changed, reason);
    if (wasPublic) {
      await notifyPortalChanged(manager, unit.id);
      await this.evidence.record(manager, {
        unitId: unit.id,
        type: after.status === 'abolished' ? 'procedure.abolished' : 'procedure.updated',
        occurredAt: new Date(),
        actorId,
        method: 'live',
        subject: { type: 'procedure', id: procedure.id },
        snapshot: { ...snapshot(unit, procedure), changed, ...(reason ? { reason } : {}) },
      });
    }
    return true;
  }

  /** Puts a procedure on the portal: version raised, a revision and `procedure.published` evidence. */
  async publish(
    manager: EntityManager,
    unit: Unit,
    procedure: Procedure,
    actorId: string,
    at: Date,
  ): Promise<void> {
    const first = procedure.firstPublishedAt === null;
    procedure.publishedAt = at;
    procedure.firstPublishedAt ??= at;
    await notifyPortalChanged(manager, unit.id);
    await this.evidence.record(manager, {
      unitId: unit.id,
      type: 'procedure.published',
      occurredAt: at,
      actorId,
      method: 'live',
      subject: { type: 'procedure', id: procedure.id },
      snapshot: { ...snapshot(unit, procedure), first },
    });
    procedure.version += 1;
    await this.procedures.save(manager, procedure);
    await this.revise(manager, procedure, 'publish', actorId, [], null);
  }

  async revise(
    manager: EntityManager,
    procedure: Procedure,
    action: ProcedureAction,
    actorId: string | null,
    changed: ContentField[],
    reason: string | null,
  ): Promise<void> {
    await this.procedures.insertRevisions(manager, [revisionOf(procedure, action, actorId, changed, reason)]);
  }
}

/** A unique violation on the unit's code, as the 409 naming `code`; any other error as it was. */
export function codeTaken(error: unknown, code: string): unknown {
  return isUniqueViolation(error, 'uq_procedures_unit_code') ? ProceduresException.codeTaken(code) : error;
}

export function revisionOf(
  procedure: Procedure,
  action: ProcedureAction,
  actorId: string | null,
  changed: ContentField[],
  reason: string | null,
): QueryDeepPartialEntity<ProcedureRevision> {
  return {
    unitId: procedure.unitId,
    procedureId: procedure.id,
    version: procedure.version,
    action,
    actorId,
    status: procedure.status,
    changed,
    content: contentOf(procedure) as unknown as QueryDeepPartialEntity<Record<string, unknown>>,
    reason,
  };
}

function snapshot(unit: Unit, procedure: Procedure): ProcedureSnapshot {
  return {
    code: procedure.code,
    name: procedure.name,
    field: procedure.field,
    status: procedure.status,
    onlineLevel: procedure.onlineLevel,
    decisionNumber: procedure.decisionNumber,
    url: procedureUrl(unit.slug, procedure.code),
  };
}
