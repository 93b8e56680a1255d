import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainException, ForbiddenException, NotFoundException, Principal, Role, Upload } from '@app/common';
import { QueueService } from '@app/queue';
import { UnitAccess, UnitsRepository } from '@app/units';
import { parseImportFile } from './import/parse';
import { ProcedureImportResponse } from './procedure.dto';
import { ProcedureImport } from './procedure-import.entity';
import { importPasses, ProceduresService } from './procedures.service';

const WRITERS: Role[] = ['admin', 'editor'];
const READERS: Role[] = ['admin', 'editor', 'approver', 'operator', 'reporter'];
/** Progress is written at most this often while an import runs. */
const PROGRESS_EVERY_MS = 250;
/** How long a preview's file waits for its confirmation. */
const KEEP_PREVIEW = '1 day';

/**
 * Imports as jobs (design.md §7: work over a second runs as a job and shows progress). The file is read
 * once when it is uploaded, so that what is wrong with the file as a whole is a 4xx at once; the worker
 * reads it again from the stored bytes and runs the same import as the direct endpoint, writing its
 * progress to the row as it goes.
 */
@Injectable()
export class ProcedureImportsService {
  private readonly logger = new Logger('ProcedureImports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitsRepository,
    private readonly access: UnitAccess,
    private readonly procedures: ProceduresService,
    private readonly queue: QueueService,
  ) {}

  /** Who may import is settled before the file is read (see the controller). */
  async assertMayImport(principal: Principal, unitId: string): Promise<void> {
    await this.procedures.assertMayImport(principal, unitId);
  }

  async start(
    principal: Principal,
    unitId: string,
    upload: Upload,
    dryRun: boolean,
  ): Promise<ProcedureImportResponse> {
    await this.assertMayImport(principal, unitId);
    const parsed = await parseImportFile(upload);
    return this.enqueue({
      unitId,
      createdBy: principal.id,
      fileName: upload.filename.normalize('NFC').slice(0, 300),
      format: parsed.format,
      file: upload.bytes,
      dryRun,
      confirmsId: null,
      total: parsed.rows.length,
    });
  }

  async get(principal: Principal, id: string): Promise<ProcedureImportResponse> {
    const job = await this.dataSource.getRepository(ProcedureImport).findOneBy({ id });
    if (!job || !this.access.hasRole(principal, job.unitId, READERS)) {
      throw new NotFoundException('lần nhập thủ tục');
    }
    return toImportResponse(job);
  }

  /** Imports for real the file of a finished dry run: a new job, the dry run left as it was. */
  async confirm(principal: Principal, id: string): Promise<ProcedureImportResponse> {
    const dry = await this.dataSource
      .getRepository(ProcedureImport)
      .findOne({ where: { id }, select: { ...selectAll, file: true } });
    if (!dry || !this.access.isMember(principal, dry.unitId)) {
      throw new NotFoundException('lần nhập thủ tục');
    }
    if (!this.access.hasRole(principal, dry.unitId, WRITERS)) {
      throw new ForbiddenException();
    }
    if (!dry.dryRun || dry.status !== 'done' || !dry.file) {
      const message = !dry.dryRun
        ? 'Chỉ xác nhận được một lần xem trước (dryRun), không phải một lần nhập'
        : dry.status !== 'done'
          ? 'Lần xem trước chưa xong: hãy chờ xem trước xong rồi xác nhận'
          : 'Tệp của lần xem trước không còn: hãy tải tệp lên lại';
      throw new DomainException('INVALID_STATE', message);
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
    const repo = this.dataSource.getRepository(ProcedureImport);
    const job = await repo.findOne({ where: { id }, select: { ...selectAll, file: true } });
    if (!job || job.status === 'done' || job.status === 'failed') {
      return; // already run (a redelivered job), or gone
    }
    await repo.update({ id }, { status: 'processing', startedAt: new Date(), processed: 0 });
    const unit = await this.units.findById(job.unitId);
    if (!unit || !job.file) {
      await this.fail(id, 'Không còn đơn vị hoặc tệp của lần nhập này');
      return;
    }
    const progress = this.progressWriter(id, job.total, job.dryRun);
    try {
      const parsed = await parseImportFile({
        bytes: job.file,
        filename: job.fileName,
        mimetype: '',
        fields: {},
      });
      const result = await this.procedures.importParsed(
        unit,
        parsed,
        job.dryRun,
        job.createdBy,
        progress.hear,
      );
      await progress.stop();
      await repo.update(
        { id },
        {
          status: 'done',
          processed: job.total,
          result,
          finishedAt: new Date(),
          // The file of a real import is not needed any more; a dry run's waits for its confirmation.
          ...(job.dryRun ? {} : { file: null }),
        },
      );
      if (!job.dryRun && job.confirmsId) {
        await repo.update({ id: job.confirmsId }, { file: null });
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
    return this.dataSource.transaction(async (manager) => {
      // Files of previews nobody confirmed within a day are let go (a preview is cheap to make again).
      await manager.query(
        `UPDATE procedure_imports SET file = NULL
         WHERE unit_id = $1 AND dry_run AND file IS NOT NULL AND created_at < now() - interval '${KEEP_PREVIEW}'`,
        [values.unitId],
      );
      const repo = manager.getRepository(ProcedureImport);
      const job = repo.create({ ...values, status: 'queued', processed: 0 });
      await repo.insert(job);
      // The job exists only if the row does (same transaction); its key makes a redelivery harmless.
      await this.queue.enqueue(
        'procedures.import',
        { importId: job.id },
        { manager, singletonKey: job.id, retryLimit: 1 },
      );
      const saved = await repo.findOneByOrFail({ id: job.id });
      return toImportResponse(saved);
    });
  }

  private async fail(id: string, message: string): Promise<void> {
    await this.dataSource
      .getRepository(ProcedureImport)
      .update({ id }, { status: 'failed', error: message, finishedAt: new Date() });
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
        pending = pending
          .then(() =>
            this.dataSource.query(
              `UPDATE procedure_imports SET processed = GREATEST(processed, $2) WHERE id = $1 AND status = 'processing'`,
              [id, processed],
            ),
          )
          .catch(() => undefined);
      },
      stop: () => pending,
    };
  }
}

const selectAll = {
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
