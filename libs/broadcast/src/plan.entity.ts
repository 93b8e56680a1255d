import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { BroadcastSlot, Station } from './station.entity';

export const PLAN_STATUSES = ['draft', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface PlanWarning {
  code: 'slot-underfilled' | 'piece-too-long' | 'piece-will-not-fit' | 'no-pieces';
  message: string;
  slotId?: string;
  audioId?: string;
}

/** The lịch phát sóng ngày of one station: generated, edited, approved; changes after approval are deviations. */
@Entity('broadcast_plans')
@Index('uq_broadcast_plans_station_date', ['unitId', 'stationId', 'date'], { unique: true })
@Check('ck_broadcast_plans_status', `status IN ('draft','approved')`)
export class BroadcastPlan {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @Column({ type: 'uuid' })
  stationId!: string;

  @ManyToOne(() => Station, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_id', foreignKeyConstraintName: 'fk_broadcast_plans_station_id' })
  station?: Station;

  /** The Vietnamese day, YYYY-MM-DD. */
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status!: PlanStatus;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'jsonb' })
  warnings!: PlanWarning[];

  @Column({ type: 'timestamptz' })
  generatedAt!: Date;

  /** Null when the evening tick generated it. */
  @Column({ type: 'uuid', nullable: true })
  generatedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export const PLAN_ITEM_KINDS = ['audio', 'relay'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

export const BULLETIN_PRIORITIES = ['normal', 'priority'] as const;
export type BulletinPriority = (typeof BULLETIN_PRIORITIES)[number];

/**
 * One piece of a plan in its slot. Items are never deleted once an airing or a deviation may point at them:
 * an item taken out is kept with `removedAt`.
 */
@Entity('broadcast_plan_items')
@Index('ix_broadcast_plan_items_plan', ['unitId', 'planId'])
@Index('ix_broadcast_plan_items_audio', ['unitId', 'audioId'])
@Check('ck_broadcast_plan_items_kind', `kind IN ('audio','relay')`)
@Check('ck_broadcast_plan_items_audio', `(kind = 'audio') = (audio_id IS NOT NULL)`)
export class BroadcastPlanItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => BroadcastPlan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_broadcast_plan_items_plan_id' })
  plan?: BroadcastPlan;

  @Column({ type: 'uuid' })
  slotId!: string;

  @ManyToOne(() => BroadcastSlot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id', foreignKeyConstraintName: 'fk_broadcast_plan_items_slot_id' })
  slot?: BroadcastSlot;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar', length: 10 })
  kind!: PlanItemKind;

  @Column({ type: 'uuid', nullable: true })
  audioId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  articleId!: string | null;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'integer' })
  durationSec!: number;

  @Column({ type: 'varchar', length: 10, default: 'normal' })
  priority!: BulletinPriority;

  @Column({ type: 'timestamptz' })
  plannedStart!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const DEVIATION_KINDS = ['added', 'removed', 'moved'] as const;
export type DeviationKind = (typeof DEVIATION_KINDS)[number];

/** A change to an approved plan, with who, when and why (printed under the plan). */
@Entity('broadcast_plan_deviations')
@Index('ix_broadcast_plan_deviations_plan', ['unitId', 'planId'])
@Check('ck_broadcast_plan_deviations_kind', `kind IN ('added','removed','moved')`)
export class BroadcastPlanDeviation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => BroadcastPlan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_broadcast_plan_deviations_plan_id' })
  plan?: BroadcastPlan;

  @Column({ type: 'uuid' })
  itemId!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: DeviationKind;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid' })
  actorId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
