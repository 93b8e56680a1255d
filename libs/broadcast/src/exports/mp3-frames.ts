// MPEG audio Layer III frames, read from the bytes: what joining pieces without decoding them needs
// (where the audio frames are, how many samples each holds, and the encoder delay and padding LAME
// writes in its Info frame, which say how much of the first and last frames is not the programme).

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES_V1 = [44100, 48000, 32000];

/** ffmpeg's (and LAME's) decoder delay, added to the encoder delay the Info frame records. */
export const DECODER_DELAY = 529;

export interface Mp3Frames {
  sampleRate: number;
  /** 1 (mono) or 2. */
  channels: number;
  samplesPerFrame: number;
  /** Byte ranges [start, end) of the audio frames (the Info frame and any tags left out). */
  frames: [number, number][];
  /** Samples at the start that are not the programme (encoder + decoder delay); 0 when unknown. */
  leading: number;
  /** Samples at the end that are not the programme; 0 when unknown. */
  trailing: number;
}

interface Header {
  length: number;
  sampleRate: number;
  channels: number;
  samplesPerFrame: number;
  sideInfo: number;
}

function header(bytes: Buffer, at: number): Header | null {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1] & 0xe0) !== 0xe0) {
    return null;
  }
  const version = (bytes[at + 1] >> 3) & 0x3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
  const layer = (bytes[at + 1] >> 1) & 0x3; // 1 = Layer III
  const bitrateIndex = bytes[at + 2] >> 4;
  const rateIndex = (bytes[at + 2] >> 2) & 0x3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) {
    return null;
  }
  const mpeg1 = version === 3;
  const sampleRate = RATES_V1[rateIndex] / (mpeg1 ? 1 : version === 2 ? 2 : 4);
  const bitrate = (mpeg1 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex] * 1000;
  const padding = (bytes[at + 2] >> 1) & 0x1;
  const channels = bytes[at + 3] >> 6 === 3 ? 1 : 2;
  return {
    length: Math.floor(((mpeg1 ? 144 : 72) * bitrate) / sampleRate) + padding,
    sampleRate,
    channels,
    samplesPerFrame: mpeg1 ? 1152 : 576,
    sideInfo: mpeg1 ? (channels === 1 ? 17 : 32) : channels === 1 ? 9 : 17,
  };
}

function id3v2Length(bytes: Buffer): number {
  if (bytes.length < 10 || bytes.toString('latin1', 0, 3) !== 'ID3') {
    return 0;
  }
  const size =
    ((bytes[6] & 0x7f) << 21) | ((bytes[7] & 0x7f) << 14) | ((bytes[8] & 0x7f) << 7) | (bytes[9] & 0x7f);
  return 10 + size + (bytes[5] & 0x10 ? 10 : 0);
}

/** Delay and padding from a Xing/Info frame's LAME tag; null when the frame is not one. */
function infoFrame(bytes: Buffer, at: number, h: Header): { delay: number; padding: number } | null {
  const tag = at + 4 + h.sideInfo;
  const name = bytes.toString('latin1', tag, tag + 4);
  if (name !== 'Xing' && name !== 'Info') {
    return null;
  }
  const flags = bytes.readUInt32BE(tag + 4);
  let lame = tag + 8;
  lame += flags & 1 ? 4 : 0;
  lame += flags & 2 ? 4 : 0;
  lame += flags & 4 ? 100 : 0;
  lame += flags & 8 ? 4 : 0;
  if (lame + 24 > at + h.length || !/^(LAME|Lavc|Lavf)/.test(bytes.toString('latin1', lame, lame + 4))) {
    return { delay: 0, padding: 0 };
  }
  const d = lame + 21;
  return {
    delay: (bytes[d] << 4) | (bytes[d + 1] >> 4),
    padding: ((bytes[d + 1] & 0x0f) << 8) | bytes[d + 2],
  };
}

/**
 * The frames of an MP3 file; null when the bytes hold no run of Layer III frames. Frames must agree in
 * sample rate and channels (a file that changes them midway is not one we made).
 */
export function readMp3Frames(bytes: Buffer): Mp3Frames | null {
  let at = id3v2Length(bytes);
  // Find the first frame whose next frame also starts where it says (not a stray 0xFF in a tag).
  let first: Header | null = null;
  for (; at < bytes.length - 4; at += 1) {
    const h = header(bytes, at);
    if (h && (at + h.length === bytes.length || header(bytes, at + h.length))) {
      first = h;
      break;
    }
  }
  if (!first) {
    return null;
  }
  const frames: [number, number][] = [];
  let leading = 0;
  let trailing = 0;
  const info = infoFrame(bytes, at, first);
  if (info) {
    leading = info.delay + DECODER_DELAY;
    trailing = Math.max(0, info.padding - DECODER_DELAY);
    at += first.length;
  }
  for (;;) {
    const h = header(bytes, at);
    if (!h || at + h.length > bytes.length) {
      break;
    }
    if (h.sampleRate !== first.sampleRate || h.channels !== first.channels) {
      return null;
    }
    frames.push([at, at + h.length]);
    at += h.length;
  }
  if (frames.length === 0) {
    return null;
  }
  return {
    sampleRate: first.sampleRate,
    channels: first.channels,
    samplesPerFrame: first.samplesPerFrame,
    frames,
    leading,
    trailing,
  };
}

/** Seconds of programme in the file (the frames less the delay and padding). */
export function programmeSeconds(f: Mp3Frames): number {
  return (f.frames.length * f.samplesPerFrame - f.leading - f.trailing) / f.sampleRate;
}

/**
 * How many frames of silence go between piece k and piece k+1 so that every piece starts where the plan
 * says (its start = the pieces before it + a gap each), counted from the first piece's first sound. The
 * count is worked out on the running total, so the half-frame rounding never adds up along a long slot.
 */
export function gapFrames(pieces: Mp3Frames[], gapSec: number): number[] {
  if (pieces.length === 0) {
    return [];
  }
  const spf = pieces[0].samplesPerFrame;
  const rate = pieces[0].sampleRate;
  const gaps: number[] = [];
  let written = pieces[0].frames.length * spf; // samples written so far
  let planned = pieces[0].leading; // where the next piece's sound should begin
  for (let k = 1; k < pieces.length; k += 1) {
    planned += programmeSeconds(pieces[k - 1]) * rate + gapSec * rate;
    const frames = Math.max(0, Math.round((planned - pieces[k].leading - written) / spf));
    gaps.push(frames);
    written += (frames + pieces[k].frames.length) * spf;
  }
  return gaps;
}
