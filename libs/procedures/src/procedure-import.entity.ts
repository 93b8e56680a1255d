import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Unit } from '@app/units';
import type { ImportResultDto } from './procedure.dto';

export const IMPORT_JOB_STATUSES = ['queued', 'processing', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/**
 * An import run as a job (large files; the admin app's wizard): the uploaded file, kept until the import
 * it was sent for has run, and the progress and result the wizard polls. A dry run's file stays so that
 * "Xác nhận nhập" imports exactly the file that was previewed.
 */
@Entity('procedure_imports')
@Index('ix_procedure_imports_unit_created', ['unitId', 'createdAt'])
export class ProcedureImport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_procedure_imports_unit_id' })
  unit?: Unit;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'varchar', length: 300 })
  fileName!: string;

  @Column({ type: 'varchar', length: 10 })
  format!: 'csv' | 'xlsx' | 'json';

  /** The file as uploaded; cleared once the real import has run. */
  @Column({ type: 'bytea', nullable: true, select: false })
  file!: Buffer | null;

  @Column({ type: 'boolean' })
  dryRun!: boolean;

  /** The dry run this import confirms. */
  @Column({ type: 'uuid', nullable: true })
  confirmsId!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status!: ImportJobStatus;

  /** Rows (records) in the file. */
  @Column({ type: 'integer' })
  total!: number;

  /** Rows handled so far (checked, then written). */
  @Column({ type: 'integer', default: 0 })
  processed!: number;

  @Column({ type: 'jsonb', nullable: true })
  result!: ImportResultDto | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
