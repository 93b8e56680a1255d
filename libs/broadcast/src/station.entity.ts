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

/** A đài (station) of a unit: one loudspeaker network with its own slots, plans and airings. */
@Entity('stations')
@Index('uq_stations_unit_name', ['unitId', 'name'], { unique: true })
export class Station {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_stations_unit_id' })
  unit?: Unit;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const SLOT_KINDS = ['programme', 'relay'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/**
 * A khung giờ of a station: the weekdays it runs (1 = Monday … 7 = Sunday), its start (local time,
 * Asia/Ho_Chi_Minh) and length; a programme slot is filled by the daily plan, a relay slot carries the
 * upper-level station or VOV. A removed slot keeps its row (plans and airings point at it) with `removedAt`.
 */
@Entity('broadcast_slots')
@Index('ix_broadcast_slots_station', ['unitId', 'stationId'])
@Check('ck_broadcast_slots_kind', `kind IN ('programme','relay')`)
@Check(
  'ck_broadcast_slots_minutes',
  `start_minute >= 0 AND duration_minutes > 0 AND start_minute + duration_minutes <= 1440`,
)
@Check('ck_broadcast_slots_relay', `(kind = 'relay') = (relay_name IS NOT NULL AND relay_url IS NOT NULL)`)
export class BroadcastSlot {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @Column({ type: 'uuid' })
  stationId!: string;

  @ManyToOne(() => Station, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_id', foreignKeyConstraintName: 'fk_broadcast_slots_station_id' })
  station?: Station;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'smallint', array: true })
  weekdays!: number[];

  /** Minutes after local midnight. */
  @Column({ type: 'smallint' })
  startMinute!: number;

  @Column({ type: 'smallint' })
  durationMinutes!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: SlotKind;

  @Column({ type: 'varchar', length: 200, nullable: true })
  relayName!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  relayUrl!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
