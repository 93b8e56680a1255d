import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Unit } from '@app/units';

export const AUDIO_STATUSES = ['queued', 'processing', 'ready', 'failed'] as const;
export type AudioStatus = (typeof AUDIO_STATUSES)[number];

export const AUDIO_KINDS = ['speech', 'upload'] as const;
export type AudioKind = (typeof AUDIO_KINDS)[number];

/** Per side: `default`, `none`, or the media key of the unit's own file. */
export interface AudioJingles {
  intro: string;
  outro: string;
}

/**
 * A bản tin âm thanh (design.md §4): an article spoken by an engine, or an uploaded recording, mastered
 * to the station's loudness. `cacheKey` identifies what was asked for (spoken text, engine, voice, rate,
 * mastering), so the same request reuses a ready file instead of synthesizing again.
 */
@Entity('audios')
@Index('ix_audios_unit_article', ['unitId', 'articleId'])
@Index('ix_audios_unit_cache_key', ['unitId', 'cacheKey'])
export class Audio {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_audios_unit_id' })
  unit?: Unit;

  /** The article it speaks (or an upload made for an article). */
  @Column({ type: 'uuid', nullable: true })
  articleId!: string | null;

  /** An upload's category (chuyên mục), which decides whether it is a CCHC piece. */
  @Column({ type: 'uuid', nullable: true })
  categoryId!: string | null;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: AudioKind;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status!: AudioStatus;

  /** Why it failed, in words a person can act on. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** The engine asked for (`espeak`, `google`), `upload` for a recording. */
  @Column({ type: 'varchar', length: 20 })
  requestedProvider!: string;

  /** The engine that actually spoke (it differs when Google failed and the offline engine took over). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  provider!: string | null;

  /** Why the fallback engine spoke. */
  @Column({ type: 'text', nullable: true })
  fallbackReason!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  voice!: string | null;

  @Column({ type: 'real', nullable: true })
  speakingRate!: number | null;

  /** The words the engine says (the normalizer's output), for editors to check. */
  @Column({ type: 'text', nullable: true })
  normalizedText!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  cacheKey!: string | null;

  /** The uploaded original, kept as sent (media key). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  sourceKey!: string | null;

  /** The mastered MP3 (media key) and its SHA-256 and size. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  fileKey!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ type: 'integer', nullable: true })
  bytes!: number | null;

  @Column({ type: 'integer', nullable: true })
  durationMs!: number | null;

  @Column({ type: 'real', nullable: true })
  loudnessLufs!: number | null;

  @Column({ type: 'real', nullable: true })
  truePeakDb!: number | null;

  /** Loudness target it was mastered to (LUFS). */
  @Column({ type: 'real', nullable: true })
  targetLufs!: number | null;

  /**
   * The jingles it was mastered with: `default` (generated), `none`, or the media key of the unit's file.
   * Null for an upload mastered on its own.
   */
  @Column({ type: 'jsonb', nullable: true })
  jingles!: AudioJingles | null;

  /** A historical programme's original production time (its evidence is dated then, method import). */
  @Column({ type: 'timestamptz', nullable: true })
  producedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readyAt!: Date | null;
}
