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

/** One term of a unit's lexicon: how the radio says a local name or abbreviation (design.md §4). */
@Entity('lexicon_entries')
@Index('uq_lexicon_entries_unit_term', ['unitId', 'term'], { unique: true })
export class LexiconEntryRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_lexicon_entries_unit_id' })
  unit?: Unit;

  @Column({ type: 'varchar', length: 100 })
  term!: string;

  @Column({ type: 'varchar', length: 500 })
  spoken!: string;

  /** Order the editor gave; the list is shown back in it. */
  @Column({ type: 'integer' })
  position!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
