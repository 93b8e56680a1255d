import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { Article, ArticlesRepository, articleUrl, CategoriesService } from '@app/articles';
import { DomainException, NotFoundException } from '@app/common';
import { notifyPortalChanged } from '@app/db';
import { EvidenceService } from '@app/evidence';
import { MEDIA_URL_PREFIX, MediaStorage, withMediaFile } from '@app/media';
import { Unit, UnitsRepository } from '@app/units';
import { AudioJinglesService } from './audio-jingles.service';
import { Audio, AudioJingles } from './audio.entity';
import { AudioException } from './audio.exception';
import { AudioRepository } from './audio.repository';
import { DEFAULT_TARGET_LUFS, SPEECH_KBPS } from './limits';
import { Mastered, SpeechPipeline } from './speech-pipeline';

/** Article states whose audio may be made and aired (design.md §1: nothing airs unapproved). */
export const SPEAKABLE: readonly string[] = ['approved', 'published'];

/** What a finished run gives the audio: its file, its measures and who spoke it. */
interface Result {
  fileKey: string;
  sha256: string;
  bytes: number;
  durationMs: number;
  loudnessLufs: number;
  truePeakDb: number;
  provider: string | null;
  voice: string | null;
  fallbackReason: string | null;
}

const DEFAULT_JINGLES: AudioJingles = { intro: 'default', outro: 'default' };

/**
 * The worker's side of audio: speak or take the upload, master, store, and make ready. Making ready is
 * where the rules of a radio piece hold: the article is re-read under its row lock, so an article rejected
 * or unpublished meanwhile never gets a ready audio nor `audio.produced`; the first ready audio of an
 * article (or an uploaded programme) writes `audio.produced`, a later one of a published article writes
 * `article.audio-changed`, in the transaction that makes it ready.
 */
@Injectable()
export class AudioProductionService {
  private readonly logger = new Logger('Audio');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audios: AudioRepository,
    private readonly units: UnitsRepository,
    private readonly articles: ArticlesRepository,
    private readonly categories: CategoriesService,
    private readonly evidence: EvidenceService,
    private readonly media: MediaStorage,
    private readonly speech: SpeechPipeline,
    private readonly jingles: AudioJinglesService,
  ) {}

  /** The job `audio.synthesize`: speak, master, store, make ready. Idempotent. */
  async synthesize(id: string): Promise<void> {
    const audio = await this.claim(id);
    if (!audio) {
      return;
    }
    const wavPath = join(tmpdir(), `xa-speech-${audio.id}-${randomUUID()}.wav`);
    try {
      // The same words, voice and mastering made meanwhile (another article, an earlier run): reused.
      const made = audio.cacheKey
        ? await this.audios.readyForKey(audio.unitId, audio.cacheKey, this.dataSource.manager)
        : null;
      if (made?.fileKey && made.sha256 && made.bytes !== null && made.durationMs !== null) {
        await this.finish(audio, {
          fileKey: made.fileKey,
          sha256: made.sha256,
          bytes: made.bytes,
          durationMs: made.durationMs,
          loudnessLufs: made.loudnessLufs ?? 0,
          truePeakDb: made.truePeakDb ?? 0,
          provider: made.provider,
          voice: made.voice,
          fallbackReason: made.fallbackReason,
        });
        return;
      }
      const spoken = await this.speech.speak({
        text: audio.normalizedText ?? '',
        provider: audio.requestedProvider,
        voice: audio.voice ?? this.speech.defaultVoice(audio.requestedProvider),
        speakingRate: audio.speakingRate ?? 1,
      });
      await writeFile(wavPath, spoken.wav);
      // Audio requested before jingles were a unit's choice had the generated default.
      const jingles = await this.jingles.forMastering(audio.jingles ?? DEFAULT_JINGLES);
      const mastered = await this.speech.master({
        inputPath: wavPath,
        targetLufs: audio.targetLufs ?? DEFAULT_TARGET_LUFS,
        ...jingles,
      });
      await this.store(audio, mastered, spoken);
    } catch (error) {
      await this.fail(audio, error);
    } finally {
      await rm(wavPath, { force: true });
    }
  }

  /** The mastered MP3 streamed into storage, then the audio made ready with what was measured. */
  private async store(
    audio: Audio,
    mastered: Mastered,
    spoken: { provider: string; voice: string | null; fallbackReason: string | null },
  ): Promise<void> {
    const stored = await this.media.put('audio', mastered.mp3, 'mp3');
    await this.finish(audio, {
      fileKey: stored.key,
      sha256: stored.sha256,
      bytes: stored.bytes,
      durationMs: Math.round(mastered.durationMs),
      loudnessLufs: mastered.loudnessLufs,
      truePeakDb: mastered.truePeakDb,
      ...spoken,
    });
  }

  /** The job `audio.master-upload`: the uploaded original mastered like speech. Idempotent. */
  async masterUpload(id: string): Promise<void> {
    const audio = await this.claim(id);
    if (!audio) {
      return;
    }
    try {
      if (!audio.sourceKey) {
        throw AudioException.sourceMissing();
      }
      // A recorded programme keeps its own opening and closing.
      const mastered = await withMediaFile(this.media, audio.sourceKey, (source) =>
        this.speech.master({
          inputPath: source,
          targetLufs: audio.targetLufs ?? DEFAULT_TARGET_LUFS,
          intro: 'none',
          outro: 'none',
          bitrateKbps: SPEECH_KBPS,
        }),
      );
      if (!mastered) {
        throw AudioException.sourceMissing();
      }
      await this.store(audio, mastered, { provider: 'upload', voice: null, fallbackReason: null });
    } catch (error) {
      await this.fail(audio, error);
    }
  }

  /**
   * Marks ready, in the caller's transaction (the article, when there is one, already locked by it), and
   * writes the evidence: `audio.produced` for a new radio piece (the first ready audio of its article, or
   * an uploaded programme not made for an article); `article.audio-changed` when a later audio of a
   * published article replaces what its page plays.
   */
  async makeReady(
    manager: EntityManager,
    unit: Unit,
    audio: Audio,
    article: Article | null,
    at: Date,
  ): Promise<void> {
    audio.status = 'ready';
    audio.error = null;
    audio.readyAt = at;
    await this.audios.save(audio, manager);
    if (audio.articleId) {
      // The article's portal page gets its "Nghe bài viết" player.
      await notifyPortalChanged(manager, unit.id);
      await this.audios.lockArticle(audio.articleId, manager);
      const previous = await this.audios.latestReady(unit.id, audio.articleId, audio.id, manager);
      if (previous) {
        if (article?.status === 'published') {
          await this.evidence.record(manager, {
            unitId: unit.id,
            type: 'article.audio-changed',
            occurredAt: at,
            actorId: audio.createdBy,
            method: 'live',
            subject: { type: 'article', id: article.id },
            snapshot: {
              articleId: article.id,
              title: article.title,
              url: articleUrl(unit.slug, article.slug),
              audioId: audio.id,
              audioKind: audio.kind,
              audioUrl: mediaUrl(audio.fileKey),
              previousAudioId: previous.id,
              previousAudioUrl: mediaUrl(previous.fileKey),
            },
          });
        }
        return;
      }
    }
    if (audio.kind === 'speech' && !audio.articleId) {
      // An emergency notice's speech (typed text, no article): aired and logged as `emergency.aired`, but
      // not a radio piece of the report (design.md §5 counts articles and uploaded programmes).
      return;
    }
    const categoryIds = article ? (article.categoryIds ?? []) : audio.categoryId ? [audio.categoryId] : [];
    const historical = audio.producedAt !== null && audio.producedAt < at;
    await this.evidence.record(manager, {
      unitId: unit.id,
      type: 'audio.produced',
      occurredAt: historical ? audio.producedAt! : at,
      actorId: audio.createdBy,
      method: historical ? 'import' : 'live',
      subject: { type: 'audio', id: audio.id },
      snapshot: {
        title: audio.title,
        kind: audio.kind,
        articleId: audio.articleId,
        provider: audio.provider,
        voice: audio.voice,
        durationMs: audio.durationMs,
        loudnessLufs: audio.loudnessLufs,
        url: mediaUrl(audio.fileKey),
        jingles: audio.jingles,
        ...(await this.categories.snapshot(manager, unit.id, categoryIds)),
      },
    });
  }

  /**
   * Takes a queued (or interrupted) audio for processing; null when there is nothing to do. An article
   * already withdrawn is failed here, before any work (the lock in finish() is what guarantees it).
   */
  private async claim(id: string): Promise<Audio | null> {
    const audio = await this.audios.claim(id);
    if (audio?.articleId) {
      const article = await this.articles.find(audio.articleId);
      if (!article || !SPEAKABLE.includes(article.status)) {
        await this.fail(audio, AudioException.articleWithdrawn(article?.status ?? null));
        return null;
      }
    }
    return audio;
  }

  private async finish(audio: Audio, result: Result): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // The article first, under its row lock (the order every path takes): its state now is final.
      const article = audio.articleId
        ? await this.articles.find(audio.articleId, { manager, lock: true })
        : null;
      if (audio.articleId && (!article || !SPEAKABLE.includes(article.status))) {
        throw AudioException.articleWithdrawn(article?.status ?? null);
      }
      const current = await this.audios.findLocked(audio.id, manager);
      if (!current || current.status === 'ready' || current.status === 'failed') {
        return;
      }
      Object.assign(current, result);
      const unit = await this.units.findById(current.unitId, manager);
      if (!unit) {
        throw new NotFoundException('đơn vị');
      }
      await this.makeReady(manager, unit, current, article, new Date());
    });
  }

  private async fail(audio: Audio, error: unknown): Promise<void> {
    const reason =
      error instanceof DomainException
        ? error.message
        : `Lỗi khi tạo âm thanh: ${error instanceof Error ? error.message : String(error)}`;
    if (!(error instanceof DomainException)) {
      this.logger.error({ err: error, audioId: audio.id }, 'Tạo âm thanh thất bại');
    }
    await this.audios.fail(audio.id, reason);
  }
}

function mediaUrl(fileKey: string | null): string | null {
  return fileKey ? `${MEDIA_URL_PREFIX}${fileKey}` : null;
}
