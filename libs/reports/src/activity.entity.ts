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
import { Unit } from '@app/units';
import type { ActivityKind } from './figures';

/**
 * What the software cannot see, typed in by a report writer (design.md §4): a conference, people guided at
 * the one-stop desk, banners and pano, leaflets, other; each with its day and quantity.
 */
@Entity('report_activities')
@Index('ix_report_activities_unit_date', ['unitId', 'date'])
@Check('ck_report_activities_kind', `kind IN ('conference','one_stop_guidance','banner','leaflet','other')`)
@Check('ck_report_activities_quantity', `quantity > 0`)
export class ReportActivity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_report_activities_unit_id' })
  unit?: Unit;

  @Column({ type: 'varchar', length: 30 })
  kind!: ActivityKind;

  /** The Vietnamese day it happened. */
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
