import { Injectable, Logger } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { createHash, randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import {
  DomainException,
  lockKeyed,
  NotFoundException,
  Page,
  Principal,
  Role,
  toPage,
  Upload,
  ValidationException,
} from '@app/common';
import { ArticlesRepository, bodyText } from '@app/articles';
import { notifyPortalChanged } from '@app/db';
import { EvidenceService } from '@app/evidence';
import { MEDIA_URL_PREFIX, MediaStorage } from '@app/media';
import { QueueService } from '@app/queue';
import { Unit, UnitAccess, UnitsRepository } from '@app/units';
import { AudioJinglesService, bitrateFor, jingleSourceOf } from './audio-jingles.service';
import { Audio, AudioJingles } from './audio.entity';
import {
  AudioAccepted,
  AudioResponse,
  ListAudioQueryDto,
  RequestAudioDto,
  VoicesResponse,
} from './audio.dto';
import {
  DEFAULT_TARGET_LUFS,
  loudnessTargetOf,
  MAX_SPOKEN_CHARS,
  SPEECH_KBPS,
  UPLOAD_MAX_MS,
} from './limits';
import { SpeechPipeline } from './speech-pipeline';

/** Who may ask for an article's audio, or upload a programme. */
const PRODUCERS: Role[] = ['admin', 'editor', 'approver', 'operator'];
const READERS: Role[] = ['admin', 'editor', 'approver', 'operator', 'reporter'];
/** Article states whose text may be spoken (design.md §1: nothing airs unapproved). */
const SPEAKABLE = ['approved', 'published'];

/**
 * Audio pieces (design.md §4 Audio, §5 radio pieces). A request is cheap: the text is normalized and the
 * piece queued (or, when an identical one is ready, reused at once); the worker speaks and masters it.
 * The first ready audio of an article, or an uploaded programme, writes `audio.produced` in the same
 * transaction that makes it ready: that row is what reports count as a radio piece.
 */
@Injectable()
export class AudioService {
  private readonly logger = new Logger('Audio');

  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitsRepository,
    private readonly access: UnitAccess,
    private readonly articles: ArticlesRepository,
    private readonly evidence: EvidenceService,
    private readonly media: MediaStorage,
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
    this.access.assertRole(principal, article.unitId, PRODUCERS);
    if (!SPEAKABLE.includes(article.status)) {
      throw new DomainException(
        'INVALID_STATE',
        'Chỉ tạo âm thanh cho bài đã được duyệt hoặc đã đăng (bài chưa duyệt không được phát)',
      );
    }
    const unit = await this.unit(article.unitId);
    const provider = this.speech.defaultProvider();
    const voice = dto.voice ?? this.speech.defaultVoice(provider);
    if (dto.voice !== undefined) {
      const voices = await this.speech.voices(provider);
      if (!voices.includes(dto.voice)) {
        const message = `Giọng đọc "${dto.voice}" không có (các giọng có: ${voices.join(', ')})`;
        throw new ValidationException([{ field: 'voice', message }]);
      }
    }
    const speakingRate = dto.speakingRate ?? 1;
    const script = article.radioScript ?? bodyText(article.bodyHtml);
    const normalizedText = this.speech.normalize(
      `${article.title}.\n${script}`,
      await this.speech.lexicon(unit.id),
    );
    if (normalizedText.length > MAX_SPOKEN_CHARS) {
      const message = `Lời đọc dài ${normalizedText.length.toLocaleString('vi-VN')} ký tự, quá giới hạn ${MAX_SPOKEN_CHARS.toLocaleString('vi-VN')}: hãy soạn lời đọc ngắn hơn (radioScript)`;
      throw new ValidationException([{ field: 'radioScript', message }]);
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
      // Two clicks at once on the same article make one audio.
      await lockKeyed(manager, 'audioArticle', article.id);
      const repo = manager.getRepository(Audio);
      const same = await repo.findOne({
        where: { unitId: unit.id, articleId: article.id, cacheKey },
        order: { createdAt: 'DESC' },
      });
      if (same && same.status !== 'failed') {
        return { audioId: same.id, status: same.status };
      }
      const audio = repo.create({
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
      });
      // The same words, voice and mastering already made in this unit: the file is reused.
      const ready = await repo.findOne({ where: { unitId: unit.id, cacheKey, status: 'ready' } });
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
        await repo.insert(audio);
        await this.makeReady(manager, unit, audio, new Date());
        return { audioId: audio.id, status: audio.status };
      }
      await repo.insert(audio);
      await this.queue.enqueue(
        'audio.synthesize',
        { audioId: audio.id },
        { manager, singletonKey: audio.id },
      );
      return { audioId: audio.id, status: audio.status };
    });
  }

  /** Who may upload is settled before the file is read (see the controller). */
  async assertMayUpload(principal: Principal, unitId: string): Promise<void> {
    await this.unit(unitId);
    this.access.assertRole(principal, unitId, PRODUCERS);
  }

  /**
   * An uploaded programme (mp3, wav, m4a…): the content is read by ffmpeg (the file name is not trusted),
   * the original kept, and the mastering queued. `producedAt` in the past makes it a historical programme
   * moved from an old archive: counted at that time, its evidence marked `import`.
   */
  async upload(principal: Principal, unitId: string, upload: Upload): Promise<AudioAccepted> {
    await this.assertMayUpload(principal, unitId);
    const unit = await this.unit(unitId);
    const fields = await this.uploadFields(unit, upload.fields);
    const probed = await this.speech.probe(upload.bytes, UPLOAD_MAX_MS);
    if (probed.durationMs > UPLOAD_MAX_MS) {
      const message = `Tệp dài ${minutes(probed.durationMs)} phút, quá giới hạn ${minutes(UPLOAD_MAX_MS)} phút cho một chương trình`;
      throw new ValidationException([{ field: 'file', message }]);
    }
    if (probed.durationMs < 500) {
      throw new ValidationException([
        { field: 'file', message: 'Tệp âm thanh không có nội dung (dưới nửa giây)' },
      ]);
    }
    const stored = await this.media.put('uploads', upload.bytes, extensionOf(probed.format));
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Audio);
      const audio = repo.create({
        unitId,
        articleId: fields.articleId,
        categoryId: fields.categoryId,
        title: fields.title,
        kind: 'upload',
        status: 'queued',
        requestedProvider: 'upload',
        provider: 'upload',
        sourceKey: stored.key,
        targetLufs: loudnessTargetOf(unit),
        producedAt: fields.producedAt,
        createdBy: principal.id,
      });
      await repo.insert(audio);
      await this.queue.enqueue(
        'audio.master-upload',
        { audioId: audio.id },
        { manager, singletonKey: audio.id },
      );
      return { audioId: audio.id, status: audio.status };
    });
  }

  async voices(): Promise<VoicesResponse> {
    const provider = this.speech.defaultProvider();
    return {
      provider,
      defaultVoice: this.speech.defaultVoice(provider),
      voices: await this.speech.voices(provider),
    };
  }

  async get(principal: Principal, id: string): Promise<AudioResponse> {
    const audio = await this.dataSource.getRepository(Audio).findOneBy({ id });
    if (!audio || !this.access.hasRole(principal, audio.unitId, READERS)) {
      throw new NotFoundException('bản tin âm thanh');
    }
    return toResponse(audio);
  }

  async list(principal: Principal, query: ListAudioQueryDto): Promise<Page<AudioResponse>> {
    await this.unit(query.unitId);
    this.access.assertRole(principal, query.unitId, READERS);
    const [rows, total] = await this.dataSource.getRepository(Audio).findAndCount({
      where: {
        unitId: query.unitId,
        ...(query.articleId ? { articleId: query.articleId } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return toPage(rows.map(toResponse), total, query);
  }

  /** The worker's job `audio.synthesize`: speak, master, store, make ready. Idempotent. */
  async synthesize(id: string): Promise<void> {
    const audio = await this.claim(id);
    if (!audio) {
      return;
    }
    const wavPath = join(tmpdir(), `xa-speech-${audio.id}-${randomUUID()}.wav`);
    try {
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
      await this.finish(audio, mastered, {
        provider: spoken.provider,
        voice: spoken.voice,
        fallbackReason: spoken.fallbackReason,
      });
    } catch (error) {
      await this.fail(audio, error);
    } finally {
      await rm(wavPath, { force: true });
    }
  }

  /** The worker's job `audio.master-upload`: the uploaded original mastered like speech. Idempotent. */
  async masterUpload(id: string): Promise<void> {
    const audio = await this.claim(id);
    if (!audio) {
      return;
    }
    try {
      const source = audio.sourceKey ? await this.media.localPath(audio.sourceKey) : undefined;
      if (!source) {
        throw new DomainException('NOT_FOUND', 'Không còn tệp gốc của chương trình tải lên');
      }
      // A recorded programme keeps its own opening and closing.
      const mastered = await this.speech.master({
        inputPath: source,
        targetLufs: audio.targetLufs ?? DEFAULT_TARGET_LUFS,
        intro: 'none',
        outro: 'none',
        bitrateKbps: SPEECH_KBPS,
      });
      await this.finish(audio, mastered, { provider: 'upload', voice: null, fallbackReason: null });
    } catch (error) {
      await this.fail(audio, error);
    }
  }

  /** Takes a queued (or interrupted) audio for processing; null when there is nothing to do. */
  private async claim(id: string): Promise<Audio | null> {
    const repo = this.dataSource.getRepository(Audio);
    const audio = await repo.findOneBy({ id });
    if (!audio || audio.status === 'ready' || audio.status === 'failed') {
      return null;
    }
    await repo.update({ id }, { status: 'processing' });
    audio.status = 'processing';
    return audio;
  }

  private async finish(
    audio: Audio,
    mastered: { mp3: Buffer; loudnessLufs: number; truePeakDb: number; durationMs: number },
    spoken: { provider: string; voice: string | null; fallbackReason: string | null },
  ): Promise<void> {
    const stored = await this.media.put('audio', mastered.mp3, 'mp3');
    await this.dataSource.transaction(async (manager) => {
      const current = await manager
        .getRepository(Audio)
        .findOne({ where: { id: audio.id }, lock: { mode: 'pessimistic_write' } });
      if (!current || current.status === 'ready') {
        return;
      }
      Object.assign(current, {
        provider: spoken.provider,
        voice: spoken.voice,
        fallbackReason: spoken.fallbackReason,
        fileKey: stored.key,
        sha256: stored.sha256,
        bytes: stored.bytes,
        durationMs: Math.round(mastered.durationMs),
        loudnessLufs: mastered.loudnessLufs,
        truePeakDb: mastered.truePeakDb,
      });
      const unit = await this.unit(current.unitId, manager);
      await this.makeReady(manager, unit, current, new Date());
    });
  }

  /**
   * Marks ready, and writes `audio.produced` when this is a new radio piece: the first ready audio of its
   * article (a re-synthesis is not a new piece), or any uploaded programme not made for an article.
   */
  private async makeReady(manager: EntityManager, unit: Unit, audio: Audio, at: Date): Promise<void> {
    audio.status = 'ready';
    audio.error = null;
    audio.readyAt = at;
    await manager.getRepository(Audio).save(audio);
    if (audio.articleId) {
      // The article's portal page gets its "Nghe bài viết" player.
      await notifyPortalChanged(manager, unit.id);
      await lockKeyed(manager, 'audioArticle', audio.articleId);
      const [earlier] = await manager.query<unknown[]>(
        `SELECT 1 FROM audios WHERE unit_id = $1 AND article_id = $2 AND status = 'ready' AND id <> $3 LIMIT 1`,
        [unit.id, audio.articleId, audio.id],
      );
      if (earlier) {
        return;
      }
    }
    const categories = await this.categoriesOf(manager, unit.id, audio);
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
        url: audio.fileKey ? `${MEDIA_URL_PREFIX}${audio.fileKey}` : null,
        jingles: audio.jingles,
        categories,
        countsAsCchc: categories.some((c) => c.countsAsCchc),
      },
    });
  }

  private async categoriesOf(
    manager: EntityManager,
    unitId: string,
    audio: Audio,
  ): Promise<{ id: string; name: string; countsAsCchc: boolean }[]> {
    const ids = audio.articleId
      ? await this.articles.categoryIds(audio.articleId, manager)
      : audio.categoryId
        ? [audio.categoryId]
        : [];
    if (ids.length === 0) {
      return [];
    }
    return manager.query(
      `SELECT id, name, counts_as_cchc AS "countsAsCchc" FROM categories WHERE unit_id = $1 AND id = ANY($2)
       ORDER BY position, name`,
      [unitId, ids],
    );
  }

  private async fail(audio: Audio, error: unknown): Promise<void> {
    const reason =
      error instanceof DomainException
        ? error.message
        : `Lỗi khi tạo âm thanh: ${error instanceof Error ? error.message : String(error)}`;
    if (!(error instanceof DomainException)) {
      this.logger.error({ err: error, audioId: audio.id }, 'Tạo âm thanh thất bại');
    }
    await this.dataSource
      .getRepository(Audio)
      .update({ id: audio.id, status: 'processing' }, { status: 'failed', error: reason.slice(0, 2000) });
  }

  private async uploadFields(
    unit: Unit,
    fields: Record<string, string>,
  ): Promise<{
    title: string;
    articleId: string | null;
    categoryId: string | null;
    producedAt: Date | null;
  }> {
    const errors: { field: string; message: string }[] = [];
    const title = (fields.title ?? '').normalize('NFC').trim();
    if (!title) {
      errors.push({ field: 'title', message: 'Tên chương trình (title) là bắt buộc' });
    } else if (title.length > 500) {
      errors.push({ field: 'title', message: 'Tên chương trình (title) dài quá 500 ký tự' });
    }
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const articleId = fields.articleId?.trim() || null;
    if (articleId) {
      const article = uuid.test(articleId) ? await this.articles.find(articleId) : null;
      if (!article || article.unitId !== unit.id) {
        errors.push({ field: 'articleId', message: 'Bài viết (articleId) không có trong đơn vị' });
      }
    }
    const categoryId = fields.categoryId?.trim() || null;
    if (categoryId) {
      const [found] = uuid.test(categoryId)
        ? await this.dataSource.query<unknown[]>(`SELECT 1 FROM categories WHERE unit_id = $1 AND id = $2`, [
            unit.id,
            categoryId,
          ])
        : [];
      if (!found) {
        errors.push({ field: 'categoryId', message: 'Chuyên mục (categoryId) không có trong đơn vị' });
      }
    }
    let producedAt: Date | null = null;
    if (fields.producedAt?.trim()) {
      const value = fields.producedAt.trim();
      const parsed = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)
        ? new Date(value.length === 10 ? `${value}T00:00:00+07:00` : value)
        : null;
      if (!parsed || Number.isNaN(parsed.getTime())) {
        errors.push({
          field: 'producedAt',
          message:
            'Thời điểm sản xuất (producedAt) phải là ngày giờ ISO 8601, ví dụ 2024-05-20T07:00:00+07:00',
        });
      } else if (parsed.getTime() > Date.now() + 60_000) {
        errors.push({
          field: 'producedAt',
          message: 'Thời điểm sản xuất (producedAt) không được ở tương lai',
        });
      } else {
        producedAt = parsed;
      }
    }
    if (errors.length > 0) {
      throw new ValidationException(errors);
    }
    return { title, articleId, categoryId, producedAt };
  }

  private async unit(id: string, manager?: EntityManager): Promise<Unit> {
    const unit = await this.units.findById(id, manager);
    if (!unit) {
      throw new NotFoundException('đơn vị');
    }
    return unit;
  }
}

const DEFAULT_JINGLES: AudioJingles = { intro: 'default', outro: 'default' };

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function minutes(ms: number): string {
  return Math.round(ms / 60_000).toLocaleString('vi-VN');
}

function extensionOf(format: string): string {
  const known: Record<string, string> = {
    mp3: 'mp3',
    wav: 'wav',
    m4a: 'm4a',
    mp4: 'm4a',
    ogg: 'ogg',
    flac: 'flac',
  };
  return known[format] ?? 'bin';
}

export function toResponse(a: Audio): AudioResponse {
  return {
    id: a.id,
    unitId: a.unitId,
    articleId: a.articleId,
    categoryId: a.categoryId,
    title: a.title,
    kind: a.kind,
    status: a.status,
    provider: a.provider,
    requestedProvider: a.requestedProvider,
    fallbackReason: a.fallbackReason,
    voice: a.voice,
    speakingRate: a.speakingRate,
    durationMs: a.durationMs,
    loudnessLufs: a.loudnessLufs,
    truePeakDb: a.truePeakDb,
    targetLufs: a.targetLufs,
    normalizedText: a.normalizedText,
    url: a.status === 'ready' && a.fileKey ? `${MEDIA_URL_PREFIX}${a.fileKey}` : null,
    sha256: a.sha256,
    error: a.error,
    jingles: a.jingles
      ? { intro: jingleSourceOf(a.jingles.intro), outro: jingleSourceOf(a.jingles.outro) }
      : null,
    producedAt: a.producedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    readyAt: a.readyAt?.toISOString() ?? null,
  };
}
