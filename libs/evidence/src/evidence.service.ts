import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { Page, Principal, startOfVietnamDay, toPage } from '@app/common';
import { UnitAccess } from '@app/units';
import { canonicalContent, chainHash, contentHash, EvidenceContent, GENESIS_HASH } from './evidence-hash';
import { EvidenceSnapshots } from './evidence-snapshots';
import { EvidenceType } from './evidence-types';
import { EvidenceResponse, ListEvidenceQueryDto, VerifyEvidenceResponse } from './evidence.dto';
import { EvidenceChainHead, EvidenceMethod, EvidenceRow } from './evidence.entity';

/**
 * One fact to record. The snapshot has the shape of its type (evidence-snapshots.ts), checked by the
 * compiler: `type` and `snapshot` go together.
 */
export type RecordEvidence<T extends EvidenceType = EvidenceType> = {
  [K in T]: {
    unitId: string;
    type: K;
    /** When it happened (an imported article: its original publication time). */
    occurredAt: Date;
    actorId: string | null;
    method: EvidenceMethod;
    subject: { type: string; id: string };
    /** What it was about, as it was then: title, categories, URL, duration, … */
    snapshot: EvidenceSnapshots[K];
    /** A correction names the row it corrects; nothing is ever changed in place. */
    correctsId?: string | null;
  };
}[T];

export interface RecordedEvidence {
  id: string;
  /** The row's place in the chain (seq, prevHash, hash) is set when the caller's transaction commits. */
  contentHash: string;
}

const VERIFY_BATCH = 5000;

@Injectable()
export class EvidenceService {
  constructor(
    @InjectRepository(EvidenceRow) private readonly rows: Repository<EvidenceRow>,
    private readonly access: UnitAccess,
  ) {}

  /**
   * Records a fact inside the caller's transaction (pass its EntityManager), so the fact and the change it
   * proves commit or roll back together. Concurrent callers never wait on each other here; at COMMIT,
   * the rows of one unit are linked one transaction at a time.
   */
  async record<T extends EvidenceType>(
    manager: EntityManager,
    input: RecordEvidence<T>,
  ): Promise<RecordedEvidence> {
    // Through JSON once: the snapshot is hashed exactly as PostgreSQL's jsonb will give it back.
    const snapshot = JSON.parse(JSON.stringify(input.snapshot ?? {})) as Record<string, unknown>;
    const content: EvidenceContent = {
      unitId: input.unitId,
      type: input.type,
      occurredAt: new Date(input.occurredAt.getTime()),
      recordedAt: new Date(),
      actorId: input.actorId,
      method: input.method,
      subject: input.subject,
      snapshot,
      correctsId: input.correctsId ?? null,
    };
    const hash = contentHash(canonicalContent(content));
    // No lock here: the deferred trigger links the row into the unit's chain at COMMIT when it can.
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO evidence (unit_id, type, occurred_at, recorded_at, actor_id, method, subject_type, subject_id,
                             snapshot, corrects_id, content_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)
       RETURNING id`,
      [
        content.unitId,
        content.type,
        content.occurredAt,
        content.recordedAt,
        content.actorId,
        content.method,
        content.subject.type,
        content.subject.id,
        JSON.stringify(snapshot),
        content.correctsId,
        hash,
      ],
    );
    return { id: rows[0].id, contentHash: hash };
  }

  async list(principal: Principal, query: ListEvidenceQueryDto): Promise<Page<EvidenceResponse>> {
    await this.access.assertCanReadReports(principal, query.unitId);
    const qb = this.rows
      .createQueryBuilder('e')
      .where('e.unit_id = :unitId', { unitId: query.unitId })
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.seq', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    if (query.type) {
      qb.andWhere('e.type = :type', { type: query.type });
    }
    if (query.from) {
      qb.andWhere('e.occurred_at >= :from', { from: startOfVietnamDay(query.from) });
    }
    if (query.to) {
      const end = startOfVietnamDay(query.to);
      end.setUTCDate(end.getUTCDate() + 1);
      qb.andWhere('e.occurred_at < :end', { end });
    }
    const [items, total] = await qb.getManyAndCount();
    // Who did it, by name: the log keeps ids (a name may change; the row may not).
    const actorIds = [...new Set(items.map((r) => r.actorId).filter((id): id is string => id !== null))];
    const names = new Map<string, string>();
    if (actorIds.length > 0) {
      const rows: { id: string; full_name: string }[] = await this.rows.query(
        'SELECT id, full_name FROM users WHERE id = ANY($1::uuid[])',
        [actorIds],
      );
      rows.forEach((r) => names.set(r.id, r.full_name));
    }
    return toPage(
      items.map((r) => EvidenceResponse.of(r, r.actorId ? (names.get(r.actorId) ?? null) : null)),
      total,
      query,
    );
  }

  /**
   * Links the unit's rows that commits left unlinked (their unit's link lock was busy). Safe to run
   * anywhere, any time: only the holder of the unit's lock links. Returns how many rows it linked.
   */
  async linkPending(unitId: string): Promise<number> {
    const rows: { linked: number }[] = await this.rows.manager.transaction((manager) =>
      manager.query('SELECT evidence_link($1) AS linked', [unitId]),
    );
    return Number(rows[0].linked);
  }

  /** Units with rows recorded more than `olderThanMs` ago and still unlinked. */
  async unitsWithPending(olderThanMs: number): Promise<string[]> {
    const rows: { unit_id: string }[] = await this.rows.query(
      `SELECT DISTINCT unit_id FROM evidence WHERE hash IS NULL AND recorded_at < now() - make_interval(secs => $1::float8 / 1000)`,
      [olderThanMs],
    );
    return rows.map((r) => r.unit_id);
  }

  async verifyFor(principal: Principal, unitId: string): Promise<VerifyEvidenceResponse> {
    await this.access.assertCanReadReports(principal, unitId);
    return this.verify(unitId);
  }

  /** Walks the unit's chain from its first row and names the first row that does not hold. */
  async verify(unitId: string): Promise<VerifyEvidenceResponse> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const batch = await this.rows
        .createQueryBuilder('e')
        .where('e.unit_id = :unitId AND e.seq >= :from', { unitId, from: expectedSeq })
        .orderBy('e.seq', 'ASC')
        .take(VERIFY_BATCH)
        .getMany();
      for (const row of batch) {
        const broken = (reason: string): VerifyEvidenceResponse => ({
          ok: false,
          checked,
          firstBrokenId: row.id,
          firstBrokenSeq: Number(row.seq),
          reason,
        });
        if (Number(row.seq) !== expectedSeq) {
          return broken(`Thiếu dòng số ${expectedSeq} trước dòng này`);
        }
        if (row.prevHash !== prevHash) {
          return broken('Mã băm của dòng trước không khớp');
        }
        if (contentHash(canonicalContent(toContent(row))) !== row.contentHash) {
          return broken('Nội dung dòng đã bị thay đổi (mã băm nội dung không khớp)');
        }
        if (row.hash === null || chainHash(prevHash, row.contentHash) !== row.hash) {
          return broken('Mã băm chuỗi của dòng không khớp');
        }
        checked += 1;
        expectedSeq += 1;
        prevHash = row.hash;
      }
      if (batch.length < VERIFY_BATCH) {
        break;
      }
    }
    const head = await this.rows.manager.getRepository(EvidenceChainHead).findOneBy({ unitId });
    if (head && (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash)) {
      return {
        ok: false,
        checked,
        reason: `Thiếu các dòng cuối: chuỗi ghi nhận ${head.seq} dòng, còn ${checked} dòng`,
      };
    }
    const pending = await this.rows.count({ where: { unitId, hash: IsNull() } });
    return pending > 0 ? { ok: true, checked, pending } : { ok: true, checked };
  }
}

function toContent(row: EvidenceRow): EvidenceContent {
  return {
    unitId: row.unitId,
    type: row.type,
    occurredAt: row.occurredAt,
    recordedAt: row.recordedAt,
    actorId: row.actorId,
    method: row.method,
    subject: { type: row.subjectType, id: row.subjectId },
    snapshot: row.snapshot,
    correctsId: row.correctsId,
  };
}
