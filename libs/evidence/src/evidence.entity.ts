import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Unit } from '@app/units';

/** How a fact reached the log: seen live, imported from an old portal or logbook, or made by the system. */
export const EVIDENCE_METHODS = ['live', 'import', 'console', 'operator', 'system'] as const;
export type EvidenceMethod = (typeof EVIDENCE_METHODS)[number];

/**
 * One row of the append-only evidence log (design.md §4). Rows of a unit form a SHA-256 chain:
 * contentHash = sha256(canonical JSON of the row's content), hash = sha256(prevHash + "\n" + contentHash).
 * The row is inserted in the caller's transaction and linked into the chain by evidence_link(): at COMMIT
 * when the unit's link lock is free, else by the next commit of the unit or the worker's sweep (seconds).
 * Triggers refuse UPDATE, DELETE and TRUNCATE.
 */
@Entity('evidence')
@Index('uq_evidence_unit_seq', ['unitId', 'seq'], { unique: true })
@Index('ix_evidence_unlinked', ['unitId', 'ordinal'], { where: 'hash IS NULL' })
@Index('ix_evidence_unit_type_occurred', ['unitId', 'type', 'occurredAt'])
@Index('ix_evidence_unit_occurred', ['unitId', 'occurredAt'])
@Index('ix_evidence_unit_subject', ['unitId', 'subjectType', 'subjectId'])
export class EvidenceRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_evidence_unit_id' })
  unit?: Unit;

  /**
   * Insertion order, from one sequence: evidence_link() chains a unit's unlinked rows in this order, so
   * rows recorded in the same millisecond (one use case recording two facts) keep the order they were
   * recorded in.
   */
  @Column({
    type: 'bigint',
    generated: 'identity',
    generatedIdentity: 'ALWAYS',
    select: false,
    insert: false,
    update: false,
  })
  ordinal!: string;

  /** Position in the unit's chain, from 1. Set when the row is linked. */
  @Column({ type: 'bigint', nullable: true })
  seq!: string | null;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  method!: EvidenceMethod;

  @Column({ type: 'varchar', length: 50 })
  subjectType!: string;

  @Column({ type: 'varchar', length: 100 })
  subjectId!: string;

  @Column({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;

  /** A correction points to the row it corrects; the old row stays. */
  @Column({ type: 'uuid', nullable: true })
  correctsId!: string | null;

  /** SHA-256 of the canonical JSON of the row's content, computed when it is recorded. */
  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  /** Set when the row is linked (see evidence_link() in the migration). */
  @Column({ type: 'char', length: 64, nullable: true })
  prevHash!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  hash!: string | null;
}

/** The tip of each unit's chain; its row lock serialises appends within one unit only. */
@Entity('evidence_chain_heads')
export class EvidenceChainHead {
  @PrimaryColumn({ type: 'uuid' })
  unitId!: string;

  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ type: 'char', length: 64 })
  prevHash!: string;
}
