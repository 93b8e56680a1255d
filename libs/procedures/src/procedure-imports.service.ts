import { Injectable, Logger } from '@nestjs/common';
import { DomainException, Principal } from '@app/common';
import { QueueService } from '@app/queue';
import { UnitAccess, UnitsRepository } from '@app/units';
import type { ImportFile } from './import/parse';
import { readImportFile } from './import/reader';
import { displayable } from './import/storable';
import { ProcedureImportResponse } from './procedure.dto';
import { ProcedureImport } from './procedure-import.entity';
import { importPasses, ProcedureImporter } from './procedure-importer';
import { PROCEDURE_EDITORS, PROCEDURE_READERS } from './procedure-rules';
import { ProceduresException } from './procedures.exception';
import { ProceduresRepository } from './procedures.repository';

/** Progress is written at most this often while an import runs. */
const PROGRESS_EVERY_MS = 250;

/**
 * Imports as jobs (design.md §7: work over a second runs as a job and shows progress). The file is read
 * once when it is uploaded (off the event loop), so that what is wrong with the file as a whole is a 4xx
 * at once; the worker reads it again from the stored bytes and runs the same import as the direct
 * endpoint, writing its progress to the row as it goes. What a job keeps is bounded: the file (10 MB),
 * and a result of at most IMPORT_MAX_ROWS rows and IMPORT_MAX_ERRORS errors.
 */
@Injectable()
export class ProcedureImportsService {
  private readonly logger = new Logger('ProcedureImports');

  constructor(
    private readonly procedures: ProceduresRepository,
    private readonly units: UnitsRepository,
    private readonly access: UnitAccess,
    private readonly importer: ProcedureImporter,
    private readonly queue: QueueService,
  ) {}

  /** Who may import is settled before the file is read (see the controller). */
  async assertMayImport(principal: Principal, unitId: string): Promise<void> {
    await this.access.requireRole(principal, unitId, PROCEDURE_EDITORS);
  }

  async start(
    principal: Principal,
    unitId: string,
    upload: ImportFile,
    dryRun: boolean,
  ): Promise<ProcedureImportResponse> {
    await this.assertMayImport(principal, unitId);
    const checked = await readImportFile(upload);
    return this.enqueue({
      unitId,
      createdBy: principal.id,
      fileName: storedName(upload.filename),
      format: checked.format,
      file: Buffer.from(upload.bytes),
      dryRun,
      confirmsId: null,
      total: checked.rows.length,
    });
  }

  async get(principal: Principal, id: string): Promise<ProcedureImportResponse> {
    const job = await this.procedures.findImport(id);
    if (!job || !this.access.hasRole(principal, job.unitId, PROCEDURE_READERS)) {
      throw ProceduresException.notFound('lần nhập thủ tục');
    }
    return toImportResponse(job);
  }

  /** Imports for real the file of a finished dry run: a new job, the dry run left as it was. */
  async confirm(principal: Principal, id: string): Promise<ProcedureImportResponse> {
    const dry = await this.procedures.findImport(id, true);
    if (!dry || !this.access.isMember(principal, dry.unitId)) {
      throw ProceduresException.notFound('lần nhập thủ tục');
    }
    if (!this.access.hasRole(principal, dry.unitId, PROCEDURE_EDITORS)) {
      throw ProceduresException.forbidden();
    }
    if (!dry.dryRun || dry.status !== 'done' || !dry.file) {
      throw ProceduresException.invalidState(
        !dry.dryRun
          ? 'Chỉ xác nhận được một lần xem trước (dryRun), không phải một lần nhập'
          : dry.status !== 'done'
            ? 'Lần xem trước chưa xong: hãy chờ xem trước xong rồi xác nhận'
            : 'Tệp của lần xem trước không còn: hãy tải tệp lên lại',
      );
    }
    return this.enqueue({
      unitId: dry.unitId,
      createdBy: principal.id,
      fileName: dry.fileName,
      format: dry.format,
      file: dry.file,
      dryRun: false,
      confirmsId: dry.id,
      total: dry.total,
    });
  }

  /** The worker's side (job `procedures.import`): idempotent, as the import itself is an upsert. */
  async run(id: string): Promise<void> {
    const job = await this.procedures.findImport(id, true);
    if (!job || job.status === 'done' || job.status === 'failed') {
      return; // already run (a redelivered job), or gone
    }
    await this.procedures.updateImport(id, { status: 'processing', startedAt: new Date(), processed: 0 });
    const unit = await this.units.findById(job.unitId);
    if (!unit || !job.file) {
      await this.fail(id, 'Không còn đơn vị hoặc tệp của lần nhập này');
      return;
    }
    const progress = this.progressWriter(id, job.total, job.dryRun);
    try {
      const checked = await readImportFile({ bytes: job.file, filename: job.fileName });
      const result = await this.importer.run(unit, checked, job.dryRun, job.createdBy, progress.hear);
      await progress.stop();
      await this.procedures.updateImport(id, {
        status: 'done',
        processed: job.total,
        result,
        finishedAt: new Date(),
        // The file of a real import is not needed any more; a dry run's waits for its confirmation.
        ...(job.dryRun ? {} : { file: null }),
      });
      if (!job.dryRun && job.confirmsId) {
        await this.procedures.updateImport(job.confirmsId, { file: null });
      }
    } catch (error) {
      await progress.stop();
      const message =
        error instanceof DomainException
          ? error.message
          : 'Lỗi hệ thống khi nhập thủ tục; không có gì được ghi. Hãy thử lại hoặc báo quản trị.';
      if (!(error instanceof DomainException)) {
        this.logger.error({ err: error, importId: id }, 'Nhập thủ tục không chạy được');
      }
      await this.fail(id, message);
    }
  }

  private async enqueue(values: Partial<ProcedureImport>): Promise<ProcedureImportResponse> {
    return this.procedures.transaction(async (manager) => {
      const job = await this.procedures.insertImport(manager, values);
      // The job exists only if the row does (same transaction); its key makes a redelivery harmless.
      await this.queue.enqueue(
        'procedures.import',
        { importId: job.id },
        { manager, singletonKey: job.id, retryLimit: 1 },
      );
      return toImportResponse(job);
    });
  }

  private async fail(id: string, message: string): Promise<void> {
    await this.procedures.updateImport(id, { status: 'failed', error: message, finishedAt: new Date() });
  }

  /**
   * Row-steps done → rows in the job's `processed`, written outside the import's transaction (so the
   * wizard sees it move) and at most every PROGRESS_EVERY_MS.
   */
  private progressWriter(id: string, total: number, dryRun: boolean) {
    const passes = importPasses(dryRun);
    let last = 0;
    let pending: Promise<unknown> = Promise.resolve();
    return {
      hear: (done: number) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS) {
          return;
        }
        last = now;
        const processed = Math.min(total, Math.floor(done / passes));
        pending = pending.then(() => this.procedures.importProgress(id, processed)).catch(() => undefined);
      },
      stop: () => pending,
    };
  }
}

/** A file name as stored and shown: no NUL or broken character (PostgreSQL refuses them), 300 at most. */
function storedName(name: string): string {
  return (
    displayable(name.normalize('NFC'))
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .slice(0, 300) || 'tep'
  );
}

export function toImportResponse(job: ProcedureImport): ProcedureImportResponse {
  return {
    id: job.id,
    unitId: job.unitId,
    fileName: job.fileName,
    format: job.format,
    dryRun: job.dryRun,
    confirmsId: job.confirmsId,
    status: job.status,
    total: job.total,
    processed: job.processed,
    result: job.result,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
