import { JOB_POLICIES, QUEUE_SUPERVISE_SECONDS } from '@app/queue';
import type { Unit } from '@app/units';

/** The longest text spoken as one piece (about 20 minutes of speech). */
export const MAX_SPOKEN_CHARS = 20_000;
/** Uploaded programmes: about 100 minutes of a 128 kbps MP3. */
export const UPLOAD_MAX_BYTES = 100 * 1024 * 1024;
/** The longest uploaded programme accepted (a 3-hour file is a mistake, not a bulletin). */
export const UPLOAD_MAX_MS = 2 * 60 * 60 * 1000;
/** A jingle (nhạc hiệu) is a few seconds of music: a minute at most, 10 MB at most. */
export const JINGLE_MAX_BYTES = 10 * 1024 * 1024;
export const JINGLE_MAX_MS = 60 * 1000;
export const JINGLE_MIN_MS = 300;
/** MP3 bitrate of speech with tones (reference §3), and with a unit's own jingle, likely music. */
export const SPEECH_KBPS = 64;
export const MUSIC_KBPS = 96;

/** Loudness audio is mastered to unless the unit sets another (LUFS). */
export const DEFAULT_TARGET_LUFS = -16;

/** The unit's loudness target (settings.loudnessTargetLufs), or the default. */
export function loudnessTargetOf(unit: Unit): number {
  const target = (unit.settings as { loudnessTargetLufs?: unknown }).loudnessTargetLufs;
  return typeof target === 'number' ? target : DEFAULT_TARGET_LUFS;
}

/** Speaking rates are kept in steps of 0.05: 1 and 1.0000001 are one request, one job, one file. */
export const SPEAKING_RATE_STEP = 0.05;

export function roundSpeakingRate(rate: number): number {
  return Math.round(rate / SPEAKING_RATE_STEP) / (1 / SPEAKING_RATE_STEP);
}

/** Audio of one article waiting for the worker (queued or processing) at most: more is refused (429). */
export const MAX_PENDING_PER_ARTICLE = 3;

/**
 * An audio `processing` for longer than this lost its worker (kill -9, power cut): a new request for it
 * queues it again. The speech job's own expiry, plus the interval at which the queue looks for expired jobs.
 */
export const STUCK_PROCESSING_MS =
  (JOB_POLICIES['audio.synthesize'].expireInSeconds + QUEUE_SUPERVISE_SECONDS) * 1000;
