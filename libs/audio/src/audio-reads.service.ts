import { Injectable } from '@nestjs/common';
import { NotFoundException, Page, Principal, toPage } from '@app/common';
import { MEDIA_URL_PREFIX } from '@app/media';
import { UnitAccess } from '@app/units';
import { jingleSourceOf } from './audio-jingles.service';
import { AudioResponse, ListAudioQueryDto, VoicesResponse } from './audio.dto';
import { Audio } from './audio.entity';
import { AudioRepository } from './audio.repository';
import { AUDIO_READERS } from './audio.roles';
import { SpeechPipeline } from './speech-pipeline';

/** What people read about audio: one piece, a unit's list, the engine's voices. */
@Injectable()
export class AudioReadsService {
  constructor(
    private readonly audios: AudioRepository,
    private readonly access: UnitAccess,
    private readonly speech: SpeechPipeline,
  ) {}

  async get(principal: Principal, id: string): Promise<AudioResponse> {
    const audio = await this.audios.find(id);
    if (!audio || !this.access.hasRole(principal, audio.unitId, AUDIO_READERS)) {
      throw new NotFoundException('bản tin âm thanh');
    }
    return toResponse(audio);
  }

  async list(principal: Principal, query: ListAudioQueryDto): Promise<Page<AudioResponse>> {
    await this.access.requireRole(principal, query.unitId, AUDIO_READERS);
    const [rows, total] = await this.audios.page({
      unitId: query.unitId,
      articleId: query.articleId,
      status: query.status,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return toPage(rows.map(toResponse), total, query);
  }

  async voices(): Promise<VoicesResponse> {
    const provider = this.speech.defaultProvider();
    return {
      provider,
      defaultVoice: this.speech.defaultVoice(provider),
      voices: await this.speech.voices(provider),
    };
  }
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
