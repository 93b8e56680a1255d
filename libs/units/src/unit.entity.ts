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

export const UNIT_KINDS = ['province', 'commune', 'ward', 'special_zone', 'department', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Weekdays 1 = Monday … 7 = Sunday (design.md §4). */
export interface BroadcastPolicy {
  maxSlotsPerDay?: number;
  maxMinutesPerSlot?: number;
  allowedWeekdays?: number[];
}

export interface UnitSettings {
  signerTitle?: string;
  signerName?: string;
  documentSuffix?: string;
  placeName?: string;
  address?: string;
  phone?: string;
  email?: string;
  /** A host name of its own for the unit's portal (xa-ha-ky.gov.vn); unique across units. */
  portalHost?: string;
  broadcastPolicy?: BroadcastPolicy;
  /** Loudness its audio is mastered to (LUFS): -16 by default, -23 for a station on an EBU R128 chain. */
  loudnessTargetLufs?: number;
}

/** Đơn vị: a node of the administrative tree (province, commune, department, …), of any depth. */
@Entity('units')
@Check('ck_units_kind', `kind IN ('province','commune','ward','special_zone','department','other')`)
@Check('ck_units_not_own_parent', 'parent_id IS NULL OR parent_id <> id')
// Unique over settings->>'portalHost': an expression index made by the migration PortalHosts.
@Index('uq_units_portal_host', { synchronize: false })
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_units_code', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: UnitKind;

  @Index('ix_units_parent_id')
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_units_parent_id' })
  parent?: Unit | null;

  @Index('uq_units_slug', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  slug!: string;

  @Column({ type: 'jsonb', default: {} })
  settings!: UnitSettings;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
