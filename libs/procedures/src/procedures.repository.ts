import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { lockKeyed } from '@app/common';
import type { ProcedureFilters } from './procedure.dto';
import { Procedure, ProcedureRevision } from './procedure.entity';
import { ProcedureImport } from './procedure-import.entity';

/** Codes looked up per statement (a bind list of this size stays fast). */
const CHUNK = 500;
/** How long a preview's file waits for its confirmation. */
const KEEP_PREVIEW = '1 day';

const IMPORT_COLUMNS = {
  id: true,
  unitId: true,
  createdBy: true,
  fileName: true,
  format: true,
  dryRun: true,
  confirmsId: true,
  status: true,
  total: true,
  processed: true,
  result: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

/**
 * Every query of the procedures module (the services hold the rules, this holds the SQL). Methods that
 * take a manager join the caller's transaction.
 */
@Injectable()
export class ProceduresRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Procedure | null> {
    return manager.getRepository(Procedure).findOneBy({ id });
  }

  findLocked(manager: EntityManager, id: string): Promise<Procedure | null> {
    return manager.getRepository(Procedure).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  existsInUnit(manager: EntityManager, id: string, unitId: string): Promise<boolean> {
    return manager.getRepository(Procedure).existsBy({ id, unitId });
  }

  findByCode(manager: EntityManager, unitId: string, code: string): Promise<Procedure> {
    return manager.getRepository(Procedure).findOneByOrFail({ unitId, code });
  }

  /** The unit's procedures with these codes, by code. */
  async findByCodes(
    manager: EntityManager,
    unitId: string,
    codes: string[],
  ): Promise<Map<string, Procedure>> {
    const found = new Map<string, Procedure>();
    for (let i = 0; i < codes.length; i += CHUNK) {
      const rows = await manager
        .getRepository(Procedure)
        .find({ where: { unitId, code: In(codes.slice(i, i + CHUNK)) } });
      rows.forEach((p) => found.set(p.code, p));
    }
    return found;
  }

  /** One page of the catalogue, in the list's order. */
  page(
    unitId: string,
    filters: ProcedureFilters,
    skip: number,
    take: number,
  ): Promise<[Procedure[], number]> {
    return this.filtered(unitId, filters).skip(skip).take(take).getManyAndCount();
  }

  /** The whole filtered catalogue with each replacement loaded (the export). */
  all(unitId: string, filters: ProcedureFilters): Promise<Procedure[]> {
    return this.filtered(unitId, filters).leftJoinAndSelect('p.replacedBy', 'r').getMany();
  }

  /** In force and not on the portal yet, locked for publication. */
  waitingForPublication(manager: EntityManager, unitId: string): Promise<Procedure[]> {
    return manager
      .getRepository(Procedure)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.unit_id = :unitId AND p.published_at IS NULL', { unitId })
      .andWhere(`p.status IN ('active', 'amended')`)
      .orderBy('p.code')
      .getMany();
  }

  create(manager: EntityManager, values: Partial<Procedure>): Procedure {
    return manager.getRepository(Procedure).create(values);
  }

  async insert(manager: EntityManager, procedures: Procedure[]): Promise<void> {
    await manager.getRepository(Procedure).insert(procedures);
  }

  async save(manager: EntityManager, procedure: Procedure): Promise<void> {
    await manager.getRepository(Procedure).save(procedure);
  }

  async insertRevisions(
    manager: EntityManager,
    revisions: QueryDeepPartialEntity<ProcedureRevision>[],
  ): Promise<void> {
    await manager.getRepository(ProcedureRevision).insert(revisions);
  }

  revisions(procedureId: string): Promise<ProcedureRevision[]> {
    return this.dataSource
      .getRepository(ProcedureRevision)
      .find({ where: { procedureId }, order: { version: 'DESC' } });
  }

  /**
   * Imports into one unit take turns: the second plans against what the first wrote, rather than both
   * creating the same codes and one failing on the unique index.
   */
  async lockUnitImports(manager: EntityManager, unitId: string): Promise<void> {
    await lockKeyed(manager, 'proceduresImport', unitId);
  }

  /**
   * Fresh statistics after a large import, so that search uses its index at once rather than after
   * autovacuum's next pass (measured: 70 ms → 2 ms per search over 5,000 just-imported procedures).
   */
  async analyze(): Promise<void> {
    await this.dataSource.query('ANALYZE procedures');
  }

  // Import jobs.

  findImport(id: string, withFile = false): Promise<ProcedureImport | null> {
    return this.dataSource
      .getRepository(ProcedureImport)
      .findOne({ where: { id }, select: { ...IMPORT_COLUMNS, file: withFile } });
  }

  /** A new import job, in the caller's transaction; files of previews nobody confirmed within a day go. */
  async insertImport(manager: EntityManager, values: Partial<ProcedureImport>): Promise<ProcedureImport> {
    await manager.query(
      `UPDATE procedure_imports SET file = NULL
       WHERE unit_id = $1 AND dry_run AND file IS NOT NULL AND created_at < now() - interval '${KEEP_PREVIEW}'`,
      [values.unitId],
    );
    const repo = manager.getRepository(ProcedureImport);
    const job = repo.create({ ...values, status: 'queued', processed: 0 });
    await repo.insert(job);
    return repo.findOneByOrFail({ id: job.id });
  }

  async updateImport(id: string, values: QueryDeepPartialEntity<ProcedureImport>): Promise<void> {
    await this.dataSource.getRepository(ProcedureImport).update({ id }, values);
  }

  async importProgress(id: string, processed: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE procedure_imports SET processed = GREATEST(processed, $2) WHERE id = $1 AND status = 'processing'`,
      [id, processed],
    );
  }

  private filtered(unitId: string, query: ProcedureFilters) {
    const qb = this.dataSource
      .getRepository(Procedure)
      .createQueryBuilder('p')
      .where('p.unit_id = :unitId', { unitId });
    if (query.q) {
      qb.andWhere(
        `(procedure_search_document(p.code, p.name, p.field) @@ plainto_tsquery('simple', immutable_unaccent(lower(:q))) OR p.code = :q)`,
        { q: query.q },
      );
    }
    if (query.field) {
      qb.andWhere('p.field = :field', { field: query.field });
    }
    if (query.status) {
      qb.andWhere('p.status = :status', { status: query.status });
    }
    if (query.onlineLevel) {
      qb.andWhere('p.online_level = :onlineLevel', { onlineLevel: query.onlineLevel });
    }
    if (query.published) {
      qb.andWhere(query.published === 'true' ? 'p.published_at IS NOT NULL' : 'p.published_at IS NULL');
    }
    return qb.orderBy('p.field', 'ASC').addOrderBy('p.name', 'ASC').addOrderBy('p.code', 'ASC');
  }
}
