import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Unit } from './unit.entity';

/**
 * Every portal slug a unit has had, its current one included. A slug belongs to the first unit that
 * took it, for good: the primary key stops another unit from taking a slug a unit gave up (printed
 * links to the first commune would serve the second), even when both try at once, and the portal
 * answers a given-up slug with a 301 to the unit's current one.
 */
@Entity('unit_slugs')
export class UnitSlug {
  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'PK_unit_slugs' })
  slug!: string;

  @Index('ix_unit_slugs_unit_id')
  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_unit_slugs_unit_id' })
  unit?: Unit;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
