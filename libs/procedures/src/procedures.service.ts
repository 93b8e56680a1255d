import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  DomainException,
  ForbiddenException,
  lockKeyed,
  NotFoundException,
  Page,
  Principal,
  Role,
  toErrorDetails,
  toPage,
  Upload,
  ValidationException,
  vietnamDay,
} from '@app/common';
import { isUniqueViolation, notifyPortalChanged } from '@app/db';
import { EvidenceService, ProcedureSnapshot } from '@app/evidence';
import { Unit, UnitAccess, UnitsRepository } from '@app/units';
import { csvOf, sheetRow, xlsxOf } from './import/sheet';
import { parseImportFile, type ParsedFile, type ParsedRow, type RowError } from './import/parse';
import {
  ImportResultDto,
  ImportRowDto,
  ListProceduresQueryDto,
  ProcedureContentDto,
  ProcedureFilters,
  ProcedureResponse,
  ProcedureRevisionResponse,
  UpdateProcedureDto,
} from './procedure.dto';
import { Procedure, ProcedureAction, ProcedureRevision } from './procedure.entity';
import {
  changedFields,
  contentHash,
  contentOf,
  normalizeContent,
  type ContentField,
  type ProcedureContent,
} from './procedure-content';

const READERS: Role[] = ['admin', 'editor', 'approver', 'operator', 'reporter'];
const WRITERS: Role[] = ['admin', 'editor'];
const PUBLISHERS: Role[] = ['admin', 'approver'];
/** Files larger than this many procedures are imported in chunks, each its own statement. */
const CHUNK = 500;
/** An import that creates at least this many procedures refreshes the table's planner statistics. */
const ANALYZE_AFTER = 100;

export function procedureUrl(unitSlug: string, code: string): string {
  return `/site/${unitSlug}/thu-tuc-hanh-chinh/${encodeURIComponent(code)}`;
}

interface Actor {
  id: string | null;
}

/** Hears how many row-steps of an import are done (see importParsed). */
export type ImportProgress = (done: number) => void;

/** Each row is checked, then (unless it is a dry run) written: the steps progress counts per row. */
export function importPasses(dryRun: boolean): number {
  return dryRun ? 1 : 2;
}

/**
 * The procedures catalogue of a unit (design.md §4, issue [4/8]). Every change keeps a revision; what
 * changes the portal (publishing, changing or abolishing a published procedure) writes its evidence row in
 * the same transaction.
 */
@Injectable()
export class ProceduresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitsRepository,
    private readonly access: UnitAccess,
    private readonly evidence: EvidenceService,
  ) {}

  async list(
    principal: Principal,
    unitId: string,
    query: ListProceduresQueryDto,
  ): Promise<Page<ProcedureResponse>> {
    await this.unit(unitId);
    this.access.assertRole(principal, unitId, READERS);
    const qb = this.filtered(unitId, query);
    const [rows, total] = await qb
      .orderBy('p.field', 'ASC')
      .addOrderBy('p.name', 'ASC')
      .addOrderBy('p.code', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return toPage(rows.map(toResponse), total, query);
  }

  /**
   * The catalogue (with the list's filters) as a sheet of the template's columns, formula-looking cells
   * made inert: CSV or XLSX.
   */
  async exportSheet(
    principal: Principal,
    unitId: string,
    query: ProcedureFilters,
    format: 'csv' | 'xlsx',
  ): Promise<{ bytes: Buffer; fileName: string }> {
    const unit = await this.unit(unitId);
    this.access.assertRole(principal, unitId, READERS);
    const rows = await this.filtered(unitId, query)
      .leftJoinAndSelect('p.replacedBy', 'r')
      .orderBy('p.field', 'ASC')
      .addOrderBy('p.name', 'ASC')
      .addOrderBy('p.code', 'ASC')
      .getMany();
    const sheet = rows.map((p) => sheetRow(contentOf(p), p.replacedBy?.code ?? null));
    const day = vietnamDay(new Date());
    return {
      bytes: format === 'csv' ? csvOf(sheet) : await xlsxOf(sheet),
      fileName: `thu-tuc-hanh-chinh-${unit.slug}-${day}.${format}`,
    };
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
    return qb;
  }

  async get(principal: Principal, id: string): Promise<ProcedureResponse> {
    return toResponse(await this.readable(principal, id));
  }

  async revisions(principal: Principal, id: string): Promise<ProcedureRevisionResponse[]> {
    await this.readable(principal, id);
    const rows = await this.dataSource
      .getRepository(ProcedureRevision)
      .find({ where: { procedureId: id }, order: { version: 'DESC' } });
    return rows.map((r) => ({
      version: r.version,
      action: r.action,
      actorId: r.actorId,
      status: r.status,
      changed: r.changed,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async create(principal: Principal, unitId: string, dto: ProcedureContentDto): Promise<ProcedureResponse> {
    await this.unit(unitId);
    this.access.assertRole(principal, unitId, WRITERS);
    const content = normalizeContent(dto);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.checkReplacement(manager, unitId, null, content);
        const procedure = manager.getRepository(Procedure).create({
          ...content,
          unitId,
          contentHash: contentHash(content),
          createdBy: principal.id,
          version: 1,
        });
        await manager.getRepository(Procedure).insert(procedure);
        await this.revise(manager, procedure, 'create', principal.id, [], null);
        return toResponse(procedure);
      });
    } catch (error) {
      throw this.codeTaken(error, content.code);
    }
  }

  async update(principal: Principal, id: string, dto: UpdateProcedureDto): Promise<ProcedureResponse> {
    return this.change(principal, id, WRITERS, async (procedure, unit, manager) => {
      if (dto.version !== procedure.version) {
        const message = `Thủ tục đã được người khác thay đổi (phiên bản hiện tại ${procedure.version}). Hãy tải lại rồi sửa tiếp.`;
        throw new DomainException('VERSION_CONFLICT', message, [{ field: 'version', message }]);
      }
      const after = normalizeContent(dto, contentOf(procedure));
      await this.checkReplacement(manager, procedure.unitId, procedure.id, after);
      const reason = dto.reason ?? null;
      return this.apply(manager, unit, procedure, after, { id: principal.id }, 'update', reason, 'live');
    });
  }

  async publish(principal: Principal, id: string): Promise<ProcedureResponse> {
    return this.change(principal, id, PUBLISHERS, async (procedure, unit, manager) => {
      if (procedure.status === 'abolished' || procedure.status === 'replaced') {
        throw new DomainException(
          'INVALID_STATE',
          `Không thể đăng thủ tục đã ${procedure.status === 'abolished' ? 'bãi bỏ' : 'bị thay thế'}`,
        );
      }
      if (procedure.publishedAt) {
        throw new DomainException('INVALID_STATE', 'Thủ tục đã được đăng trên cổng thông tin');
      }
      await this.goPublic(manager, unit, procedure, { id: principal.id }, new Date());
      return this.saveAndRevise(manager, procedure, 'publish', principal.id);
    });
  }

  /** Publishes every procedure of the unit that is in force and not yet on the portal. */
  async publishAll(principal: Principal, unitId: string): Promise<{ published: number }> {
    const unit = await this.unit(unitId);
    this.access.assertRole(principal, unitId, PUBLISHERS);
    return this.dataSource.transaction(async (manager) => {
      const waiting = await manager
        .getRepository(Procedure)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.unit_id = :unitId AND p.published_at IS NULL', { unitId })
        .andWhere(`p.status IN ('active', 'amended')`)
        .orderBy('p.code')
        .getMany();
      const now = new Date();
      for (const procedure of waiting) {
        await this.goPublic(manager, unit, procedure, { id: principal.id }, now);
        await this.saveAndRevise(manager, procedure, 'publish', principal.id);
      }
      return { published: waiting.length };
    });
  }

  async abolish(principal: Principal, id: string, reason: string): Promise<ProcedureResponse> {
    return this.change(principal, id, PUBLISHERS, async (procedure, unit, manager) => {
      if (procedure.status === 'abolished') {
        throw new DomainException('INVALID_STATE', 'Thủ tục đã bị bãi bỏ');
      }
      const after = { ...contentOf(procedure), status: 'abolished' as const, replacedById: null };
      return this.apply(manager, unit, procedure, after, { id: principal.id }, 'abolish', reason, 'live');
    });
  }

  /** Who may import is settled before the file is read (see the controller). */
  async assertMayImport(principal: Principal, unitId: string): Promise<void> {
    await this.unit(unitId);
    this.access.assertRole(principal, unitId, WRITERS);
  }

  /**
   * Imports a file (CSV, XLSX or the national JSON). Upsert by national code: a row whose content equals
   * what is stored changes nothing. Rows with errors are reported and skipped; the good rows are written
   * together, in one transaction, unless it is a dry run.
   */
  async import(
    principal: Principal,
    unitId: string,
    upload: Upload,
    dryRun: boolean,
  ): Promise<ImportResultDto> {
    const unit = await this.unit(unitId);
    this.access.assertRole(principal, unitId, WRITERS);
    return this.importParsed(unit, await parseImportFile(upload), dryRun, principal.id);
  }

  /**
   * The import of a file already read (parseImportFile), by `actorId`, who was checked by the caller.
   * `progress` hears how many rows are done: each row counts once when checked and, unless it is a dry
   * run, once more when written, out of `rows × passes` (see importPasses).
   */
  async importParsed(
    unit: Unit,
    file: ParsedFile,
    dryRun: boolean,
    actorId: string | null,
    progress: ImportProgress = () => undefined,
  ): Promise<ImportResultDto> {
    const unitId = unit.id;
    const checked: CheckedRow[] = [];
    for (const row of file.rows) {
      checked.push(await checkRow(row));
      progress(checked.length);
    }
    markDuplicates(checked);
    const run = async (manager: EntityManager) => {
      if (!dryRun) {
        // Imports into one unit take turns: the second plans against what the first wrote, rather than
        // both creating the same codes and one failing on the unique index.
        await lockKeyed(manager, 'proceduresImport', unitId);
      }
      const plan = await this.plan(manager, unitId, checked);
      if (!dryRun) {
        await this.write(manager, unit, plan, actorId, (written) => progress(checked.length + written));
      }
      return plan;
    };
    const plan = dryRun ? await run(this.dataSource.manager) : await this.dataSource.transaction(run);
    if (!dryRun && [...plan.steps.values()].filter((s) => s.action === 'create').length >= ANALYZE_AFTER) {
      // Fresh statistics, so that search uses its index at once rather than after autovacuum's next
      // pass (measured: 70 ms → 2 ms per search over 5,000 just-imported procedures).
      await this.dataSource.query('ANALYZE procedures');
    }
    progress(file.rows.length * importPasses(dryRun));
    const errors = checked.flatMap((r) => r.errors).concat(plan.errors);
    const failedRows = new Set(errors.map((e) => e.row));
    const rows: ImportRowDto[] = checked.map((r) => {
      const step = plan.steps.get(r.row);
      return {
        row: r.row,
        code: typeof r.input.code === 'string' && r.input.code ? r.input.code : null,
        name: typeof r.input.name === 'string' && r.input.name ? r.input.name : null,
        action: failedRows.has(r.row) || !step ? 'error' : step.action,
        changed: step?.action === 'update' ? step.changed : [],
      };
    });
    const count = (action: ImportRowDto['action']) => rows.filter((r) => r.action === action).length;
    return {
      dryRun,
      format: file.format,
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      errors: errors.sort((a, b) => a.row - b.row),
      rows,
    };
  }

  private async plan(manager: EntityManager, unitId: string, rows: CheckedRow[]): Promise<ImportPlan> {
    const good = rows.filter((r) => r.errors.length === 0 && r.content);
    const codes = [
      ...new Set(rows.flatMap((r) => [r.content?.code, r.replacedByCode]).filter((c): c is string => !!c)),
    ];
    const existing = new Map<string, Procedure>();
    for (let i = 0; i < codes.length; i += CHUNK) {
      const found = await manager
        .getRepository(Procedure)
        .find({ where: { unitId, code: In(codes.slice(i, i + CHUNK)) } });
      found.forEach((p) => existing.set(p.code, p));
    }
    const inFile = new Set(good.map((r) => r.content!.code));
    const steps = new Map<number, PlanStep>();
    const errors: RowError[] = [];
    for (const row of good) {
      const content = row.content!;
      if (row.replacedByCode) {
        if (row.replacedByCode === content.code) {
          errors.push({
            row: row.row,
            field: 'replacedByCode',
            message: 'Mã TTHC thay thế: không thể là chính thủ tục này',
          });
          continue;
        }
        if (!existing.has(row.replacedByCode) && !inFile.has(row.replacedByCode)) {
          errors.push({
            row: row.row,
            field: 'replacedByCode',
            message: `Mã TTHC thay thế: không có thủ tục mã "${row.replacedByCode}" trong danh mục hoặc trong tệp`,
          });
          continue;
        }
      } else if (content.status === 'replaced') {
        errors.push({
          row: row.row,
          field: 'replacedByCode',
          message: 'Mã TTHC thay thế: bắt buộc khi trạng thái là "Thay thế"',
        });
        continue;
      }
      const before = existing.get(content.code);
      if (!before) {
        steps.set(row.row, { action: 'create', row, changed: [] });
        continue;
      }
      // The replacement is compared by code: its id may not exist yet (a row of this file).
      const replacedBy = row.replacedByCode
        ? (existing.get(row.replacedByCode)?.id ?? `code:${row.replacedByCode}`)
        : null;
      const after = { ...content, replacedById: replacedBy };
      const changed = changedFields(contentOf(before), after);
      steps.set(
        row.row,
        changed.length === 0
          ? { action: 'unchanged', row, changed }
          : { action: 'update', row, changed, before },
      );
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
    const repo = manager.getRepository(Procedure);
    for (let i = 0; i < creates.length; i += CHUNK) {
      const batch = creates.slice(i, i + CHUNK).map((s) => {
        const content = { ...s.row.content!, replacedById: null };
        return repo.create({
          ...content,
          unitId: unit.id,
          contentHash: contentHash(content),
          createdBy: actorId,
          version: 1,
        });
      });
      await repo.insert(batch);
      batch.forEach((p) => ids.set(p.code, p.id));
      await manager
        .getRepository(ProcedureRevision)
        .insert(batch.map((p) => revisionOf(p, 'import', actorId, [], null)));
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
        const procedure = await repo.findOneByOrFail({ unitId: unit.id, code: row.content!.code });
        const after = { ...contentOf(procedure), replacedById };
        await this.apply(manager, unit, procedure, after, { id: actorId }, 'import', null, 'live');
      } else if (step.action === 'update') {
        const procedure = step.before!;
        await this.apply(
          manager,
          unit,
          procedure,
          { ...row.content!, replacedById },
          { id: actorId },
          'import',
          null,
          'live',
        );
        done += 1;
        progress(done);
      }
    }
  }

  /**
   * Stores new content: version raised, a revision kept, and, for a published procedure, its evidence:
   * `procedure.abolished` when it is abolished (it leaves the portal), else `procedure.updated` (a
   * replaced procedure leaves the portal too). Answers the procedure unchanged when nothing differs.
   */
  private async apply(
    manager: EntityManager,
    unit: Unit,
    procedure: Procedure,
    after: ProcedureContent,
    actor: Actor,
    action: ProcedureAction,
    reason: string | null,
    method: 'live' | 'import',
  ): Promise<ProcedureResponse> {
    const before = contentOf(procedure);
    const changed = changedFields(before, after);
    if (changed.length === 0) {
      return toResponse(procedure);
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
      await manager.getRepository(Procedure).save(procedure);
    } catch (error) {
      throw this.codeTaken(error, after.code);
    }
    await this.revise(manager, procedure, action, actor.id, changed, reason);
    if (wasPublic) {
      await notifyPortalChanged(manager, unit.id);
      await this.evidence.record(manager, {
        unitId: unit.id,
        type: after.status === 'abolished' ? 'procedure.abolished' : 'procedure.updated',
        occurredAt: new Date(),
        actorId: actor.id,
        method,
        subject: { type: 'procedure', id: procedure.id },
        snapshot: { ...snapshot(unit, procedure), changed, ...(reason ? { reason } : {}) },
      });
    }
    return toResponse(procedure);
  }

  private async goPublic(
    manager: EntityManager,
    unit: Unit,
    procedure: Procedure,
    actor: Actor,
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
      actorId: actor.id,
      method: 'live',
      subject: { type: 'procedure', id: procedure.id },
      snapshot: { ...snapshot(unit, procedure), first },
    });
  }

  /** Loads with a row lock, checks unit membership and role, then runs `apply` in the same transaction. */
  private async change(
    principal: Principal,
    id: string,
    roles: Role[],
    apply: (procedure: Procedure, unit: Unit, manager: EntityManager) => Promise<ProcedureResponse>,
  ): Promise<ProcedureResponse> {
    return this.dataSource.transaction(async (manager) => {
      const procedure = await manager
        .getRepository(Procedure)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!procedure || !this.access.isMember(principal, procedure.unitId)) {
        throw new NotFoundException('thủ tục hành chính');
      }
      if (!this.access.hasRole(principal, procedure.unitId, roles)) {
        throw new ForbiddenException();
      }
      const unit = await this.unit(procedure.unitId, manager);
      return apply(procedure, unit, manager);
    });
  }

  /** A change that is not of the content (publishing): version raised, saved, a revision kept. */
  private async saveAndRevise(
    manager: EntityManager,
    procedure: Procedure,
    action: ProcedureAction,
    actorId: string,
  ): Promise<ProcedureResponse> {
    procedure.version += 1;
    await manager.getRepository(Procedure).save(procedure);
    await this.revise(manager, procedure, action, actorId, [], null);
    return toResponse(procedure);
  }

  private async checkReplacement(
    manager: EntityManager,
    unitId: string,
    selfId: string | null,
    content: ProcedureContent,
  ): Promise<void> {
    if (content.status !== 'replaced') {
      return;
    }
    const message = !content.replacedById
      ? 'Thủ tục thay thế là bắt buộc khi trạng thái là "replaced"'
      : content.replacedById === selfId
        ? 'Thủ tục không thể thay thế chính nó'
        : !(await manager.getRepository(Procedure).existsBy({ id: content.replacedById, unitId }))
          ? 'Không có thủ tục này trong danh mục của đơn vị'
          : null;
    if (message) {
      throw new ValidationException([
        { field: 'replacedById', message: `Thủ tục thay thế (replacedById): ${message}` },
      ]);
    }
  }

  private async revise(
    manager: EntityManager,
    procedure: Procedure,
    action: ProcedureAction,
    actorId: string | null,
    changed: ContentField[],
    reason: string | null,
  ): Promise<void> {
    await manager
      .getRepository(ProcedureRevision)
      .insert(revisionOf(procedure, action, actorId, changed, reason));
  }

  private codeTaken(error: unknown, code: string): unknown {
    if (isUniqueViolation(error, 'uq_procedures_unit_code')) {
      const message = `Mã TTHC "${code}" đã có trong danh mục của đơn vị`;
      return new DomainException('CONFLICT', message, [{ field: 'code', message }]);
    }
    return error;
  }

  private async readable(principal: Principal, id: string): Promise<Procedure> {
    const procedure = await this.dataSource.getRepository(Procedure).findOneBy({ id });
    if (!procedure || !this.access.hasRole(principal, procedure.unitId, READERS)) {
      throw new NotFoundException('thủ tục hành chính');
    }
    return procedure;
  }

  private async unit(id: string, manager?: EntityManager): Promise<Unit> {
    const unit = await this.units.findById(id, manager);
    if (!unit) {
      throw new NotFoundException('đơn vị');
    }
    return unit;
  }
}

interface CheckedRow extends ParsedRow {
  content?: ProcedureContent;
  replacedByCode: string | null;
}

interface PlanStep {
  action: 'create' | 'update' | 'unchanged';
  row: CheckedRow;
  changed: ContentField[];
  before?: Procedure;
}

interface ImportPlan {
  steps: Map<number, PlanStep>;
  errors: RowError[];
  existing: Map<string, Procedure>;
}

/** The same validation as the API's (ProcedureContentDto), reported per row. */
async function checkRow(row: ParsedRow): Promise<CheckedRow> {
  const { replacedByCode, ...fields } = row.input;
  const dto = plainToInstance(ProcedureContentDto, fields);
  const details = toErrorDetails(await validate(dto, { forbidUnknownValues: false }));
  const errors = [
    ...row.errors,
    ...details.map((d) => ({ row: row.row, field: d.field, message: d.message })),
  ];
  return {
    ...row,
    errors,
    content: errors.length === 0 ? normalizeContent(dto) : undefined,
    replacedByCode: typeof replacedByCode === 'string' && replacedByCode ? replacedByCode : null,
  };
}

/** A code twice in one file: which row is right cannot be known, so every occurrence is refused. */
function markDuplicates(rows: CheckedRow[]): void {
  const byCode = new Map<string, CheckedRow[]>();
  for (const row of rows) {
    const code = typeof row.input.code === 'string' ? row.input.code.trim() : '';
    if (code) {
      byCode.set(code, [...(byCode.get(code) ?? []), row]);
    }
  }
  for (const [code, same] of byCode) {
    if (same.length > 1) {
      const where = same.map((r) => r.row).join(', ');
      for (const row of same) {
        row.errors.push({
          row: row.row,
          field: 'code',
          message: `Mã TTHC "${code}" lặp lại ở các dòng ${where} của tệp`,
        });
        row.content = undefined;
      }
    }
  }
}

function revisionOf(
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

export function toResponse(p: Procedure): ProcedureResponse {
  return {
    ...contentOf(p),
    id: p.id,
    unitId: p.unitId,
    statusReason: p.statusReason,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    firstPublishedAt: p.firstPublishedAt?.toISOString() ?? null,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
