import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Unit } from '@app/units';

/** The parts of the annual report a person writes; the numbers are never among them. */
export interface ReportSections {
  /** I. Công tác chỉ đạo, điều hành. */
  direction: string;
  /** II.1 Nội dung, hình thức tuyên truyền. */
  forms: string;
  /** II.2, after the statistics: what else was done. */
  otherResults: string;
  /** III. Đánh giá chung (strengths and shortcomings). */
  assessment: string;
  /** IV. Đề xuất, kiến nghị. */
  proposals: string;
  /** V. Phương hướng, nhiệm vụ năm sau. */
  nextYear: string;
}

/** A figure a person changed by hand, with why: the report shows it marked, with the counted value. */
export interface FigureOverride {
  figure: string;
  value: number;
  note: string;
}

/** The written parts of a unit's report for a year and template, kept so next year can start from them. */
@Entity('report_texts')
@Index('uq_report_texts_unit_year_template', ['unitId', 'year', 'template'], { unique: true })
export class ReportText {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_report_texts_unit_id' })
  unit?: Unit;

  @Column({ type: 'smallint' })
  year!: number;

  @Column({ type: 'varchar', length: 50 })
  template!: string;

  @Column({ type: 'jsonb' })
  sections!: ReportSections;

  /** Nơi nhận, one line each ("Phòng Nội vụ thị xã;"). */
  @Column({ type: 'jsonb' })
  recipients!: string[];

  @Column({ type: 'jsonb' })
  overrides!: FigureOverride[];

  @Column({ type: 'uuid' })
  updatedBy!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
