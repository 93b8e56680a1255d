import { decodedSeconds, parseEbur128, parseInputDump } from './ffmpeg-output';

// Abridged from real runs of the @ffmpeg-installer build.
const EBUR128 = `Input #0, mp3, from 'out.mp3':
  Metadata:
    encoder         : Lavf58.24.100
  Duration: 00:01:57.62, start: 0.025057, bitrate: 64 kb/s
    Stream #0:0: Audio: mp3, 44100 Hz, mono, fltp, 64 kb/s
Stream mapping:
  Stream #0:0 -> #0:0 (mp3 (mp3float) -> pcm_s16le (native))
Output #0, null, to 'pipe:':
    Stream #0:0: Audio: pcm_s16le, 44100 Hz, mono, s16, 705 kb/s
size=N/A time=00:00:58.00 bitrate=N/A speed= 60x\rsize=N/A time=00:01:57.60 bitrate=N/A speed=61.2x
[Parsed_ebur128_0 @ 0x12413b00] Summary:

  Integrated loudness:
    I:         -16.4 LUFS
    Threshold: -26.6 LUFS

  Loudness range:
    LRA:         1.7 LU
    Threshold: -36.5 LUFS

  True peak:
    Peak:       -1.7 dBFS`;

describe('ffmpeg output parsers', () => {
  it('reads the ebur128 summary and the decoded duration', () => {
    expect(parseEbur128(EBUR128)).toEqual({ integratedLufs: -16.4, lra: 1.7, peak: -1.7 });
    expect(decodedSeconds(EBUR128)).toBe(117.6);
    expect(() => parseEbur128('Integrated loudness: nothing')).toThrow(/summary/);
  });

  it('reads the input dump: demuxer, header duration and the audio stream', () => {
    expect(parseInputDump(EBUR128)).toEqual({
      formatName: 'mp3',
      headerSeconds: 117.62,
      bitrateKbps: 64,
      audio: { codec: 'mp3', sampleRate: 44100, channels: 1, bitrateKbps: 64 },
      hasVideo: false,
    });
    const m4a = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'input':
  Duration: 00:00:02.51, start: 0.000000, bitrate: 99 kb/s
    Stream #0:0(und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, stereo, fltp, 96 kb/s (default)`;
    expect(parseInputDump(m4a)).toMatchObject({
      formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
      audio: { codec: 'aac', sampleRate: 48000, channels: 2, bitrateKbps: 96 },
    });
    const wav = `Input #0, wav, from 'input':
  Duration: 00:00:02.50, bitrate: 768 kb/s
    Stream #0:0: Audio: pcm_s16le ([1][0][0][0] / 0x0001), 48000 Hz, mono, s16, 768 kb/s`;
    expect(parseInputDump(wav)?.audio).toEqual({
      codec: 'pcm_s16le',
      sampleRate: 48000,
      channels: 1,
      bitrateKbps: 768,
    });
    expect(parseInputDump('input: Invalid data found when processing input')).toBeUndefined();
  });
});
