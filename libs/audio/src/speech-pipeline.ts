import type { Readable } from 'node:stream';

/** One entry of a unit's lexicon: how to say a local name or abbreviation. */
export interface LexiconEntry {
  term: string;
  spoken: string;
}

export interface SpeakRequest {
  /** Already normalized (the words to say). */
  text: string;
  provider: string;
  voice: string;
  speakingRate: number;
}

export interface Spoken {
  /** The speech as a WAV file. */
  wav: Buffer;
  /** The engine that spoke: the one asked for, or the offline engine when Google failed. */
  provider: string;
  voice: string;
  fallbackReason: string | null;
}

/** A jingle for one side of a piece: the generated default, none, or the unit's own file in media. */
export type JingleFile = 'default' | 'none' | { key: string };

export interface MasterRequest {
  /** A local file ffmpeg reads: the spoken WAV, or an uploaded recording. */
  inputPath: string;
  targetLufs: number;
  /** What goes before and after it (speech: the unit's jingles; an uploaded programme: none). */
  intro: JingleFile;
  outro: JingleFile;
  /** MP3 bitrate: 64 kbps for speech and tones, 96 kbps when a jingle is music (reference §3). */
  bitrateKbps: number;
}

export interface Mastered {
  /** The finished MP3, read once from where ffmpeg wrote it (its temporary file goes when it is read). */
  mp3: Readable;
  loudnessLufs: number;
  truePeakDb: number;
  durationMs: number;
}

export interface Probed {
  /** What ffmpeg found in the content: mp3, wav, m4a… */
  format: string;
  durationMs: number;
}

/**
 * What the audio module needs of speech (libs/speech): text normalization, the engines and ffmpeg. Kept
 * as one port so the audio rules (states, cache, evidence) do not depend on how each part is built.
 */
export abstract class SpeechPipeline {
  /** The engine used when the request names none (TTS_PROVIDER). */
  abstract defaultProvider(): string;
  abstract defaultVoice(provider: string): string;
  /** Voice names the engine accepts. */
  abstract voices(provider: string): Promise<string[]>;
  /** The unit's lexicon (added to the built-in rules). */
  abstract lexicon(unitId: string): Promise<LexiconEntry[]>;
  abstract normalize(text: string, lexicon: LexiconEntry[]): string;
  abstract speak(request: SpeakRequest): Promise<Spoken>;
  abstract master(request: MasterRequest): Promise<Mastered>;
  /**
   * Reads an uploaded file's content (never its name); throws a DomainException (4xx) when it is no audio.
   * Decoding stops just past `limitMs`, so an over-long file is refused quickly.
   */
  abstract probe(path: string, limitMs: number): Promise<Probed>;
  /** The generated default jingle, as a WAV at the level it is mixed at, for people to hear. */
  abstract defaultJingle(kind: 'intro' | 'outro', targetLufs: number): Promise<Buffer>;
  /**
   * Identifies the mastering settings (filters, target, jingles, bitrate), for the cache key. `jingles`
   * names each side by identity: `default`, `none` or the file's SHA-256; null for no jingles at all.
   */
  abstract masteringFingerprint(
    targetLufs: number,
    jingles: { intro: string; outro: string } | null,
    bitrateKbps: number,
  ): string;
}
