/** PCM WAV: what both engines return and what mastering reads. */
export interface PcmWav {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** The samples, little-endian, interleaved. */
  data: Buffer;
}

/**
 * Reads a RIFF/WAVE PCM file. Chunks other than `fmt ` and `data` are skipped; a `data` size of 0 or
 * past the end (streamed WAVs write a placeholder) means "to the end of the buffer".
 */
export function parseWav(buffer: Buffer): PcmWav {
  if (
    buffer.length < 12 ||
    buffer.toString('ascii', 0, 4) !== 'RIFF' ||
    buffer.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new Error('not a RIFF/WAVE file');
  }
  let format: Omit<PcmWav, 'data'> | undefined;
  let offset = 12;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('ascii', offset, offset + 4);
    const size = buffer.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      const audioFormat = buffer.readUInt16LE(body);
      // 1 = PCM; 0xFFFE = WAVE_FORMAT_EXTENSIBLE (PCM with a channel mask).
      if (audioFormat !== 1 && audioFormat !== 0xfffe) {
        throw new Error(`WAV format ${audioFormat} is not PCM`);
      }
      format = {
        channels: buffer.readUInt16LE(body + 2),
        sampleRate: buffer.readUInt32LE(body + 4),
        bitsPerSample: buffer.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!format) {
        throw new Error('WAV data before its fmt chunk');
      }
      const end = size === 0 || body + size > buffer.length ? buffer.length : body + size;
      return { ...format, data: buffer.subarray(body, end) };
    }
    offset = body + size + (size % 2); // chunks are padded to even sizes
  }
  throw new Error('WAV without a data chunk');
}

/** A canonical 44-byte-header WAV. */
export function encodeWav(wav: PcmWav): Buffer {
  const blockAlign = (wav.channels * wav.bitsPerSample) / 8;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + wav.data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(wav.channels, 22);
  header.writeUInt32LE(wav.sampleRate, 24);
  header.writeUInt32LE(wav.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(wav.bitsPerSample, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(wav.data.length, 40);
  return Buffer.concat([header, wav.data]);
}

/** Joins WAV pieces of one format into one WAV (Google answers a long text in several requests). */
export function joinWavs(pieces: Buffer[]): Buffer {
  if (pieces.length === 0) {
    throw new Error('no WAV to join');
  }
  const parsed = pieces.map(parseWav);
  const first = parsed[0];
  for (const [i, piece] of parsed.entries()) {
    if (
      piece.sampleRate !== first.sampleRate ||
      piece.channels !== first.channels ||
      piece.bitsPerSample !== first.bitsPerSample
    ) {
      throw new Error(
        `WAV piece ${i + 1} is ${piece.sampleRate} Hz/${piece.channels} ch/${piece.bitsPerSample} bit, ` +
          `the first is ${first.sampleRate} Hz/${first.channels} ch/${first.bitsPerSample} bit`,
      );
    }
  }
  return encodeWav({ ...first, data: Buffer.concat(parsed.map((p) => p.data)) });
}

/** Seconds of audio in a WAV. */
export function wavSeconds(buffer: Buffer): number {
  const wav = parseWav(buffer);
  return wav.data.length / ((wav.sampleRate * wav.channels * wav.bitsPerSample) / 8);
}
