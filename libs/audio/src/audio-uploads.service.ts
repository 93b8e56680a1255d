import { Injectable } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { DataSource, EntityManager } from 'typeorm';
import { Article, ArticlesRepository, CategoriesService } from '@app/articles';
import { Principal, UploadFile } from '@app/common';
import { MediaStorage } from '@app/media';
import { QueueService } from '@app/queue';
import { Unit, UnitAccess } from '@app/units';
import { SPEAKABLE } from './audio-production.service';
import { UploadAudioFields, validateUploadFields } from './audio-upload.dto';
import { AudioAccepted } from './audio.dto';
import { AudioException } from './audio.exception';
import { AudioRepository } from './audio.repository';
import { AUDIO_PRODUCERS, PUBLIC_AUDIO_KEEPERS } from './audio.roles';
import { loudnessTargetOf, MAX_PENDING_PER_ARTICLE, UPLOAD_MAX_MS } from './limits';
import { SpeechPipeline } from './speech-pipeline';

/**
 * Uploaded programmes (mp3, wav, m4a…). The rules (who, the fields, the article's state) are checked
 * apart from the bytes: first before the file is read, again under the article's lock when the audio is
 * written. `producedAt` in the past makes a historical programme moved from an old archive: counted at
 * that time, its evidence marked `import`.
 */
@Injectable()
export class AudioUploadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: UnitAccess,
    private readonly articles: ArticlesRepository,
    private readonly categories: CategoriesService,
    private readonly audios: AudioRepository,
    private readonly media: MediaStorage,
    private readonly queue: QueueService,
    private readonly speech: SpeechPipeline,
  ) {}

  /** Who may upload is settled before the file is read (see the controller). */
  async assertMayUpload(principal: Principal, unitId: string): Promise<Unit> {
    return this.access.requireRole(principal, unitId, AUDIO_PRODUCERS);
  }

  async upload(principal: Principal, unitId: string, upload: UploadFile): Promise<AudioAccepted> {
    const unit = await this.assertMayUpload(principal, unitId);
    const fields = await this.checkFields(principal, unit, upload.fields);
    // The bytes: read by content (the file name is not trusted), the original kept.
    const probed = await this.speech.probe(upload.path, UPLOAD_MAX_MS);
    if (probed.durationMs > UPLOAD_MAX_MS) {
      throw AudioException.fileTooLong(minutes(probed.durationMs), minutes(UPLOAD_MAX_MS));
    }
    if (probed.durationMs < 500) {
      throw AudioException.fileSilent();
    }
    const stored = await this.media.put('uploads', createReadStream(upload.path), extensionOf(probed.format));
    return this.accept(principal, unit, fields, stored.key);
  }

  /** The upload's rules: valid fields (400), an approved or published article of the unit, who may tie it. */
  async checkFields(
    principal: Principal,
    unit: Unit,
    raw: Record<string, string>,
  ): Promise<UploadAudioFields> {
    const fields = await validateUploadFields(raw);
    if (fields.articleId) {
      await this.articleFor(principal, unit, fields.articleId, this.dataSource.manager, false);
    }
    if (fields.categoryId) {
      await this.categories.resolve(this.dataSource.manager, unit.id, [fields.categoryId], 'categoryId');
    }
    return fields;
  }

  /** Writes the audio and queues its mastering; the article's state is checked again under its lock. */
  private accept(
    principal: Principal,
    unit: Unit,
    fields: UploadAudioFields,
    sourceKey: string,
  ): Promise<AudioAccepted> {
    return this.dataSource.transaction(async (manager) => {
      if (fields.articleId) {
        await this.articleFor(principal, unit, fields.articleId, manager, true);
        await this.audios.lockArticle(fields.articleId, manager);
        if ((await this.audios.countPending(unit.id, fields.articleId, manager)) >= MAX_PENDING_PER_ARTICLE) {
          throw AudioException.tooManyPending(MAX_PENDING_PER_ARTICLE);
        }
      }
      const audio = this.audios.create(
        {
          unitId: unit.id,
          articleId: fields.articleId,
          categoryId: fields.categoryId,
          title: fields.title,
          kind: 'upload',
          status: 'queued',
          requestedProvider: 'upload',
          provider: 'upload',
          sourceKey,
          targetLufs: loudnessTargetOf(unit),
          producedAt: fields.producedAt,
          createdBy: principal.id,
        },
        manager,
      );
      await this.audios.insert(audio, manager);
      await this.queue.enqueue(
        'audio.master-upload',
        { audioId: audio.id },
        { manager, singletonKey: audio.id },
      );
      return { audioId: audio.id, status: audio.status };
    });
  }

  /**
   * The article a recording is of: of this unit (400), approved or published (409), and, when published,
   * uploaded by one who may publish: the recording becomes its public audio at once (403).
   */
  private async articleFor(
    principal: Principal,
    unit: Unit,
    articleId: string,
    manager: EntityManager,
    lock: boolean,
  ): Promise<Article> {
    const article = await this.articles.find(articleId, { manager, lock });
    if (!article || article.unitId !== unit.id) {
      throw AudioException.uploadArticleNotInUnit();
    }
    if (!SPEAKABLE.includes(article.status)) {
      throw AudioException.uploadArticleNotApproved(article.status);
    }
    if (article.status === 'published' && !this.access.hasRole(principal, unit.id, PUBLIC_AUDIO_KEEPERS)) {
      throw AudioException.publicAudioNeedsPublisher();
    }
    return article;
  }
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
