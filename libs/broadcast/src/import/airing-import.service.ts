import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorDetail, Principal } from '@app/common';
import type { AiringKind, AiringStatus } from '../airing.entity';
import { AiringsService } from '../airings.service';
import type { RecordAiringDto } from '../broadcast.dto';
import { BroadcastException } from '../broadcast.exception';
import { BroadcastRepository } from '../broadcast.repository';
import { AIRING_RECORDERS } from '../broadcast.roles';
import { StationsService } from '../stations.service';
import type { AiringImportErrorResponse, AiringImportResponse } from '../exports/broadcast-files.dto';
import {
  columnLabel,
  fold,
  type ImportColumnKey,
  LOGBOOK_IMPORT_MAX_ERRORS,
  readLogbookFile,
  type SheetLine,
} from './logbook-sheet';

const KINDS: Record<string, AiringKind> = {
  '': 'programme',
  'ban tin': 'programme',
  'tiep am': 'relay',
  'khan cap': 'emergency',
};
const RESULTS: Record<string, AiringStatus> = {
  '': 'aired',
  'da phat': 'aired',
  'phat mot phan': 'partial',
  'khong phat': 'missed',
};

/** Which column a rule of AiringsService speaks of. */
const FIELD_COLUMNS: Record<string, ImportColumnKey> = {
  startedAt: 'start',
  endedAt: 'end',
  playedSeconds: 'end',
  status: 'result',
  note: 'note',
  kind: 'kind',
  sourceName: 'source',
  title: 'title',
  audioId: 'title',
  categoryId: 'category',
};

/** dd/mm/yyyy (or d/m/yyyy) of a real day → YYYY-MM-DD; null for 31/02/2025 and other non-days. */
export function parseDay(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
      return null;
    }
    return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  // An Excel date saved as a plain number (days since 30/12/1899).
  if (/^\d{5}$/.test(text)) {
    return new Date(Date.UTC(1899, 11, 30) + Number(text) * 86_400_000).toISOString().slice(0, 10);
  }
  return null;
}

/** H:mm or HH:mm of a real time of day → minutes after midnight; null for 25:70. */
export function parseTime(text: string): number | null {
  const m = /^(\d{1,2})[:hg](\d{2})$/i.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    return null;
  }
  return Number(m[1]) * 60 + Number(m[2]);
}

function isoAt(day: string, minutes: number): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${day}T${hh}:${mm}:00+07:00`;
}

/**
 * Lines of an old paper logbook (sổ nhật ký phát sóng) made airings of method `import`, each through the
 * same rules and evidence as `POST /airings`, in one transaction. Each line's Idempotency-Key is the file's
 * hash and its row, so importing the same file again adds nothing (`skipped`). A bad line is an error
 * naming its row and column and never stops the good ones (each line runs in a savepoint); a dry run does
 * all of it and rolls back, so it answers exactly what the import would.
 */
@Injectable()
export class AiringImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: BroadcastRepository,
    private readonly stations: StationsService,
    private readonly airings: AiringsService,
  ) {}

  /** 404/403 before the file is read. */
  async assertMayImport(principal: Principal, stationId: string): Promise<void> {
    await this.stations.requireStation(principal, stationId, AIRING_RECORDERS);
  }

  async import(
    principal: Principal,
    stationId: string,
    file: { bytes: Buffer; filename: string },
    dryRun: boolean,
  ): Promise<AiringImportResponse> {
    const lines = await readLogbookFile(file.bytes, file.filename);
    const fileHash = createHash('sha256').update(file.bytes).digest('hex').slice(0, 32);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const manager = runner.manager;
      const { station } = await this.stations.requireStation(principal, stationId, AIRING_RECORDERS, manager);
      const categories = new Map(
        (await this.repo.categoriesOf(station.unitId, manager)).map((c) => [fold(c.name), c.id]),
      );
      const errors: AiringImportErrorResponse[] = [];
      let created = 0;
      let skipped = 0;
      let omitted = 0;
      const fail = (row: number, key: ImportColumnKey, message: string) => {
        if (errors.length < LOGBOOK_IMPORT_MAX_ERRORS) {
          errors.push({ row, field: columnLabel(key), message });
        } else {
          omitted += 1;
        }
      };
      for (const line of lines) {
        const dto = this.dtoOf(line, station.id, station.name, categories, fail);
        if (!dto) {
          continue;
        }
        await manager.query('SAVEPOINT airing_line');
        try {
          const result = await this.airings.recordIn(
            manager,
            station,
            principal.id,
            dto,
            `import:${fileHash}:${line.row}`,
          );
          await manager.query('RELEASE SAVEPOINT airing_line');
          if (result.created) {
            created += 1;
          } else {
            skipped += 1;
          }
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT airing_line');
          if (!(error instanceof BroadcastException)) {
            throw error;
          }
          const details: ErrorDetail[] = error.details?.length
            ? error.details
            : [{ field: 'title', message: error.message }];
          for (const d of details) {
            fail(line.row, FIELD_COLUMNS[d.field] ?? 'title', d.message);
          }
        }
      }
      if (omitted > 0) {
        errors.push({
          row: 0,
          field: 'file',
          message: `Còn ${omitted.toLocaleString('vi-VN')} lỗi khác không liệt kê; hãy sửa các lỗi trên rồi nhập lại`,
        });
      }
      if (dryRun) {
        await runner.rollbackTransaction();
      } else {
        await runner.commitTransaction();
      }
      return { created, skipped, errors, dryRun };
    } catch (error) {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction();
      }
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** The line as the body of `POST /airings`, or null after reporting what is wrong with its cells. */
  private dtoOf(
    line: SheetLine,
    stationId: string,
    stationName: string,
    categories: Map<string, string>,
    fail: (row: number, key: ImportColumnKey, message: string) => void,
  ): RecordAiringDto | null {
    const c = line.cells;
    const before = { n: 0 };
    const bad = (key: ImportColumnKey, message: string) => {
      before.n += 1;
      fail(line.row, key, message);
    };
    const day = parseDay(c.day ?? '');
    if (!day) {
      bad('day', `Ngày "${c.day ?? ''}" không phải một ngày có thật dạng dd/mm/yyyy`);
    }
    const start = parseTime(c.start ?? '');
    if (start === null) {
      bad('start', `Giờ bắt đầu "${c.start ?? ''}" không phải giờ có thật dạng HH:mm`);
    }
    const end = parseTime(c.end ?? '');
    if (end === null) {
      bad('end', `Giờ kết thúc "${c.end ?? ''}" không phải giờ có thật dạng HH:mm`);
    } else if (start !== null && end < start) {
      bad(
        'end',
        `Giờ kết thúc ${c.end} trước giờ bắt đầu ${c.start}: lượt phát qua nửa đêm hãy ghi thành hai dòng`,
      );
    }
    const title = c.title ?? '';
    if (title === '') {
      bad('title', 'Nội dung là bắt buộc: ghi tên bài hoặc chương trình đã phát');
    } else if (title.length > 500) {
      bad('title', 'Nội dung không được dài quá 500 ký tự');
    }
    const kind = KINDS[fold(c.kind ?? '')];
    if (!kind) {
      bad('kind', `Loại "${c.kind}" không hợp lệ: ghi "Bản tin", "Tiếp âm" hoặc "Khẩn cấp"`);
    }
    const status = RESULTS[fold(c.result ?? '')];
    if (!status) {
      bad('result', `Kết quả "${c.result}" không hợp lệ: ghi "Đã phát", "Phát một phần" hoặc "Không phát"`);
    }
    let categoryId: string | undefined;
    if (c.category) {
      categoryId = categories.get(fold(c.category));
      if (!categoryId) {
        bad('category', `Chuyên mục "${c.category}" không có trong đơn vị`);
      }
    }
    if (c.station && fold(c.station) !== fold(stationName)) {
      bad('station', `Đài "${c.station}" không phải đài đang nhập ("${stationName}")`);
    }
    if ((c.source ?? '').length > 200) {
      bad('source', 'Nguồn tiếp âm không được dài quá 200 ký tự');
    }
    if ((c.note ?? '').length > 2000) {
      bad('note', 'Ghi chú không được dài quá 2.000 ký tự');
    }
    if (before.n > 0) {
      return null;
    }
    return {
      stationId,
      kind,
      startedAt: isoAt(day!, start!),
      endedAt: isoAt(day!, end!),
      status,
      method: 'import',
      title,
      ...(c.note ? { note: c.note } : {}),
      ...(kind === 'relay' && c.source ? { sourceName: c.source } : {}),
      ...(categoryId && kind !== 'relay' ? { categoryId } : {}),
    };
  }
}
