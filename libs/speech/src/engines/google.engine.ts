import { TextToSpeechClient } from '@google-cloud/text-to-speech';
import { ClientOptions, grpc } from 'google-gax';
import { chunkText, GOOGLE_MAX_INPUT_BYTES } from './text-chunks';
import { DEFAULT_RETRY, RetryPolicy, withRetry } from './google-errors';
import { checkSpeakingRate, SynthesisRequest, SynthesisResult, TtsEngine, TtsError } from './tts-engine';
import { joinWavs, parseWav } from '@app/sound';

export type GoogleTransport = 'grpc' | 'rest';

export interface GoogleEngineOptions {
  /** Default voice name (GOOGLE_TTS_VOICE), e.g. vi-VN-Wavenet-A. */
  voice: string;
  /** `host:port` of another endpoint (GOOGLE_TTS_ENDPOINT); Google's own when unset. */
  endpoint?: string;
  /** Plaintext to `endpoint`, no credentials (GOOGLE_TTS_INSECURE; tests only). */
  insecure?: boolean;
  /** gRPC (the default) or REST over HTTP/1.1 (`fallback`), for networks that block HTTP/2. */
  transport?: GoogleTransport;
  retry?: Partial<RetryPolicy>;
  /** Per request. */
  timeoutMs?: number;
  maxRequestBytes?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Added to the client options last (tests pass an auth client for REST). */
  clientOptions?: ClientOptions;
}

export interface VoiceInfo {
  name: string;
  languageCodes: string[];
  gender: 'MALE' | 'FEMALE' | 'NEUTRAL' | 'SSML_VOICE_GENDER_UNSPECIFIED';
  naturalSampleRateHertz: number;
}

const GENDERS = ['SSML_VOICE_GENDER_UNSPECIFIED', 'MALE', 'FEMALE', 'NEUTRAL'] as const;

/** `host:port`, `[v6]:port`. */
export function parseEndpoint(endpoint: string): { host: string; port: number } {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s]+):(\d{1,5})$/.exec(endpoint.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65535) {
    throw new TtsError(
      `GOOGLE_TTS_ENDPOINT phải có dạng máy:cổng (đang là "${endpoint}")`,
      'invalid-request',
      false,
    );
  }
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

/** The language of a voice name: vi-VN-Wavenet-A → vi-VN. */
export function languageOfVoice(voice: string): string {
  return voice.split('-').slice(0, 2).join('-');
}

/**
 * Google Cloud Text-to-Speech. Asks for LINEAR16 (a WAV at the voice's natural rate; mastering makes the
 * MP3, Google's own MP3 is fixed at 32 kbps). Long text goes in several requests of at most 5,000 bytes,
 * cut at sentence ends, and the WAVs are joined. Transient failures are retried here (the client's own
 * retry is turned off so that one policy, one count and one error type apply to both transports).
 */
export class GoogleEngine implements TtsEngine {
  readonly name = 'google' as const;
  private client: TextToSpeechClient | undefined;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: GoogleEngineOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** The options given to the client library (exported for the config check and the tests). */
  clientOptions(): ClientOptions {
    const o = this.options;
    const result: ClientOptions = {};
    if (o.endpoint) {
      const { host, port } = parseEndpoint(o.endpoint);
      // The port must be its own option: "host:port" as apiEndpoint resolves to host:port:443.
      Object.assign(result, { apiEndpoint: host, port });
    }
    if (o.transport === 'rest') {
      result.fallback = true;
    }
    if (o.insecure) {
      if (!o.endpoint) {
        throw new TtsError(
          'GOOGLE_TTS_INSECURE chỉ dùng được cùng GOOGLE_TTS_ENDPOINT',
          'invalid-request',
          false,
        );
      }
      if (o.transport === 'rest') {
        // REST always goes through an auth client; an API key is the one that needs no credentials file.
        // Node's own fetch for a local fake: gaxios would `import('node-fetch')`, which jest's VM refuses.
        Object.assign(result, {
          protocol: 'http',
          apiKey: 'insecure-test-endpoint',
          clientOptions: {
            transporterOptions: { fetchImplementation: globalThis.fetch },
            universeDomain: 'googleapis.com',
          },
        });
      } else {
        result.sslCreds = grpc.credentials.createInsecure();
        // The universe named, so the client does not look for credentials (and the GCE metadata server)
        // to learn it: a plaintext endpoint takes none.
        Object.assign(result, { clientOptions: { universeDomain: 'googleapis.com' } });
      }
    }
    // Otherwise: Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, or the metadata server).
    return { ...result, ...o.clientOptions };
  }

  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    const speakingRate = checkSpeakingRate(request.speakingRate);
    const voice = request.voice ?? this.options.voice;
    const chunks = chunkText(request.text, this.options.maxRequestBytes ?? GOOGLE_MAX_INPUT_BYTES);
    if (chunks.length === 0) {
      throw new TtsError('Không có nội dung để đọc', 'invalid-request', false);
    }
    const client = this.getClient();
    const pieces: Buffer[] = [];
    for (const text of chunks) {
      const [response] = await withRetry(
        () =>
          client.synthesizeSpeech(
            {
              input: { text },
              voice: { languageCode: languageOfVoice(voice), name: voice },
              audioConfig: { audioEncoding: 'LINEAR16', speakingRate },
            },
            { timeout: this.options.timeoutMs ?? 60_000, retry: null },
          ),
        this.retry,
        this.options.sleep,
      );
      const audio = response.audioContent;
      const wav = typeof audio === 'string' ? Buffer.from(audio, 'base64') : Buffer.from(audio ?? []);
      try {
        parseWav(wav);
      } catch (err) {
        throw new TtsError(
          `Google Text-to-Speech trả về dữ liệu âm thanh không đọc được: ${(err as Error).message}`,
          'bad-response',
          false,
        );
      }
      pieces.push(wav);
    }
    return { wav: joinWavs(pieces), engine: 'google', voice, speakingRate, requests: chunks.length };
  }

  /** The voices Google offers for a language (for the admin app's voice picker). */
  async listVoices(languageCode = 'vi-VN'): Promise<VoiceInfo[]> {
    const client = this.getClient();
    const [response] = await withRetry(
      () => client.listVoices({ languageCode }, { timeout: this.options.timeoutMs ?? 60_000, retry: null }),
      this.retry,
      this.options.sleep,
    );
    return (response.voices ?? [])
      .map((v) => ({
        name: v.name ?? '',
        languageCodes: v.languageCodes ?? [],
        gender:
          typeof v.ssmlGender === 'number'
            ? (GENDERS[v.ssmlGender] ?? GENDERS[0])
            : (v.ssmlGender ?? GENDERS[0]),
        naturalSampleRateHertz: v.naturalSampleRateHertz ?? 0,
      }))
      .filter((v) => v.name !== '')
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.close();
  }

  private getClient(): TextToSpeechClient {
    this.client ??= new TextToSpeechClient(this.clientOptions());
    return this.client;
  }
}
