import { CronTime } from 'cron';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

/** Runtime configuration. The environment names are part of the contract (design.md §2). */
export interface AppConfig {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  mediaDir: string;
  bootstrapAdminPassword: string | undefined;
  jwtSecret: string | undefined;
  jwtExpiresInSeconds: number;
  ttsProvider: 'espeak' | 'google';
  /** When Google fails after its retries: `espeak` speaks instead, `none` fails the audio. */
  ttsFallback: 'espeak' | 'none';
  googleTtsEndpoint: string | undefined;
  googleTtsInsecure: boolean;
  googleTtsVoice: string;
  /** gRPC, or REST over HTTP/1.1 where a proxy blocks HTTP/2. */
  googleTtsTransport: 'grpc' | 'rest';
  /** Attempts per Google request, the first included (transient errors only). */
  googleTtsMaxAttempts: number;
  ffmpegPath: string | undefined;
  /** ffmpeg processes at once per process; one per two cores by default. */
  ffmpegConcurrency: number;
  logLevel: string;
  bodyLimitBytes: number;
  loginRateLimit: { limit: number; windowSeconds: number };
  /** Behind a load balancer: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Port of the embedded PostgreSQL; 0 picks a free one at each start. */
  embeddedPgPort: number;
  /** How often the worker publishes scheduled articles (cron with seconds, Asia/Ho_Chi_Minh). */
  publishCheckCron: string;
  /** When the worker generates tomorrow's daily plans (cron with seconds, Vietnam time). */
  planGenerateCron: string;
  /** PUBLIC_URL without a trailing slash: absolute portal links, and a host name no unit may map. */
  publicUrl: string | undefined;
  /** How long a stopping worker waits for its running jobs before handing them back to the queue. */
  workerStopTimeoutSeconds: number;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} phải là số nguyên từ ${min} đến ${max} (đang là "${raw}")`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (raw === 'true' || raw === '1') {
    return true;
  }
  if (raw === 'false' || raw === '0') {
    return false;
  }
  throw new ConfigError(`${name} phải là true hoặc false (đang là "${raw}")`);
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} phải là ${values.join(' hoặc ')} (đang là "${raw}")`);
  }
  return raw as T;
}

function endpoint(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = optional(env, name);
  const match = value === undefined ? null : /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s]+):(\d{1,5})$/.exec(value);
  if (value !== undefined && (!match || Number(match[2]) < 1 || Number(match[2]) > 65535)) {
    throw new ConfigError(`${name} phải có dạng máy:cổng, ví dụ 127.0.0.1:50051 (đang là "${value}")`);
  }
  return value;
}

function publicUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = optional(env, name);
  if (value === undefined) {
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(
      `${name} phải là địa chỉ http(s) như https://cong.tinh.gov.vn (đang là "${value}")`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function cron(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name] || fallback;
  try {
    new CronTime(value);
  } catch {
    throw new ConfigError(`${name} phải là biểu thức cron hợp lệ (đang là "${value}")`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const tts = env.TTS_PROVIDER ?? 'espeak';
  if (tts !== 'espeak' && tts !== 'google') {
    throw new ConfigError(`TTS_PROVIDER phải là espeak hoặc google (đang là "${tts}")`);
  }
  const googleTtsEndpoint = endpoint(env, 'GOOGLE_TTS_ENDPOINT');
  const googleTtsInsecure = bool(env, 'GOOGLE_TTS_INSECURE', false);
  if (googleTtsInsecure && !googleTtsEndpoint) {
    // Plaintext without credentials only makes sense towards a local fake, never towards Google.
    throw new ConfigError('GOOGLE_TTS_INSECURE=true cần GOOGLE_TTS_ENDPOINT (máy:cổng của máy chủ thử)');
  }
  const googleTtsVoice = env.GOOGLE_TTS_VOICE || 'vi-VN-Wavenet-A';
  if (!/^[a-z]{2,3}-[A-Z]{2}-[A-Za-z0-9-]+$/.test(googleTtsVoice)) {
    throw new ConfigError(
      `GOOGLE_TTS_VOICE phải là tên giọng đọc như vi-VN-Wavenet-A (đang là "${googleTtsVoice}")`,
    );
  }
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl: optional(env, 'DATABASE_URL'),
    mediaDir: resolve(env.MEDIA_DIR || './media'),
    bootstrapAdminPassword: optional(env, 'BOOTSTRAP_ADMIN_PASSWORD'),
    jwtSecret: optional(env, 'JWT_SECRET'),
    jwtExpiresInSeconds: int(env, 'JWT_EXPIRES_IN_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    ttsProvider: tts,
    ttsFallback: oneOf(env, 'TTS_FALLBACK', ['espeak', 'none'], 'espeak'),
    googleTtsEndpoint,
    googleTtsInsecure,
    googleTtsVoice,
    googleTtsTransport: oneOf(env, 'GOOGLE_TTS_TRANSPORT', ['grpc', 'rest'], 'grpc'),
    googleTtsMaxAttempts: int(env, 'GOOGLE_TTS_MAX_ATTEMPTS', 4, 1, 10),
    ffmpegPath: optional(env, 'FFMPEG_PATH'),
    ffmpegConcurrency: int(env, 'FFMPEG_CONCURRENCY', Math.max(1, Math.floor(cpus().length / 2)), 1, 64),
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    loginRateLimit: {
      limit: int(env, 'LOGIN_RATE_LIMIT', 10, 1, 10000),
      windowSeconds: int(env, 'LOGIN_RATE_WINDOW_SECONDS', 300, 1, 86400),
    },
    trustProxy: bool(env, 'TRUST_PROXY', false),
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 0, 0, 65535),
    publishCheckCron: cron(env, 'PUBLISH_CHECK_CRON', '0 * * * * *'),
    planGenerateCron: cron(env, 'PLAN_GENERATE_CRON', '0 0 18 * * *'),
    publicUrl: publicUrl(env, 'PUBLIC_URL'),
    // The longest article's speech takes under a minute even on a busy two-core PC.
    workerStopTimeoutSeconds: int(env, 'WORKER_STOP_TIMEOUT_SECONDS', 60, 1, 3600),
  };
}

/**
 * Reads a secret kept in DATA_DIR, creating it on first use (the embedded PostgreSQL's password). The JWT
 * signing key is not one of these: replicas share it through the database (libs/auth jwt-secret.ts).
 */
export function readOrCreateSecret(dataDir: string, name: string, bytes = 48): string {
  const file = join(dataDir, 'secrets', name);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw err;
    }
  }
  mkdirSync(join(dataDir, 'secrets'), { recursive: true, mode: 0o700 });
  const secret = randomBytes(bytes).toString('base64url');
  try {
    // 'wx': if another process created it meanwhile, keep theirs.
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return readFileSync(file, 'utf8').trim();
    }
    throw err;
  }
}
