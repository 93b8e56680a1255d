import { Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Article, ArticlesRepository, bodyText } from '@app/articles';
import { NotFoundException, Principal } from '@app/common';
import { QueueService } from '@app/queue';
import { Unit, UnitAccess } from '@app/units';
import { AudioJinglesService, bitrateFor } from './audio-jingles.service';
import { AudioProductionService, SPEAKABLE } from './audio-production.service';
import { AudioAccepted, RequestAudioDto } from './audio.dto';
import { Audio } from './audio.entity';
import { AudioException } from './audio.exception';
import { AudioRepository } from './audio.repository';
import { AUDIO_PRODUCERS } from './audio.roles';
import {
  loudnessTargetOf,
  MAX_PENDING_PER_ARTICLE,
  MAX_SPOKEN_CHARS,
  roundSpeakingRate,
  STUCK_PROCESSING_MS,
} from './limits';
import { SpeechPipeline } from './speech-pipeline';

/**
 * Asking for an article's speech (design.md §4 Audio). A request is cheap: the text is normalized and the
 * piece queued, or an identical one answered: the same article and cache key queued, processing or ready
 * is that audio; a ready file with the same key in the unit is reused at once. One article has at most
 * MAX_PENDING_PER_ARTICLE pieces waiting.
 */
@Injectable()
export class AudioRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: UnitAccess,
    private readonly articles: ArticlesRepository,
    private readonly audios: AudioRepository,
    private readonly production: AudioProductionService,
    private readonly queue: QueueService,
    private readonly speech: SpeechPipeline,
    private readonly jingles: AudioJinglesService,
  ) {}

  async requestForArticle(
    principal: Principal,
    articleId: string,
    dto: RequestAudioDto,
  ): Promise<AudioAccepted> {
    const article = await this.articles.find(articleId);
    if (!article || !this.access.isMember(principal, article.unitId)) {
      throw new NotFoundException('bài viết');
    }
    const unit = await this.access.requireRole(principal, article.unitId, AUDIO_PRODUCERS);
    if (!SPEAKABLE.includes(article.status)) {
      throw AudioException.articleNotSpeakable(article.status);
    }
    const provider = this.speech.defaultProvider();
    const voice = dto.voice ?? this.speech.defaultVoice(provider);
    if (dto.voice !== undefined) {
      const voices = await this.speech.voices(provider);
      if (!voices.includes(dto.voice)) {
        throw AudioException.unknownVoice(dto.voice, voices);
      }
    }
    // Rounded before the cache key: 1 and 1.0000001 are one job and one file.
    const speakingRate = roundSpeakingRate(dto.speakingRate ?? 1);
    const script = article.radioScript ?? bodyText(article.bodyHtml);
    const normalizedText = this.speech.normalize(
      `${article.title}.\n${script}`,
      await this.speech.lexicon(unit.id),
    );
    if (normalizedText.length > MAX_SPOKEN_CHARS) {
      throw AudioException.scriptTooLong(normalizedText.length, MAX_SPOKEN_CHARS);
    }
    const targetLufs = loudnessTargetOf(unit);
    // The unit's jingles as they are now: written on the audio, so a later change makes new pieces only.
    const jingles = await this.jingles.current(unit.id);
    const cacheKey = sha256(
      canonicalize({
        text: normalizedText,
        provider,
        voice,
        speakingRate,
        mastering: this.speech.masteringFingerprint(targetLufs, jingles, bitrateFor(jingles)),
      }) ?? '',
    );
    return this.dataSource.transaction(async (manager) => {
      // The article's state again, under its row lock: a reject committed meanwhile is seen.
      const locked = await this.articles.find(article.id, { manager, lock: true });
      if (!locked || !SPEAKABLE.includes(locked.status)) {
        throw AudioException.articleNotSpeakable(locked?.status ?? 'draft');
      }
      // Two clicks at once on the same article make one audio.
      await this.audios.lockArticle(article.id, manager);
      const same = await this.audios.latestForKey(unit.id, article.id, cacheKey, manager);
      if (same && same.status !== 'failed') {
        if (same.status === 'processing' && Date.now() - same.updatedAt.getTime() > STUCK_PROCESSING_MS) {
          // Its worker was lost (kill -9, power cut): queued again, under a key of its own, since the
          // lost job may still hold the audio's key in the queue until it expires.
          await this.audios.requeue(same, manager);
          await this.queue.enqueue(
            'audio.synthesize',
            { audioId: same.id },
            { manager, singletonKey: `${same.id}:${Date.now()}` },
          );
        }
        return { audioId: same.id, status: same.status };
      }
      if ((await this.audios.countPending(unit.id, article.id, manager)) >= MAX_PENDING_PER_ARTICLE) {
        throw AudioException.tooManyPending(MAX_PENDING_PER_ARTICLE);
      }
      const audio = this.audios.create(
        {
          unitId: unit.id,
          articleId: article.id,
          categoryId: null,
          title: article.title,
          kind: 'speech',
          status: 'queued',
          requestedProvider: provider,
          voice,
          speakingRate,
          normalizedText,
          cacheKey,
          targetLufs,
          jingles,
          createdBy: principal.id,
        },
        manager,
      );
      return this.reuseOrQueue(manager, unit, audio, locked, 0);
    });
  }

  /**
   * Speech of text typed for an emergency notice (no article): normalized with the unit's lexicon, without
   * jingles, and queued ahead of other speech. The caller (libs/broadcast) has checked who may air an
   * emergency in `unit`. Not a radio piece: it makes no `audio.produced`, and plans never pick it.
   */
  async requestForText(
    principal: Principal,
    unit: Unit,
    title: string,
    text: string,
  ): Promise<AudioAccepted> {
    const provider = this.speech.defaultProvider();
    const voice = this.speech.defaultVoice(provider);
    const normalizedText = this.speech.normalize(`${title}.\n${text}`, await this.speech.lexicon(unit.id));
    if (normalizedText.length > MAX_SPOKEN_CHARS) {
      throw AudioException.scriptTooLong(normalizedText.length, MAX_SPOKEN_CHARS, 'text');
    }
    const targetLufs = loudnessTargetOf(unit);
    const cacheKey = sha256(
      canonicalize({
        emergency: true,
        text: normalizedText,
        provider,
        voice,
        speakingRate: 1,
        mastering: this.speech.masteringFingerprint(targetLufs, NO_JINGLES, bitrateFor(NO_JINGLES)),
      }) ?? '',
    );
    return this.dataSource.transaction(async (manager) => {
      const audio = this.audios.create(
        {
          unitId: unit.id,
          articleId: null,
          categoryId: null,
          title,
          kind: 'speech',
          status: 'queued',
          requestedProvider: provider,
          voice,
          speakingRate: 1,
          normalizedText,
          cacheKey,
          targetLufs,
          jingles: NO_JINGLES,
          createdBy: principal.id,
        },
        manager,
      );
      return this.reuseOrQueue(manager, unit, audio, null, 10);
    });
  }

  /**
   * Inserts the new audio: with the file of a ready audio of the unit that has the same key (the same words,
   * voice and mastering) it is ready at once, else it is queued for the worker (higher `priority` first).
   */
  private async reuseOrQueue(
    manager: EntityManager,
    unit: Unit,
    audio: Audio,
    article: Article | null,
    priority: number,
  ): Promise<AudioAccepted> {
    const ready = await this.audios.readyForKey(unit.id, audio.cacheKey!, manager);
    if (ready) {
      Object.assign(audio, {
        provider: ready.provider,
        fallbackReason: ready.fallbackReason,
        fileKey: ready.fileKey,
        sha256: ready.sha256,
        bytes: ready.bytes,
        durationMs: ready.durationMs,
        loudnessLufs: ready.loudnessLufs,
        truePeakDb: ready.truePeakDb,
      });
      await this.audios.insert(audio, manager);
      await this.production.makeReady(manager, unit, audio, article, new Date());
      return { audioId: audio.id, status: audio.status };
    }
    await this.audios.insert(audio, manager);
    await this.queue.enqueue(
      'audio.synthesize',
      { audioId: audio.id },
      { manager, singletonKey: audio.id, ...(priority > 0 ? { priority } : {}) },
    );
    return { audioId: audio.id, status: audio.status };
  }
}

/** Jingles of an emergency notice: none, so it starts at once and is never mistaken for a programme. */
const NO_JINGLES = { intro: 'none', outro: 'none' };

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
