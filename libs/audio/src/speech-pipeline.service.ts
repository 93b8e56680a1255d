import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig, DomainException } from '@app/common';
import { MediaStorage, withMediaFile } from '@app/media';
import { AudioMastering, DEFAULT_LOUDNESS, sharedFfmpegRunner } from '@app/sound';
import {
  createGoogleEngine,
  createTtsEngine,
  EspeakEngine,
  ESPEAK_VOICES,
  GoogleEngine,
  LexiconService,
  normalizeForSpeech,
  TtsEngine,
} from '@app/speech';
import {
  JingleFile,
  LexiconEntry,
  Mastered,
  MasterRequest,
  Probed,
  SpeakRequest,
  SpeechPipeline,
  Spoken,
} from './speech-pipeline';

/** Changing what mastering does changes this, so cached audio made the old way is not reused. */
const MASTERING_VERSION = 3;
/** How long a list of Google's voices is trusted. */
const VOICES_TTL_MS = 10 * 60_000;

/**
 * The speech pipeline built from libs/speech: the normalizer with the unit's lexicon, the engine the
 * configuration names (Google with eSpeak behind it, or eSpeak alone), and ffmpeg mastering through the
 * process's one bounded runner. Jingles are made once and kept under DATA_DIR.
 */
@Injectable()
export class SpeechPipelineService extends SpeechPipeline implements OnApplicationShutdown {
  private readonly logger = new Logger('Speech');
  private readonly engines = new Map<string, TtsEngine>();
  private google?: GoogleEngine;
  private googleVoices?: { at: number; names: Promise<string[]> };
  private readonly mastering: AudioMastering;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lexiconService: LexiconService,
    private readonly media: MediaStorage,
  ) {
    super();
    this.mastering = new AudioMastering({
      ffmpeg: sharedFfmpegRunner({ ffmpegPath: config.ffmpegPath, concurrency: config.ffmpegConcurrency }),
      cacheDir: join(config.dataDir, 'speech-cache'),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...[...this.engines.values()].map((e) => e.close()), this.google?.close()]);
  }

  defaultProvider(): string {
    return this.config.ttsProvider;
  }

  defaultVoice(provider: string): string {
    return provider === 'google' ? this.config.googleTtsVoice : ESPEAK_VOICES[0];
  }

  async voices(provider: string): Promise<string[]> {
    if (provider !== 'google') {
      return [...ESPEAK_VOICES];
    }
    const now = Date.now();
    if (!this.googleVoices || now - this.googleVoices.at > VOICES_TTL_MS) {
      this.google ??= createGoogleEngine(this.config);
      const names = this.google
        .listVoices('vi-VN')
        .then((voices) => voices.map((v) => v.name))
        .catch((error: unknown) => {
          // Google unreachable: the configured voice is still a valid choice, and the next ask retries.
          this.logger.warn({ err: error }, 'Không lấy được danh sách giọng đọc của Google');
          this.googleVoices = undefined;
          return [this.config.googleTtsVoice];
        });
      this.googleVoices = { at: now, names };
    }
    return this.googleVoices.names;
  }

  lexicon(unitId: string): Promise<LexiconEntry[]> {
    return this.lexiconService.entries(unitId);
  }

  normalize(text: string, lexicon: LexiconEntry[]): string {
    return normalizeForSpeech(text, { lexicon });
  }

  async speak(request: SpeakRequest): Promise<Spoken> {
    // The engine the audio was queued for: Google (with eSpeak behind it as configured), or eSpeak.
    let engine = this.engines.get(request.provider);
    if (!engine) {
      engine =
        request.provider === 'google'
          ? createTtsEngine(
              { ...this.config, ttsProvider: 'google' },
              {
                warn: (fields, message) => this.logger.warn(fields, message),
              },
            )
          : new EspeakEngine();
      this.engines.set(request.provider, engine);
    }
    const result = await engine.synthesize({
      text: request.text,
      voice: request.voice,
      speakingRate: request.speakingRate,
    });
    return {
      wav: result.wav,
      provider: result.engine,
      voice: result.voice,
      fallbackReason: result.fallback ? result.fallback.reason : null,
    };
  }

  async master(request: MasterRequest): Promise<Mastered> {
    // The unit's jingles are read where media keeps them (the local driver's own files, no copy).
    return this.withJingle(request.intro, (intro) =>
      this.withJingle(request.outro, (outro) => this.masterWith(request, intro, outro)),
    );
  }

  private async masterWith(
    request: MasterRequest,
    intro: string | null | undefined,
    outro: string | null | undefined,
  ): Promise<Mastered> {
    const output = join(tmpdir(), `xa-master-${randomUUID()}.mp3`);
    try {
      const result = await this.mastering.master({
        input: request.inputPath,
        output,
        target: { integratedLufs: request.targetLufs },
        intro,
        outro,
        bitrateKbps: request.bitrateKbps,
      });
      // Streamed from ffmpeg's file straight into media storage (hashed on the way): not read into memory.
      const mp3 = createReadStream(output);
      mp3.once('close', () => void rm(output, { force: true }));
      return {
        mp3,
        loudnessLufs: result.integratedLufs,
        truePeakDb: result.truePeakDbtp,
        durationMs: Math.round(result.durationSeconds * 1000),
      };
    } catch (error) {
      await rm(output, { force: true });
      throw error;
    }
  }

  /** The port's jingle choice in AudioMastering's terms: undefined = generated default, null = none. */
  private async withJingle<T>(
    jingle: JingleFile,
    use: (file: string | null | undefined) => Promise<T>,
  ): Promise<T> {
    if (jingle === 'default') {
      return use(undefined);
    }
    if (jingle === 'none') {
      return use(null);
    }
    const result = await withMediaFile(this.media, jingle.key, async (path) => ({ value: await use(path) }));
    if (!result) {
      throw new DomainException('NOT_FOUND', `Không còn tệp nhạc hiệu của đơn vị (${jingle.key})`);
    }
    return result.value;
  }

  async probe(path: string, limitMs: number): Promise<Probed> {
    const result = await this.mastering.probe(path, { limitSeconds: limitMs / 1000 });
    return { format: result.container, durationMs: Math.round(result.durationSeconds * 1000) };
  }

  async defaultJingle(kind: 'intro' | 'outro', targetLufs: number): Promise<Buffer> {
    return readFile(
      await this.mastering.jingleFile(undefined, kind, { ...DEFAULT_LOUDNESS, integratedLufs: targetLufs }),
    );
  }

  masteringFingerprint(
    targetLufs: number,
    jingles: { intro: string; outro: string } | null,
    bitrateKbps: number,
  ): string {
    return JSON.stringify({
      v: MASTERING_VERSION,
      target: { ...DEFAULT_LOUDNESS, integratedLufs: targetLufs },
      jingles,
      mp3: { kbps: bitrateKbps, rate: 44100, channels: 1 },
    });
  }
}
