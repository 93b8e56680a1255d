import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Unit } from '@app/units';

/**
 * Page views of a unit's portal per Vietnamese day (lượt truy cập). Only counts: no address, no agent,
 * nothing about the person is stored.
 */
@Entity('portal_visits')
export class PortalVisit {
  @PrimaryColumn({ type: 'uuid' })
  unitId!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_portal_visits_unit_id' })
  unit?: Unit;

  @Column({ type: 'bigint', default: 0 })
  views!: string;
}
