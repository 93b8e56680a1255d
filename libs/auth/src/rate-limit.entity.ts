import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Counters of the login rate limit, in PostgreSQL so that every api replica shares them. */
@Entity('rate_limits')
export class RateLimit {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key!: string;

  @Column({ type: 'integer' })
  hits!: number;

  @Index('ix_rate_limits_expires_at')
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
