import { DomainException } from '@app/common';

export type EngineName = 'espeak' | 'google';

export interface SynthesisRequest {
  /** The spoken text, already normalized (numbers, dates, abbreviations written out). */
  text: string;
  /** Engine voice name; each engine has its default and ignores names it does not know. */
  voice?: string;
  /** 1 = the engine's normal speed; 0.25 to 2 (Google's range). */
  speakingRate?: number;
}

/** Why the offline engine spoke instead of the configured one. */
export interface FallbackRecord {
  from: EngineName;
  reason: string;
  kind: TtsErrorKind;
}

export interface SynthesisResult {
  /** PCM s16le WAV with header, mono, at the engine's natural rate. */
  wav: Buffer;
  engine: EngineName;
  voice: string;
  speakingRate: number;
  /** Requests sent to the engine (Google splits long text). */
  requests: number;
  /** Set when the configured engine failed and the fallback spoke. */
  fallback?: FallbackRecord;
}

export interface TtsEngine {
  readonly name: EngineName;
  synthesize(request: SynthesisRequest): Promise<SynthesisResult>;
  /** Frees what the engine holds (a client channel, a worker thread). */
  close(): Promise<void>;
}

export const MIN_SPEAKING_RATE = 0.25;
export const MAX_SPEAKING_RATE = 2;

export type TtsErrorKind =
  | 'unavailable'
  | 'timeout'
  | 'quota'
  | 'invalid-request'
  | 'unauthenticated'
  | 'permission-denied'
  | 'not-found'
  | 'internal'
  | 'bad-response'
  | 'engine-failed'
  | 'unknown';

/** One error type for every engine and every transport (gRPC codes, HTTP statuses, network errors). */
export class TtsError extends DomainException {
  constructor(
    message: string,
    readonly kind: TtsErrorKind,
    readonly transient: boolean,
    readonly detail: { grpcCode?: number; httpStatus?: number; attempts?: number; cause?: string } = {},
  ) {
    super('SERVICE_UNAVAILABLE', message);
  }
}

export function checkSpeakingRate(rate: number | undefined): number {
  const value = rate ?? 1;
  if (!Number.isFinite(value) || value < MIN_SPEAKING_RATE || value > MAX_SPEAKING_RATE) {
    throw new TtsError(
      `Tốc độ đọc phải từ ${MIN_SPEAKING_RATE} đến ${MAX_SPEAKING_RATE} (đang là ${String(rate)})`,
      'invalid-request',
      false,
    );
  }
  return value;
}
