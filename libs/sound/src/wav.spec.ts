import { encodeWav, joinWavs, parseWav, wavSeconds } from './wav';

const tone = (samples: number, sampleRate = 24000): Buffer =>
  encodeWav({ sampleRate, channels: 1, bitsPerSample: 16, data: Buffer.alloc(samples * 2, 1) });

describe('wav', () => {
  it('joins pieces of one format into one WAV with the samples in order', () => {
    const a = encodeWav({
      sampleRate: 24000,
      channels: 1,
      bitsPerSample: 16,
      data: Buffer.from([1, 0, 2, 0]),
    });
    const b = encodeWav({ sampleRate: 24000, channels: 1, bitsPerSample: 16, data: Buffer.from([3, 0]) });
    const joined = parseWav(joinWavs([a, b]));
    expect(joined).toMatchObject({ sampleRate: 24000, channels: 1, bitsPerSample: 16 });
    expect([...joined.data]).toEqual([1, 0, 2, 0, 3, 0]);
    expect(joinWavs([a, b]).readUInt32LE(4)).toBe(36 + 6);
  });

  it('refuses pieces of different formats', () => {
    expect(() => joinWavs([tone(10, 24000), tone(10, 22050)])).toThrow(/22050 Hz/);
  });

  it('skips unknown chunks and reads a streamed (size 0) data chunk to the end', () => {
    const wav = tone(100);
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([4, 0, 0, 0]), Buffer.from('INFO')]);
    const withList = Buffer.concat([wav.subarray(0, 36), list, wav.subarray(36)]);
    expect(parseWav(withList).data.length).toBe(200);
    const streamed = Buffer.from(wav);
    streamed.writeUInt32LE(0, 40);
    expect(parseWav(streamed).data.length).toBe(200);
    expect(wavSeconds(tone(24000))).toBe(1);
  });

  it('refuses what is not PCM WAV', () => {
    expect(() => parseWav(Buffer.from('ID3\u0003 not a wav at all'))).toThrow(/RIFF/);
    const float = tone(4);
    float.writeUInt16LE(3, 20);
    expect(() => parseWav(float)).toThrow(/not PCM/);
  });
});
