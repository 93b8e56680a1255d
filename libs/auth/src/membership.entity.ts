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
import type { User } from './user.entity';
import type { Role } from '@app/common';

/** A user's role in one unit. Reading reports reaches the unit's descendants; nothing else does. */
@Entity('memberships')
@Index('uq_memberships_user_unit_role', ['userId', 'unitId', 'role'], { unique: true })
@Check('ck_memberships_role', `role IN ('admin','editor','approver','operator','reporter')`)
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne('User', 'memberships', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_memberships_user_id' })
  user?: User;

  @Index('ix_memberships_unit_id')
  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_memberships_unit_id' })
  unit?: Unit;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
