import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Unit } from '@app/units';

/** One task of a plan: what is to be done, the summary figure that measures it, and its target. */
export interface PlanTask {
  content: string;
  /** The path of a summary figure (figures.ts), e.g. `radio.airings`. */
  metric: string;
  target: number;
}

/**
 * A kế hoạch tuyên truyền (propaganda plan) of a unit and year (design.md §4): its number, date and title,
 * and its tasks; the report evaluates each task Đạt / Chưa đạt from the counts.
 */
@Entity('propaganda_plans')
@Index('uq_propaganda_plans_unit_year_number', ['unitId', 'year', 'number'], { unique: true })
export class PropagandaPlan {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_propaganda_plans_unit_id' })
  unit?: Unit;

  @Column({ type: 'smallint' })
  year!: number;

  /** "59/KH-UBND". */
  @Column({ type: 'varchar', length: 50 })
  number!: string;

  @Column({ type: 'date' })
  issuedOn!: string;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'jsonb' })
  tasks!: PlanTask[];

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
