import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
