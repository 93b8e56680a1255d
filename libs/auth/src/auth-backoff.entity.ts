import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed password checks of one account (a login name, or a user changing their password), in PostgreSQL
 * so that every api replica counts the same guesses. See AccountBackoff.
 */
@Entity('auth_backoffs')
export class AuthBackoff {
  /**
   * `login:<user name>` or `password:<user id>`: failures; `trusted:<user name>|<address>`: an address
   * the account signed in from (failures 0), exempt from the account's wait until `expiresAt`.
   */
  @PrimaryColumn({ type: 'varchar', length: 300, primaryKeyConstraintName: 'PK_auth_backoffs' })
  key!: string;

  /** Attempts since the last success (each attempt counts until it succeeds). */
  @Column({ type: 'integer' })
  failures!: number;

  /** No attempt is taken before this time. */
  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;

  @Column({ type: 'timestamptz' })
  lastAttemptAt!: Date;

  /** The failures are forgotten after this time (and the hourly job deletes the row). */
  @Index('ix_auth_backoffs_expires_at')
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
