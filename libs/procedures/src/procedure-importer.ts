import { Injectable } from '@nestjs/common';
import { setImmediate as turn } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import type { Unit } from '@app/units';
import type { CheckedFile } from './import/check';
import {
  codesInFile,
  codesOf,
  importedOver,
  isGood,
  planRow,
  summarize,
  type ImportPlan,
  type PlanStep,
} from './import/plan';
import type { RowError } from './import/parse';
import type { ImportResultDto } from './procedure.dto';
import { Procedure } from './procedure.entity';
import { contentHash, contentOf } from './procedure-content';
import { ProcedureChanges, revisionOf } from './procedure-changes';
import { ProceduresRepository } from './procedures.repository';

/**
 * Rows written per statement. Building one statement (entities, hashes, TypeORM's SQL) is synchronous
 * work on the event loop: 500 rows held it for up to 750 ms on a busy machine, 100 keep it short.
 */
const CHUNK = 100;
/** Rows planned between two turns of the event loop (planning compares every field of each row). */
const PLAN_SLICE = 200;
/** An import that creates at least this many procedures refreshes the table's planner statistics. */
const ANALYZE_AFTER = 100;

/** Hears how many row-steps of an import are done (see importPasses). */
export type ImportProgress = (done: number) => void;

/** Each row is checked, then (unless it is a dry run) written: the steps progress counts per row. */
export function importPasses(dryRun: boolean): number {
  return dryRun ? 1 : 2;
}

/**
 * Imports a file already read and checked (import/reader.ts, off the event loop): plans it against the
 * unit's catalogue (import/plan.ts) and, unless it is a dry run, writes it in one transaction. Upsert by
 * national code: a row whose content equals what is stored changes nothing; rows with errors are
 * reported and skipped.
 */
@Injectable()
export class ProcedureImporter {
  constructor(
    private readonly procedures: ProceduresRepository,
    private readonly changes: ProcedureChanges,
  ) {}

  /**
   * `progress` hears how many rows are done: each row counts once when checked and, unless it is a dry
   * run, once more when written, out of `rows × passes` (see importPasses).
   */
  async run(
    unit: Unit,
    file: CheckedFile,
    dryRun: boolean,
    actorId: string | null,
    progress: ImportProgress = () => undefined,
  ): Promise<ImportResultDto> {
    const checked = file.rows.length;
    progress(checked);
    const work = async (manager: EntityManager) => {
      if (!dryRun) {
        await this.procedures.lockUnitImports(manager, unit.id);
      }
      const plan = await this.plan(manager, unit.id, file);
      if (!dryRun) {
        await this.write(manager, unit, plan, actorId, (written) => progress(checked + written));
      }
      return plan;
    };
    const plan = dryRun ? await work(this.procedures.manager) : await this.procedures.transaction(work);
    if (!dryRun && [...plan.steps.values()].filter((s) => s.action === 'create').length >= ANALYZE_AFTER) {
      await this.procedures.analyze();
    }
    progress(checked * importPasses(dryRun));
    return summarize(file, plan, dryRun);
  }

  private async plan(manager: EntityManager, unitId: string, file: CheckedFile): Promise<ImportPlan> {
    const existing = await this.procedures.findByCodes(manager, unitId, codesOf(file.rows));
    const inFile = codesInFile(file.rows);
    const steps = new Map<number, PlanStep>();
    const errors: RowError[] = [];
    const good = file.rows.filter(isGood);
    for (let i = 0; i < good.length; i += 1) {
      if (i > 0 && i % PLAN_SLICE === 0) {
        await turn(); // let the event loop answer others between slices
      }
      const step = planRow(good[i], existing, inFile);
      if ('action' in step) {
        steps.set(step.row.row, step);
      } else {
        errors.push(step);
      }
    }
    return { steps, errors, existing };
  }

  private async write(
    manager: EntityManager,
    unit: Unit,
    plan: ImportPlan,
    actorId: string | null,
    progress: ImportProgress,
  ): Promise<void> {
    const creates = [...plan.steps.values()].filter((s) => s.action === 'create');
    const ids = new Map<string, string>([...plan.existing].map(([code, p]) => [code, p.id]));
    for (let i = 0; i < creates.length; i += CHUNK) {
      const batch: Procedure[] = creates.slice(i, i + CHUNK).map((s) => {
        const content = { ...s.row.content!, replacedById: null };
        return this.procedures.create(manager, {
          ...content,
          unitId: unit.id,
          contentHash: contentHash(content),
          createdBy: actorId,
          version: 1,
        });
      });
      await this.procedures.insert(manager, batch);
      batch.forEach((p) => ids.set(p.code, p.id));
      await this.procedures.insertRevisions(
        manager,
        batch.map((p) => revisionOf(p, 'import', actorId, [], null)),
      );
      progress(Math.min(i + CHUNK, creates.length));
    }
    // Rows that change nothing, or only get their replacement below, are done as far as progress goes.
    let done = creates.length + [...plan.steps.values()].filter((s) => s.action === 'unchanged').length;
    progress(done);
    // Replacements, and updates, now that every code of the file has an id.
    for (const step of plan.steps.values()) {
      const { row } = step;
      const replacedById = row.replacedByCode ? ids.get(row.replacedByCode)! : null;
      if (step.action === 'create' && replacedById) {
        const procedure = await this.procedures.findByCode(manager, unit.id, row.content!.code);
        const after = { ...contentOf(procedure), replacedById };
        await this.changes.apply(manager, unit, procedure, after, actorId, 'import', null);
      } else if (step.action === 'update') {
        const after = importedOver(step.before!, row.content!, replacedById);
        await this.changes.apply(manager, unit, step.before!, after, actorId, 'import', null);
        done += 1;
        progress(done);
      }
    }
  }
}
