import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A secret every replica on this database shares (see sharedSecret); written once, never updated. */
@Entity('app_secrets')
export class AppSecret {
  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'PK_app_secrets' })
  name!: string;

  @Column({ type: 'text' })
  value!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
