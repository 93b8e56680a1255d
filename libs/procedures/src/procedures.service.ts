import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Page, Principal, toPage, type Role } from '@app/common';
import { Unit, UnitAccess } from '@app/units';
import { readImportFile } from './import/reader';
import type { ImportFile } from './import/parse';
import {
  ImportResultDto,
  ListProceduresQueryDto,
  ProcedureContentDto,
  ProcedureResponse,
  ProcedureRevisionResponse,
  UpdateProcedureDto,
} from './procedure.dto';
import { Procedure } from './procedure.entity';
import { contentHash, contentOf, normalizeContent, type ProcedureContent } from './procedure-content';
import { codeTaken, ProcedureChanges } from './procedure-changes';
import { ProcedureFormFiles } from './procedure-form-files';
import { ProcedureImporter } from './procedure-importer';
import { allowedActions, PROCEDURE_EDITORS, PROCEDURE_READERS } from './procedure-rules';
import { ProceduresException } from './procedures.exception';
import { ProceduresRepository } from './procedures.repository';

export { procedureUrl } from './procedure-changes';

/**
 * The procedures catalogue of a unit (design.md §4): reading, creating, editing and the direct import.
 * Publication and abolition are the lifecycle's (procedure-lifecycle.service.ts).
 */
@Injectable()
export class ProceduresService {
  constructor(
    private readonly procedures: ProceduresRepository,
    private readonly access: UnitAccess,
    private readonly changes: ProcedureChanges,
    private readonly importer: ProcedureImporter,
    private readonly formFiles: ProcedureFormFiles,
  ) {}

  async list(
    principal: Principal,
    unitId: string,
    query: ListProceduresQueryDto,
  ): Promise<Page<ProcedureResponse>> {
    await this.access.requireRole(principal, unitId, PROCEDURE_READERS);
    const [rows, total] = await this.procedures.page(
      unitId,
      query,
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return toPage(
      rows.map((p) => this.respond(principal, p)),
      total,
      query,
    );
  }

  async get(principal: Principal, id: string): Promise<ProcedureResponse> {
    return this.respond(principal, await this.readable(principal, id));
  }

  async revisions(principal: Principal, id: string): Promise<ProcedureRevisionResponse[]> {
    await this.readable(principal, id);
    const rows = await this.procedures.revisions(id);
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
    await this.access.requireRole(principal, unitId, PROCEDURE_EDITORS);
    const content = await this.formFiles.check(normalizeContent(dto));
    try {
      return await this.procedures.transaction(async (manager) => {
        await this.checkReplacement(manager, unitId, null, content);
        const procedure = this.procedures.create(manager, {
          ...content,
          unitId,
          contentHash: contentHash(content),
          createdBy: principal.id,
          version: 1,
        });
        await this.procedures.insert(manager, [procedure]);
        await this.changes.revise(manager, procedure, 'create', principal.id, [], null);
        return this.respond(principal, procedure);
      });
    } catch (error) {
      throw codeTaken(error, content.code);
    }
  }

  async update(principal: Principal, id: string, dto: UpdateProcedureDto): Promise<ProcedureResponse> {
    return this.change(principal, id, PROCEDURE_EDITORS, async (procedure, unit, manager) => {
      if (dto.version !== procedure.version) {
        throw ProceduresException.versionConflict(procedure.version);
      }
      const after = await this.formFiles.check(normalizeContent(dto, contentOf(procedure)));
      await this.checkReplacement(manager, procedure.unitId, procedure.id, after);
      await this.changes.apply(manager, unit, procedure, after, principal.id, 'update', dto.reason ?? null);
    });
  }

  /** Who may import is settled before the file is read (see the controller). */
  async assertMayImport(principal: Principal, unitId: string): Promise<Unit> {
    return this.access.requireRole(principal, unitId, PROCEDURE_EDITORS);
  }

  /**
   * Imports a file (CSV, XLSX or the national JSON), read and checked off the event loop; the good rows
   * are written together, in one transaction, unless it is a dry run.
   */
  async import(
    principal: Principal,
    unitId: string,
    file: ImportFile,
    dryRun: boolean,
  ): Promise<ImportResultDto> {
    const unit = await this.assertMayImport(principal, unitId);
    return this.importer.run(unit, await readImportFile(file), dryRun, principal.id);
  }

  /**
   * Loads with a row lock, checks unit membership and role (404, then 403), then runs `work` in the same
   * transaction and answers the procedure as it is then.
   */
  async change(
    principal: Principal,
    id: string,
    roles: readonly Role[],
    work: (procedure: Procedure, unit: Unit, manager: EntityManager) => Promise<unknown>,
  ): Promise<ProcedureResponse> {
    return this.procedures.transaction(async (manager) => {
      const procedure = await this.procedures.findLocked(manager, id);
      if (!procedure || !this.access.isMember(principal, procedure.unitId)) {
        throw ProceduresException.notFound();
      }
      const unit = await this.access.requireRole(principal, procedure.unitId, roles, manager);
      await work(procedure, unit, manager);
      return this.respond(principal, procedure);
    });
  }

  /** The representation, with what this caller may do with it (design.md §6). */
  respond(principal: Principal, p: Procedure): ProcedureResponse {
    const content = contentOf(p);
    return {
      ...content,
      // Stored only when there are some (DossierItem); answered always.
      dossier: content.dossier.map((c) => ({
        case: c.case,
        items: c.items.map((i) => ({ ...i, forms: i.forms ?? [] })),
      })),
      id: p.id,
      unitId: p.unitId,
      statusReason: p.statusReason,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      firstPublishedAt: p.firstPublishedAt?.toISOString() ?? null,
      version: p.version,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      allowedActions: allowedActions(p, (roles) => this.access.hasRole(principal, p.unitId, roles)),
    };
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
        : !(await this.procedures.existsInUnit(manager, content.replacedById, unitId))
          ? 'Không có thủ tục này trong danh mục của đơn vị'
          : null;
    if (message) {
      throw ProceduresException.invalid('replacedById', `Thủ tục thay thế (replacedById): ${message}`);
    }
  }

  private async readable(principal: Principal, id: string): Promise<Procedure> {
    const procedure = await this.procedures.findById(id);
    if (!procedure || !this.access.hasRole(principal, procedure.unitId, PROCEDURE_READERS)) {
      throw ProceduresException.notFound();
    }
    return procedure;
  }
}
