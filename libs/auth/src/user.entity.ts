import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Membership } from './membership.entity';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case: user names are case-insensitive. */
  @Index('uq_users_username', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  username!: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 255 })
  fullName!: string;

  /** The system administrator (`admin`): every unit, every action. */
  @Column({ type: 'boolean', default: false })
  isSystemAdmin!: boolean;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /**
   * The password is one someone else knows (generated at the first start, or reset by an administrator):
   * the admin app asks for a new one before anything else. Cleared by the person's own change. The api
   * does not refuse other calls meanwhile.
   */
  @Column({ type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  /**
   * Carried in each token (`ver`) and raised by a password change or reset, a lock and an unlock: tokens
   * issued before stop working. Read with the user on every request, so it costs no extra query.
   * Never written by save() (`update: false`): a save of a user loaded a moment earlier must not put an
   * older version back. Only UsersRepository.revokeTokens raises it.
   */
  @Column({ type: 'integer', default: 0, update: false })
  tokenVersion!: number;

  @OneToMany(() => Membership, (m) => m.user)
  memberships?: Membership[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
