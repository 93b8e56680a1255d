import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Station } from './station.entity';

export const AIRING_KINDS = ['programme', 'relay', 'emergency'] as const;
export type AiringKind = (typeof AIRING_KINDS)[number];
export const AIRING_STATUSES = ['aired', 'partial', 'missed'] as const;
export type AiringStatus = (typeof AIRING_STATUSES)[number];
export const AIRING_METHODS = ['console', 'operator', 'import'] as const;
export type AiringMethod = (typeof AIRING_METHODS)[number];

/**
 * A lượt phát sóng as it really happened (design.md §4): the console's own record, an operator's record
 * after the fact, or a line of an old paper logbook. What it aired is copied in (title, source) so the
 * logbook reads the same after the plan changes. One Idempotency-Key per unit is one airing.
 */
@Entity('airings')
@Index('ix_airings_station_started', ['unitId', 'stationId', 'startedAt'])
@Index('uq_airings_idempotency', ['unitId', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
@Check('ck_airings_kind', `kind IN ('programme','relay','emergency')`)
@Check('ck_airings_status', `status IN ('aired','partial','missed')`)
@Check('ck_airings_method', `method IN ('console','operator','import')`)
@Check('ck_airings_times', `ended_at >= started_at`)
export class Airing {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @Column({ type: 'uuid' })
  stationId!: string;

  @ManyToOne(() => Station, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_id', foreignKeyConstraintName: 'fk_airings_station_id' })
  station?: Station;

  @Column({ type: 'uuid', nullable: true })
  planItemId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  audioId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  articleId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind!: AiringKind;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  /** The relayed source's name (relays). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  sourceName!: string | null;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  endedAt!: Date;

  /** Seconds really played (the console's count); null when not measured. */
  @Column({ type: 'integer', nullable: true })
  playedSeconds!: number | null;

  @Column({ type: 'varchar', length: 20 })
  status!: AiringStatus;

  @Column({ type: 'varchar', length: 20 })
  method!: AiringMethod;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  operatorId!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  idempotencyKey!: string | null;

  /** sha256 of the request body: the same key with another body is refused. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestHash!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
