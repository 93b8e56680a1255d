import * as grpc from '@grpc/grpc-js';
import { loadConfig } from '@app/common';
import { createGoogleEngine, createTtsEngine } from './create-engine';
import { GoogleEngine } from './google.engine';
import { chunkText, GOOGLE_MAX_INPUT_BYTES } from './text-chunks';
import { TtsError } from './tts-engine';
import { parseWav, wavSeconds } from '@app/sound';
import {
  Fake,
  INVALID,
  startFakeGrpc,
  startFakeRest,
  UNAVAILABLE,
} from '../../../../test/support/fake-google-tts';

// ---- tests ----------------------------------------------------------------------------------------

const SENTENCE = 'Ủy ban nhân dân phường tổ chức tuyên truyền cải cách hành chính tại bộ phận một cửa.';
const LONG_TEXT = Array.from({ length: 130 }, (_, i) => `Câu ${i + 1}: ${SENTENCE}`).join(' ');

describe('GoogleEngine over gRPC (plaintext fake on 127.0.0.1)', () => {
  let fake: Fake;
  const engines: GoogleEngine[] = [];
  const sleeps: number[] = [];
  const engine = (overrides: Record<string, string> = {}): GoogleEngine => {
    const config = loadConfig({
      TTS_PROVIDER: 'google',
      GOOGLE_TTS_ENDPOINT: `127.0.0.1:${fake.port}`,
      GOOGLE_TTS_INSECURE: 'true',
      GOOGLE_TTS_VOICE: 'vi-VN-Standard-B',
      ...overrides,
    });
    const created = new GoogleEngine({
      voice: config.googleTtsVoice,
      endpoint: config.googleTtsEndpoint,
      insecure: config.googleTtsInsecure,
      transport: config.googleTtsTransport,
      retry: { maxAttempts: config.googleTtsMaxAttempts, baseDelayMs: 100, maxDelayMs: 400 },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    engines.push(created);
    return created;
  };

  beforeAll(async () => {
    fake = await startFakeGrpc();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.script.length = 0;
    sleeps.length = 0;
  });
  afterAll(async () => {
    await Promise.all(engines.map((e) => e.close()));
    await fake.stop();
  });

  it('splits a long text at sentence ends into requests of at most 5,000 bytes and joins the WAVs', async () => {
    expect(Buffer.byteLength(LONG_TEXT)).toBeGreaterThan(2 * GOOGLE_MAX_INPUT_BYTES);
    const result = await engine().synthesize({ text: LONG_TEXT.normalize('NFD'), speakingRate: 1.25 });

    const expected = chunkText(LONG_TEXT).length;
    expect(expected).toBeGreaterThanOrEqual(3);
    expect(fake.requests.length).toBe(expected);
    for (const request of fake.requests) {
      expect(Buffer.byteLength(request.text, 'utf8')).toBeLessThanOrEqual(GOOGLE_MAX_INPUT_BYTES);
      expect(request.text).toMatch(/^Câu \d+: /);
      expect(request.text).toMatch(/một cửa\.$/);
      expect(request.text).toBe(request.text.normalize('NFC'));
    }
    expect(fake.requests.map((r) => r.text).join(' ')).toBe(LONG_TEXT);
    expect(result).toMatchObject({
      engine: 'google',
      voice: 'vi-VN-Standard-B',
      speakingRate: 1.25,
      requests: expected,
    });
    expect(parseWav(result.wav).sampleRate).toBe(24000);
    expect(wavSeconds(result.wav)).toBeCloseTo(0.25 * expected, 3); // every piece, in one WAV
  });

  it('sends the voice and LINEAR16 audioConfig, and no credentials', async () => {
    await engine().synthesize({ text: SENTENCE, voice: 'vi-VN-Wavenet-A', speakingRate: 0.9 });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].voice).toEqual({ languageCode: 'vi-VN', name: 'vi-VN-Wavenet-A' });
    expect(fake.requests[0].audioConfig).toMatchObject({ audioEncoding: 'LINEAR16', speakingRate: 0.9 });
    expect(fake.requests[0].headers.authorization).toBeUndefined();
  });

  it('retries UNAVAILABLE with backoff, then succeeds', async () => {
    fake.script.push(UNAVAILABLE, UNAVAILABLE);
    const result = await engine().synthesize({ text: SENTENCE });
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]).toBeGreaterThanOrEqual(100); // the second wait is of the doubled step
    expect(result.engine).toBe('google');
  });

  it('gives up after GOOGLE_TTS_MAX_ATTEMPTS with a Vietnamese message', async () => {
    fake.script.push(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE);
    const failure = engine({ GOOGLE_TTS_MAX_ATTEMPTS: '2' }).synthesize({ text: SENTENCE });
    await expect(failure).rejects.toThrow(TtsError);
    await expect(failure).rejects.toThrow(/tạm thời không truy cập được \(UNAVAILABLE, sau 2 lần thử\)/);
    expect(fake.requests).toHaveLength(2);
  });

  it('does not retry INVALID_ARGUMENT', async () => {
    fake.script.push(INVALID);
    await expect(engine().synthesize({ text: SENTENCE })).rejects.toMatchObject({
      kind: 'invalid-request',
      transient: false,
      detail: { grpcCode: grpc.status.INVALID_ARGUMENT },
    });
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toHaveLength(0);
  });

  it('lists the vi-VN voices for the admin app', async () => {
    const voices = await engine().listVoices('vi-VN');
    expect(fake.voiceQueries).toContain('vi-VN');
    expect(voices).toEqual([
      { name: 'vi-VN-Standard-B', languageCodes: ['vi-VN'], gender: 'MALE', naturalSampleRateHertz: 24000 },
      { name: 'vi-VN-Wavenet-A', languageCodes: ['vi-VN'], gender: 'FEMALE', naturalSampleRateHertz: 24000 },
    ]);
  });

  it('maps a refused connection to a transient error', async () => {
    const down = new GoogleEngine({
      voice: 'vi-VN-Wavenet-A',
      endpoint: '127.0.0.1:1',
      insecure: true,
      retry: { maxAttempts: 1 },
      timeoutMs: 5000,
    });
    engines.push(down);
    await expect(down.synthesize({ text: SENTENCE })).rejects.toMatchObject({
      kind: 'unavailable',
      transient: true,
    });
  });
});

describe('GoogleEngine over REST (fallback transport, plain HTTP fake)', () => {
  let fake: Fake;
  let engine: GoogleEngine;
  const sleeps: number[] = [];

  beforeAll(async () => {
    fake = await startFakeRest();
    const config = loadConfig({
      TTS_PROVIDER: 'google',
      GOOGLE_TTS_ENDPOINT: `127.0.0.1:${fake.port}`,
      GOOGLE_TTS_INSECURE: 'true',
      GOOGLE_TTS_TRANSPORT: 'rest',
    });
    engine = new GoogleEngine({
      voice: config.googleTtsVoice,
      endpoint: config.googleTtsEndpoint,
      insecure: config.googleTtsInsecure,
      transport: config.googleTtsTransport,
      retry: { baseDelayMs: 50, maxDelayMs: 100 },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.script.length = 0;
  });
  afterAll(async () => {
    await engine.close();
    await fake.stop();
  });

  it('synthesizes with numeric enums over HTTP/1.1 and chunks the same way', async () => {
    const result = await engine.synthesize({ text: LONG_TEXT, speakingRate: 1 });
    expect(fake.requests.length).toBe(chunkText(LONG_TEXT).length);
    expect(fake.requests.every((r) => Buffer.byteLength(r.text) <= GOOGLE_MAX_INPUT_BYTES)).toBe(true);
    expect(fake.requests[0].voice).toEqual({ languageCode: 'vi-VN', name: 'vi-VN-Wavenet-A' });
    expect(fake.requests[0].audioConfig).toMatchObject({ audioEncoding: 1, speakingRate: 1 }); // 1 = LINEAR16
    expect(fake.requests[0].headers['x-goog-api-key']).toBe('insecure-test-endpoint');
    expect(wavSeconds(result.wav)).toBeCloseTo(0.25 * fake.requests.length, 3);
  });

  it('retries an HTTP 503, then succeeds', async () => {
    fake.script.push(UNAVAILABLE);
    await expect(engine.synthesize({ text: SENTENCE })).resolves.toMatchObject({ engine: 'google' });
    expect(fake.requests).toHaveLength(2);
  });

  it('maps an HTTP 400 INVALID_ARGUMENT to the same error type, without retrying', async () => {
    fake.script.push(INVALID);
    const failure = engine.synthesize({ text: SENTENCE });
    await expect(failure).rejects.toBeInstanceOf(TtsError);
    await expect(failure).rejects.toMatchObject({ kind: 'invalid-request', transient: false });
    await expect(failure).rejects.toThrow(/từ chối yêu cầu .*INVALID_ARGUMENT.*bad voice/);
    expect(fake.requests).toHaveLength(1);
  });

  it('lists voices over REST', async () => {
    await expect(engine.listVoices()).resolves.toHaveLength(2);
    expect(fake.voiceQueries).toContain('vi-VN');
  });
});

describe('Google failing: the offline engine speaks (real espeak-ng)', () => {
  let fake: Fake;
  beforeAll(async () => {
    fake = await startFakeGrpc();
  });
  afterAll(async () => {
    await fake.stop();
  });

  const env = (extra: Record<string, string>) =>
    loadConfig({
      TTS_PROVIDER: 'google',
      GOOGLE_TTS_ENDPOINT: `127.0.0.1:${fake.port}`,
      GOOGLE_TTS_INSECURE: 'true',
      GOOGLE_TTS_MAX_ATTEMPTS: '2',
      ...extra,
    });

  it('records which engine spoke and why', async () => {
    fake.script.push(UNAVAILABLE, UNAVAILABLE);
    const engine = createTtsEngine(env({}));
    try {
      const result = await engine.synthesize({ text: SENTENCE, voice: 'vi-VN-Wavenet-A' });
      expect(fake.requests).toHaveLength(2); // Google's retries first
      expect(result.engine).toBe('espeak');
      expect(result.voice).toBe('vi');
      expect(result.fallback).toMatchObject({ from: 'google', kind: 'unavailable' });
      expect(result.fallback?.reason).toMatch(/sau 2 lần thử/);
      expect(parseWav(result.wav).sampleRate).toBe(22050); // espeak's rate, not the fake's 24 kHz
      expect(wavSeconds(result.wav)).toBeGreaterThan(2);
    } finally {
      await engine.close();
    }
  });

  it('fails the audio when TTS_FALLBACK=none', async () => {
    fake.requests.length = 0;
    fake.script.push(UNAVAILABLE, UNAVAILABLE);
    const engine = createGoogleEngine(env({ TTS_FALLBACK: 'none' }));
    expect(createTtsEngine(env({ TTS_FALLBACK: 'none' }))).toBeInstanceOf(GoogleEngine);
    try {
      await expect(engine.synthesize({ text: SENTENCE })).rejects.toMatchObject({ kind: 'unavailable' });
    } finally {
      await engine.close();
    }
  });
});
