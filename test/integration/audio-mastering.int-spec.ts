import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
// Real speech as the material to master (a test-only use of the speech lib).
import { EspeakEngine } from '@app/speech';
import { AudioFormatError, AudioMastering, FfmpegRunner } from '@app/sound';

const run = promisify(execFile);

const TEXT =
  'Thực hiện kế hoạch cải cách hành chính năm hai nghìn không trăm hai mươi lăm, Ủy ban nhân dân phường ' +
  'đã tổ chức tuyên truyền tại bộ phận tiếp nhận và trả kết quả. Cán bộ, công chức hướng dẫn người dân nộp ' +
  'hồ sơ trực tuyến trên cổng dịch vụ công quốc gia. Đài truyền thanh phường phát sóng hai mươi tư bài ' +
  'tuyên truyền về thủ tục hành chính, chuyển đổi số và phổ biến giáo dục pháp luật. Người dân có ý kiến ' +
  'xin liên hệ bộ phận một cửa của phường trong giờ hành chính, từ thứ hai đến thứ sáu hằng tuần.';

/** Measured by ffmpeg directly (not through the code under test): ebur128 with true peak. */
async function ebur128(ffmpeg: string, file: string): Promise<{ i: number; tp: number }> {
  const { stderr } = await run(ffmpeg, [
    '-hide_banner',
    '-nostats',
    '-i',
    file,
    '-af',
    'ebur128=peak=true',
    '-f',
    'null',
    '-',
  ]);
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  return {
    i: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)?.[1]),
    tp: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)?.[1]),
  };
}

/** The first audio stream line as ffmpeg reads the file back. */
async function streamLine(ffmpeg: string, file: string): Promise<string> {
  const { stderr } = await run(ffmpeg, ['-hide_banner', '-i', file, '-f', 'null', '-']);
  return (
    /Input #0, ([^,]+),[\s\S]*?Stream #0:0[^:]*: Audio: ([^\n]+)/.exec(stderr)?.slice(1).join(' | ') ?? stderr
  );
}

describe('AudioMastering (real espeak-ng, real ffmpeg)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mastering-'));
  const ffmpeg = new FfmpegRunner({ concurrency: 1 });
  const mastering = new AudioMastering({ ffmpeg, cacheDir: join(dir, 'cache') });
  const espeak = new EspeakEngine();
  let speech: Buffer;

  beforeAll(async () => {
    speech = (await espeak.synthesize({ text: TEXT })).wav;
  });

  afterAll(async () => {
    await espeak.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('masters espeak speech to -16 LUFS under -1.5 dBTP, mono 44.1 kHz 64 kbps MP3, with intro and outro', async () => {
    const output = join(dir, 'out', 'bulletin-16.mp3');
    const result = await mastering.masterWav(speech, { output });

    const measured = await ebur128(ffmpeg.binary.path, output);
    expect(Math.abs(measured.i - -16)).toBeLessThanOrEqual(1);
    expect(measured.tp).toBeLessThanOrEqual(-1.5);
    expect(result.normalization).toBe('linear');
    // espeak's peaks are ~19 dB over its loudness; -16/-1.5 allows 14.5: the limiter had to work.
    expect(result.limiterDb).toBeLessThan(-3);
    // What the code returns is the independent measurement of the file.
    expect(Math.abs(result.integratedLufs - measured.i)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(result.truePeakDbtp - measured.tp)).toBeLessThanOrEqual(0.1);

    expect(await streamLine(ffmpeg.binary.path, output)).toMatch(
      /^mp3 \| mp3, 44100 Hz, mono, \w+, 64 kb\/s/,
    );
    expect(result).toMatchObject({ codec: 'mp3', sampleRate: 44100, channels: 1, bitrateKbps: 64 });
    // intro 2.25 s + 0.7 s gap + speech + 1.0 s gap + outro 2.1 s
    const speechSeconds = (speech.length - 44) / (22050 * 2);
    expect(result.durationSeconds).toBeGreaterThan(speechSeconds + 5.5);
    expect(result.durationSeconds).toBeLessThan(speechSeconds + 6.6);
    // The default jingles were generated into the cache, and the next run reuses them as they are.
    const jingles = readdirSync(join(dir, 'cache')).filter((f) => f.endsWith('.wav'));
    expect(jingles).toHaveLength(2);
    const mtimes = jingles.map((f) => statSync(join(dir, 'cache', f)).mtimeMs);
    await new AudioMastering({ ffmpeg, cacheDir: join(dir, 'cache') }).masterWav(speech, {
      output: join(dir, 'again.mp3'),
    });
    expect(jingles.map((f) => statSync(join(dir, 'cache', f)).mtimeMs)).toEqual(mtimes);
  });

  it('keeps a short notice on target with its jingles: the speech is raised for the quieter jingles around it', async () => {
    // About 3 s of speech against ≈ 4 s of jingles at 2 LU under: mixed as they are, the whole reads ≈ -17.
    const short = (await espeak.synthesize({ text: 'Thông báo khẩn: chiều nay mất điện.' })).wav;
    const output = join(dir, 'notice.mp3');
    const result = await mastering.masterWav(short, { output });
    const measured = await ebur128(ffmpeg.binary.path, output);
    expect(Math.abs(measured.i - -16)).toBeLessThanOrEqual(0.7);
    expect(measured.tp).toBeLessThanOrEqual(-1.5);
    expect(Math.abs(result.integratedLufs - measured.i)).toBeLessThanOrEqual(0.1);
  });

  it('masters to -23 LUFS when the station asks, without intro or outro', async () => {
    const output = join(dir, 'bulletin-23.mp3');
    const result = await mastering.masterWav(speech, {
      output,
      target: { integratedLufs: -23, truePeakDbtp: -1.5 },
      intro: null,
      outro: null,
    });
    const measured = await ebur128(ffmpeg.binary.path, output);
    expect(Math.abs(measured.i - -23)).toBeLessThanOrEqual(1);
    expect(measured.tp).toBeLessThanOrEqual(-1.5);
    expect(result.normalization).toBe('linear');
    // -23/-1.5 allows a 21.5 dB peak-to-loudness ratio: espeak needs no limiter for it.
    expect(result.limiterDb).toBeUndefined();
    const speechSeconds = (speech.length - 44) / (22050 * 2);
    expect(Math.abs(result.durationSeconds - speechSeconds)).toBeLessThan(0.1);
  });

  it("uses the unit's own intro and outro files", async () => {
    const intro = join(dir, 'unit-intro.wav');
    await run(ffmpeg.binary.path, [
      '-y',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=330:duration=3',
      '-ac',
      '2',
      intro,
    ]);
    const output = join(dir, 'bulletin-unit.mp3');
    const result = await mastering.masterWav(speech, { output, intro, outro: null });
    const speechSeconds = (speech.length - 44) / (22050 * 2);
    // 3 s intro + 0.7 s gap, no outro
    expect(result.durationSeconds).toBeGreaterThan(speechSeconds + 3.6);
    expect(result.durationSeconds).toBeLessThan(speechSeconds + 3.9);
    expect(result.channels).toBe(1);
  });

  it('refuses silence instead of amplifying noise', async () => {
    const silent = join(dir, 'silent.wav');
    await run(ffmpeg.binary.path, [
      '-y',
      '-f',
      'lavfi',
      '-t',
      '3',
      '-i',
      'anullsrc=sample_rate=22050:channel_layout=mono',
      silent,
    ]);
    await expect(mastering.master({ input: silent, output: join(dir, 'silent.mp3') })).rejects.toThrow(
      /im lặng/,
    );
  });

  describe('probe', () => {
    const make = async (name: string, args: string[]): Promise<string> => {
      const file = join(dir, name);
      await run(ffmpeg.binary.path, [
        '-y',
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440:duration=2.5',
        ...args,
        file,
      ]);
      return file;
    };

    it.each([
      ['tone.wav', [] as string[], 'wav', /^pcm_s16le$/],
      ['tone.mp3', ['-c:a', 'libmp3lame', '-b:a', '96k'], 'mp3', /^mp3/],
      ['tone.m4a', ['-c:a', 'aac', '-b:a', '96k'], 'm4a', /^aac/],
    ])('accepts a real %s with its duration', async (name, args, container, codec) => {
      const result = await mastering.probe(await make(name, args));
      expect(result.container).toBe(container);
      expect(result.codec).toMatch(codec);
      expect(Math.abs(result.durationSeconds - 2.5)).toBeLessThan(0.1);
      expect(result.sampleRate).toBeGreaterThan(0);
    });

    it('reads the content, not the name: an m4a called .mp3 is an m4a', async () => {
      const m4a = await make('really-m4a.mp3', ['-c:a', 'aac', '-f', 'ipod']);
      await expect(mastering.probe(m4a)).resolves.toMatchObject({ container: 'm4a' });
    });

    it('refuses a text file renamed .mp3', async () => {
      const file = join(dir, 'notes.mp3');
      writeFileSync(file, 'Đây không phải âm thanh.\n'.repeat(200));
      await expect(mastering.probe(file)).rejects.toThrow(AudioFormatError);
    });

    it('refuses a 0-byte file', async () => {
      const file = join(dir, 'empty.mp3');
      writeFileSync(file, '');
      await expect(mastering.probe(file)).rejects.toThrow(/rỗng/);
    });

    it('refuses a file that is audio but not mp3, wav or m4a', async () => {
      const file = await make('tone.flac', ['-c:a', 'flac']);
      await expect(mastering.probe(file)).rejects.toThrow(/flac/);
    });

    it('masters an uploaded programme like speech', async () => {
      const wav = join(dir, 'recording.wav');
      writeFileSync(wav, speech);
      const upload = join(dir, 'upload.m4a');
      await run(ffmpeg.binary.path, [
        '-y',
        '-i',
        wav,
        '-af',
        'volume=-12dB',
        '-ac',
        '2',
        '-c:a',
        'aac',
        upload,
      ]);
      const result = await mastering.masterUpload({
        input: upload,
        output: join(dir, 'upload.mp3'),
        intro: null,
        outro: null,
      });
      expect(result.probe).toMatchObject({ container: 'm4a', channels: 2 });
      expect(result.channels).toBe(1);
      expect(Math.abs((await ebur128(ffmpeg.binary.path, result.file)).i - -16)).toBeLessThanOrEqual(1);
    });
  });
});
