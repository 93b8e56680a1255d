// What an audio's measures and engine mean, said the way the commune's staff say it. The exact figures
// (LUFS, dBTP, provider and voice ids, SHA-256, bytes) stay behind "Chi tiết kỹ thuật".
import { formatDate, slugify } from '../../lib/format';

/** Loudness audio is mastered to unless the unit sets another (libs/audio DEFAULT_TARGET_LUFS). */
export const DEFAULT_TARGET_LUFS = -16;
/** Within this many LU of the target a piece is "đạt chuẩn" (the two-pass mastering lands within ±0.2). */
export const LOUDNESS_TOLERANCE_LU = 1;
/** Further than this from the target it is "quá" nhỏ/to rather than "hơi". */
const LOUDNESS_FAR_LU = 3;

export type LoudnessVerdict = 'ok' | 'quiet' | 'loud' | 'too-quiet' | 'too-loud';

const LOUDNESS_WORDS: Record<LoudnessVerdict, string> = {
  ok: 'đạt chuẩn',
  quiet: 'hơi nhỏ',
  loud: 'hơi to',
  'too-quiet': 'quá nhỏ',
  'too-loud': 'quá to',
};

/**
 * How loud a piece is against the unit's target (settings.loudnessTargetLufs, or -16): ±1 LU is
 * "đạt chuẩn". Null when it was not measured.
 */
export function loudnessVerdict(
  lufs: number | null | undefined,
  targetLufs: number | null | undefined,
): { verdict: LoudnessVerdict; words: string } | null {
  if (lufs === null || lufs === undefined || !Number.isFinite(lufs)) {
    return null;
  }
  const target = targetLufs ?? DEFAULT_TARGET_LUFS;
  // Judged on the tenth shown in the technical details, so "-17,0 against -16,0" is đạt chuẩn there too.
  const off = Math.round((lufs - target) * 10) / 10;
  const verdict: LoudnessVerdict =
    Math.abs(off) <= LOUDNESS_TOLERANCE_LU
      ? 'ok'
      : off < 0
        ? off < -LOUDNESS_FAR_LU
          ? 'too-quiet'
          : 'quiet'
        : off > LOUDNESS_FAR_LU
          ? 'too-loud'
          : 'loud';
  return { verdict, words: LOUDNESS_WORDS[verdict] };
}

/** 125 000 ms → "2 phút 05 giây"; "45 giây"; "1 giờ 02 phút 05 giây"; empty for no duration. */
export function durationWords(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) {
    return '';
  }
  if (ms > 0 && ms < 500) {
    return 'dưới 1 giây';
  }
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (h > 0) {
    return `${h} giờ ${two(m)} phút ${two(s)} giây`;
  }
  if (m > 0) {
    return `${m} phút ${two(s)} giây`;
  }
  return `${s} giây`;
}

/** eSpeak's Vietnamese voices (libs/speech espeak engine): vi is the northern one. */
const ESPEAK_ACCENTS: Record<string, string> = {
  vi: 'giọng miền Bắc',
  'vi-vn-x-central': 'giọng miền Trung',
  'vi-vn-x-south': 'giọng miền Nam',
};

/**
 * Google's vi-VN voices by family and letter, as Google's voice list gives their gender
 * (Standard and WaveNet: A, C female; B, D male. Neural2: A female, D male). Google's list names no
 * regional accent, so none is claimed.
 */
const GOOGLE_GENDERS: Record<string, Record<string, 'nữ' | 'nam'>> = {
  standard: { a: 'nữ', b: 'nam', c: 'nữ', d: 'nam' },
  wavenet: { a: 'nữ', b: 'nam', c: 'nữ', d: 'nam' },
  neural2: { a: 'nữ', d: 'nam' },
};

/** The engine in plain words: "máy (ngoại tuyến)", "máy Google"; uploads are "tệp tải lên". */
export function providerWords(provider: string | null | undefined): string {
  switch (provider) {
    case 'espeak':
      return 'máy (ngoại tuyến)';
    case 'google':
      return 'máy Google';
    case 'upload':
      return 'tệp tải lên';
    case null:
    case undefined:
    case '':
      return '';
    default:
      return `máy ${provider}`;
  }
}

/** The voice in plain words, without the engine: "giọng miền Nam", "giọng nữ"; empty when unknown. */
export function voiceAccentWords(
  provider: string | null | undefined,
  voice: string | null | undefined,
): string {
  if (!voice) {
    return '';
  }
  const id = voice.toLowerCase();
  if (provider === 'espeak') {
    return ESPEAK_ACCENTS[id] ?? '';
  }
  if (provider === 'google') {
    const parts = /^vi-vn-([a-z0-9]+)-([a-z])$/.exec(id);
    const gender = parts ? GOOGLE_GENDERS[parts[1]]?.[parts[2]] : undefined;
    return gender ? `giọng ${gender}` : '';
  }
  return '';
}

/** "máy (ngoại tuyến), giọng miền Bắc"; "máy Google, giọng nữ"; "tệp tải lên". */
export function voiceWords(provider: string | null | undefined, voice: string | null | undefined): string {
  return [providerWords(provider), voiceAccentWords(provider, voice)].filter(Boolean).join(', ');
}

/** 1 234 567 → "1,2 MB"; 2 048 → "2 KB"; Vietnamese decimals. */
export function sizeWords(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) {
    return '';
  }
  if (bytes < 1024) {
    return `${bytes} byte`;
  }
  if (bytes < 1024 * 1024) {
    return `${Math.round(bytes / 1024)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** The extension of a media URL's file (".mp3", ".wav"), ".mp3" when it has none. */
export function fileExtension(url: string): string {
  const path = url.split(/[?#]/)[0];
  const ext = /\.([a-z0-9]{1,5})$/i.exec(path)?.[1];
  return ext ? `.${ext.toLowerCase()}` : '.mp3';
}

/** Longest slug part of a download name, so the whole stays well under the 255 bytes file systems allow. */
const NAME_SLUG_MAX = 80;

/**
 * A file name for "Tải về": the title as a slug, the day (dd-mm-yyyy, Vietnam time) and the file's own
 * extension: "hop-dan-ve-duong-lien-thon-02-12-2026.mp3". Plain ASCII, so USB sticks and old players
 * read it too; "ban-tin" when the title has no letters.
 */
export function downloadName(title: string, date: string | Date | null | undefined, url: string): string {
  const slug = slugify(title).slice(0, NAME_SLUG_MAX).replace(/-+$/g, '') || 'ban-tin';
  const day = formatDate(date ?? null).replace(/\//g, '-');
  return `${[slug, day].filter(Boolean).join('-')}${fileExtension(url)}`;
}

/** The file's address asking the server to send it as a download under that name (libs/media). */
export function downloadUrl(url: string, name: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}download=${encodeURIComponent(name)}`;
}

/**
 * A voice as the "Giọng đọc" choice names it: "Giọng miền Nam" for eSpeak; "Giọng nữ (vi-VN-Wavenet-A)"
 * for Google, whose several voices of one gender need their names to be told apart; the id otherwise.
 */
export function voiceChoiceLabel(provider: string, voice: string): string {
  const accent = voiceAccentWords(provider, voice);
  if (!accent) {
    return voice;
  }
  const words = `G${accent.slice(1)}`;
  return provider === 'espeak' ? words : `${words} (${voice})`;
}

/** GET /audio/voices as choices: "Mặc định — Giọng miền Bắc" (no voice sent), then the engine's voices. */
export function voiceChoices(answer: {
  provider: string;
  defaultVoice: string;
  voices: string[];
}): { value: string; label: string }[] {
  return [
    { value: '', label: `Mặc định — ${voiceChoiceLabel(answer.provider, answer.defaultVoice)}` },
    ...answer.voices.map((v) => ({ value: v, label: voiceChoiceLabel(answer.provider, v) })),
  ];
}
