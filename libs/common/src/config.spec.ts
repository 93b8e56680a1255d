import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig, readOrCreateSecret } from './config';

describe('loadConfig', () => {
  it('has the defaults of design.md §2', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(resolve('./data'));
    expect(config.mediaDir).toBe(resolve('./media'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.ttsProvider).toBe('espeak');
    expect(config.googleTtsInsecure).toBe(false);
    expect(config.jwtSecret).toBeUndefined();
  });

  it('reads every contract name', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/srv/data',
      DATABASE_URL: 'postgres://x/y',
      MEDIA_DIR: '/srv/media',
      BOOTSTRAP_ADMIN_PASSWORD: 'pw',
      JWT_SECRET: 'secret',
      TTS_PROVIDER: 'google',
      GOOGLE_TTS_ENDPOINT: '127.0.0.1:9999',
      GOOGLE_TTS_INSECURE: 'true',
      GOOGLE_TTS_VOICE: 'vi-VN-Standard-B',
      FFMPEG_PATH: '/usr/bin/ffmpeg',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/srv/data',
      databaseUrl: 'postgres://x/y',
      mediaDir: '/srv/media',
      bootstrapAdminPassword: 'pw',
      jwtSecret: 'secret',
      ttsProvider: 'google',
      googleTtsEndpoint: '127.0.0.1:9999',
      googleTtsInsecure: true,
      googleTtsVoice: 'vi-VN-Standard-B',
      ffmpegPath: '/usr/bin/ffmpeg',
    });
  });

  it('refuses values it cannot use, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ TTS_PROVIDER: 'azure' })).toThrow(/TTS_PROVIDER/);
    expect(() => loadConfig({ GOOGLE_TTS_INSECURE: 'yes' })).toThrow(/GOOGLE_TTS_INSECURE/);
  });
});

describe('loadConfig: speech', () => {
  it('defaults to espeak falling back, gRPC, 4 attempts, one ffmpeg per two cores', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      ttsFallback: 'espeak',
      googleTtsTransport: 'grpc',
      googleTtsMaxAttempts: 4,
      googleTtsVoice: 'vi-VN-Wavenet-A',
      googleTtsEndpoint: undefined,
      ffmpegPath: undefined,
    });
    expect(config.ffmpegConcurrency).toBe(Math.max(1, Math.floor(cpus().length / 2)));
  });

  it('reads the speech variables', () => {
    expect(
      loadConfig({
        TTS_FALLBACK: 'none',
        GOOGLE_TTS_TRANSPORT: 'rest',
        GOOGLE_TTS_MAX_ATTEMPTS: '2',
        GOOGLE_TTS_ENDPOINT: '[::1]:50051',
        FFMPEG_CONCURRENCY: '3',
      }),
    ).toMatchObject({
      ttsFallback: 'none',
      googleTtsTransport: 'rest',
      googleTtsMaxAttempts: 2,
      googleTtsEndpoint: '[::1]:50051',
      ffmpegConcurrency: 3,
    });
  });

  it.each([
    [{ TTS_FALLBACK: 'piper' }, /TTS_FALLBACK phải là espeak hoặc none/],
    [{ GOOGLE_TTS_TRANSPORT: 'http' }, /GOOGLE_TTS_TRANSPORT phải là grpc hoặc rest/],
    [{ GOOGLE_TTS_MAX_ATTEMPTS: '0' }, /GOOGLE_TTS_MAX_ATTEMPTS phải là số nguyên từ 1 đến 10/],
    [{ FFMPEG_CONCURRENCY: '1.5' }, /FFMPEG_CONCURRENCY phải là số nguyên/],
    [{ GOOGLE_TTS_ENDPOINT: '127.0.0.1' }, /GOOGLE_TTS_ENDPOINT phải có dạng máy:cổng/],
    [{ GOOGLE_TTS_ENDPOINT: 'localhost:70000' }, /GOOGLE_TTS_ENDPOINT phải có dạng máy:cổng/],
    [{ GOOGLE_TTS_INSECURE: 'true' }, /GOOGLE_TTS_INSECURE=true cần GOOGLE_TTS_ENDPOINT/],
    [{ GOOGLE_TTS_VOICE: 'Wavenet A' }, /GOOGLE_TTS_VOICE phải là tên giọng đọc/],
  ])('refuses %j with a Vietnamese message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('readOrCreateSecret', () => {
  it('creates a secret once and keeps it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secret-'));
    const first = readOrCreateSecret(dir, 'jwt-secret');
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readOrCreateSecret(dir, 'jwt-secret')).toBe(first);
    expect(readFileSync(join(dir, 'secrets', 'jwt-secret'), 'utf8').trim()).toBe(first);
    expect(readOrCreateSecret(dir, 'other')).not.toBe(first);
  });
});
