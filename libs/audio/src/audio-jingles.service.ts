import { Injectable } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { EntityManager } from 'typeorm';
import { Principal, UploadFile, ValidationException } from '@app/common';
import { MEDIA_URL_PREFIX, MediaStorage } from '@app/media';
import { UnitAccess } from '@app/units';
import { AudioJingle, JINGLE_KINDS, JingleKind, JingleSource } from './audio-jingle.entity';
import { AudioJingles } from './audio.entity';
import { JingleResponse, JinglesResponse } from './audio.dto';
import { JINGLE_MAX_MS, JINGLE_MIN_MS, loudnessTargetOf, MUSIC_KBPS, SPEECH_KBPS } from './limits';
import { JingleFile, SpeechPipeline } from './speech-pipeline';
import { AudioException } from './audio.exception';
import { AudioRepository } from './audio.repository';
import { AUDIO_READERS, JINGLE_KEEPERS } from './audio.roles';

const LABEL: Record<JingleKind, string> = { intro: 'Nhạc mở đầu', outro: 'Nhạc kết thúc' };

/**
 * A unit's intro and outro (nhạc hiệu). Without a choice, spoken pieces get the generated default tones;
 * a unit may upload its own file (mp3, wav, m4a: read by content) or choose none. What each audio was
 * mastered with is written on it when it is requested, so changing a jingle later changes the cache key
 * of new requests and never the file of one already made.
 */
@Injectable()
export class AudioJinglesService {
  /** The generated default's preview, stored once per side and loudness target. */
  private readonly defaults = new Map<string, Promise<string>>();

  constructor(
    private readonly audios: AudioRepository,
    private readonly access: UnitAccess,
    private readonly media: MediaStorage,
    private readonly speech: SpeechPipeline,
  ) {}

  async get(principal: Principal, unitId: string): Promise<JinglesResponse> {
    const target = loudnessTargetOf(await this.access.requireRole(principal, unitId, AUDIO_READERS));
    const rows = await this.audios.jingles(unitId);
    const [intro, outro] = await Promise.all(
      JINGLE_KINDS.map((kind) =>
        this.response(
          kind,
          rows.find((r) => r.kind === kind),
          target,
        ),
      ),
    );
    return { intro, outro };
  }

  /** Who may change the jingles is settled before the file is read (see the controller). */
  async assertMayChange(principal: Principal, unitId: string): Promise<void> {
    await this.access.requireRole(principal, unitId, JINGLE_KEEPERS);
  }

  /** The unit's own file for one side: probed by content, kept as sent. */
  async upload(
    principal: Principal,
    unitId: string,
    kind: JingleKind,
    upload: UploadFile,
  ): Promise<JingleResponse> {
    await this.assertMayChange(principal, unitId);
    const probed = await this.speech.probe(upload.path, JINGLE_MAX_MS);
    if (probed.durationMs > JINGLE_MAX_MS) {
      const message = `${LABEL[kind]} dài ${seconds(probed.durationMs)} giây, quá giới hạn ${seconds(JINGLE_MAX_MS)} giây`;
      throw new ValidationException([{ field: 'file', message }]);
    }
    if (probed.durationMs < JINGLE_MIN_MS) {
      const message = `${LABEL[kind]} ngắn quá (${seconds(probed.durationMs)} giây): cần ít nhất ${seconds(JINGLE_MIN_MS)} giây`;
      throw new ValidationException([{ field: 'file', message }]);
    }
    const stored = await this.media.put('jingles', createReadStream(upload.path), probed.format);
    const fileName = (upload.filename || `${kind}.${probed.format}`).normalize('NFC').slice(0, 255);
    await this.save(unitId, kind, {
      source: 'custom',
      fileKey: stored.key,
      sha256: stored.sha256,
      fileName,
      durationMs: probed.durationMs,
      updatedBy: principal.id,
    });
    return this.responseOf(principal, unitId, kind);
  }

  /** Back to the generated default, or no jingle on that side. */
  async choose(
    principal: Principal,
    unitId: string,
    kind: JingleKind,
    source: 'default' | 'none',
  ): Promise<JingleResponse> {
    await this.assertMayChange(principal, unitId);
    if (source === 'default') {
      await this.audios.deleteJingle(unitId, kind);
    } else {
      await this.save(unitId, kind, {
        source: 'none',
        fileKey: null,
        sha256: null,
        fileName: null,
        durationMs: null,
        updatedBy: principal.id,
      });
    }
    return this.responseOf(principal, unitId, kind);
  }

  /** What a spoken piece requested now is mastered with: written on the audio, part of its cache key. */
  async current(unitId: string, manager?: EntityManager): Promise<AudioJingles> {
    const rows = await this.audios.jingles(unitId, manager);
    const side = (kind: JingleKind): string => {
      const row = rows.find((r) => r.kind === kind);
      return !row ? 'default' : row.source === 'none' ? 'none' : row.fileKey!;
    };
    return { intro: side('intro'), outro: side('outro') };
  }

  /** The files to master with, and the bitrate (music jingles get more bits). */
  async forMastering(
    jingles: AudioJingles,
  ): Promise<{ intro: JingleFile; outro: JingleFile; bitrateKbps: number }> {
    const file = async (value: string, kind: JingleKind): Promise<JingleFile> => {
      if (value === 'default' || value === 'none') {
        return value;
      }
      if (!(await this.media.stat(value))) {
        throw AudioException.jingleFileMissing(LABEL[kind], value);
      }
      return { key: value };
    };
    return {
      intro: await file(jingles.intro, 'intro'),
      outro: await file(jingles.outro, 'outro'),
      bitrateKbps: bitrateFor(jingles),
    };
  }

  private async save(
    unitId: string,
    kind: JingleKind,
    values: Omit<AudioJingle, 'unitId' | 'kind' | 'unit' | 'updatedAt'>,
  ): Promise<void> {
    await this.audios.saveJingle(unitId, kind, values);
  }

  private async responseOf(principal: Principal, unitId: string, kind: JingleKind): Promise<JingleResponse> {
    return (await this.get(principal, unitId))[kind];
  }

  private async response(
    kind: JingleKind,
    row: AudioJingle | undefined,
    target: number,
  ): Promise<JingleResponse> {
    if (row?.source === 'custom') {
      return {
        kind,
        source: 'custom',
        url: `${MEDIA_URL_PREFIX}${row.fileKey}`,
        fileName: row.fileName,
        durationMs: row.durationMs,
        sha256: row.sha256,
        updatedAt: row.updatedAt.toISOString(),
      };
    }
    if (row?.source === 'none') {
      const none = { url: null, fileName: null, durationMs: null, sha256: null };
      return { kind, source: 'none', ...none, updatedAt: row.updatedAt.toISOString() };
    }
    return {
      kind,
      source: 'default',
      url: await this.defaultUrl(kind, target),
      fileName: null,
      durationMs: null,
      sha256: null,
      updatedAt: null,
    };
  }

  /** The generated default, stored in media (content-named) so the admin app can play it. */
  private defaultUrl(kind: JingleKind, target: number): Promise<string> {
    const key = `${kind}|${target}`;
    let pending = this.defaults.get(key);
    if (!pending) {
      pending = this.speech
        .defaultJingle(kind, target)
        .then((wav) => this.media.put('jingles', wav, 'wav'))
        .then((stored) => stored.url);
      pending.catch(() => this.defaults.delete(key));
      this.defaults.set(key, pending);
    }
    return pending;
  }
}

/** 96 kbps when a side is the unit's own file (music), else 64 kbps (speech and tones). */
export function bitrateFor(jingles: AudioJingles): number {
  return [jingles.intro, jingles.outro].some((v) => jingleSourceOf(v) === 'custom')
    ? MUSIC_KBPS
    : SPEECH_KBPS;
}

/** One side of an audio's jingle record (`default`, `none` or a media key) as the API names it. */
export function jingleSourceOf(value: string): JingleSource {
  return value === 'default' || value === 'none' ? value : 'custom';
}

function seconds(ms: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(ms / 1000);
}
