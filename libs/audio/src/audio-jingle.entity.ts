import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Unit } from '@app/units';

export const JINGLE_KINDS = ['intro', 'outro'] as const;
export type JingleKind = (typeof JINGLE_KINDS)[number];

/** What a unit plays around its spoken pieces: its own file, or nothing; no row means the generated default. */
export const JINGLE_SOURCES = ['default', 'custom', 'none'] as const;
export type JingleSource = (typeof JINGLE_SOURCES)[number];

/**
 * A unit's nhạc hiệu: the intro (mở đầu) or outro (kết thúc) put around every spoken piece. The file is
 * the upload as sent, stored by content hash; mastering brings it to 2 LU under the speech.
 */
@Entity('audio_jingles')
@Check('ck_audio_jingles_kind', `kind IN ('intro','outro')`)
@Check(
  'ck_audio_jingles_source',
  `(source = 'custom' AND file_key IS NOT NULL) OR (source = 'none' AND file_key IS NULL)`,
)
export class AudioJingle {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_audio_jingles' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_audio_jingles_unit_id' })
  unit?: Unit;

  @PrimaryColumn({ type: 'varchar', length: 10, primaryKeyConstraintName: 'PK_audio_jingles' })
  kind!: JingleKind;

  @Column({ type: 'varchar', length: 10 })
  source!: Exclude<JingleSource, 'default'>;

  /** The uploaded file (media key `jingles/<sha256>.<ext>`). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  fileKey!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256!: string | null;

  /** The name it was uploaded under, to show it back. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @Column({ type: 'integer', nullable: true })
  durationMs!: number | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
