import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DomainException } from '@app/common';
import { wavSeconds } from '../wav';
import { FfmpegError, FfmpegRunner, sharedFfmpegRunner } from '../ffmpeg';
import { decodedSeconds, parseEbur128, parseInputDump } from './ffmpeg-output';

export interface LoudnessTarget {
  /** Integrated loudness, LUFS: -16 for outdoor loudspeakers, -23 for an EBU R128 chain. */
  integratedLufs: number;
  /** True-peak ceiling, dBTP. */
  truePeakDbtp: number;
}

export const DEFAULT_LOUDNESS: LoudnessTarget = { integratedLufs: -16, truePeakDbtp: -1.5 };

/** Jingles sit this far under the speech, as in the reference pipeline (-18 LUFS for -16). */
const JINGLE_UNDER_LU = 2;
const SAMPLE_RATE = 44100;
const HIGH_PASS_HZ = 100;
/** Kept under the true-peak ceiling before encoding: MP3 overshoots by a few tenths of a dB. */
const MP3_HEADROOM_DB = 0.5;
/** Peak-to-loudness ratio lost per dB of limiting, measured on espeak speech (a first guess). */
const PLR_PER_LIMITER_DB = 0.55;
/** Quieter than this (LUFS) is silence or a broken recording, not a programme. */
const SILENCE_LUFS = -60;

export interface MasterOptions {
  /** Speech WAV from an engine, or an uploaded programme (any format `probe` accepts). */
  input: string;
  /** The MP3 to write; written under a temporary name and renamed, so it is whole or absent. */
  output: string;
  target?: Partial<LoudnessTarget>;
  /** The unit's intro/outro files; undefined → the generated default jingle; null → none. */
  intro?: string | null;
  outro?: string | null;
  /** Silence after the intro and before the outro, seconds. */
  gapAfterIntro?: number;
  gapBeforeOutro?: number;
  bitrateKbps?: number;
  title?: string;
}

export interface LoudnessMeasurement {
  integratedLufs: number;
  truePeakDbtp: number;
  lra: number;
  durationSeconds: number;
  codec: string;
  sampleRate: number;
  channels: number;
  bitrateKbps?: number;
}

export interface MasteringResult extends LoudnessMeasurement {
  file: string;
  target: LoudnessTarget;
  /** `linear` unless the material could not be brought under the ceiling by a gain alone. */
  normalization: 'linear' | 'dynamic';
  /** Limiter ceiling applied before normalizing (dBFS); undefined when none was needed. */
  limiterDb?: number;
  /** ffmpeg runs, the final measurement included. */
  passes: number;
  /** The speech or programme as it came in (after the high-pass). */
  input: { integratedLufs: number; samplePeakDbfs: number };
}

export type ProbeContainer = 'mp3' | 'wav' | 'm4a';

export interface ProbeResult {
  container: ProbeContainer;
  /** ffmpeg's demuxer name. */
  formatName: string;
  codec: string;
  sampleRate: number;
  channels: number;
  durationSeconds: number;
  bitrateKbps?: number;
  bytes: number;
}

/** An upload that is not an audio file this pipeline takes; maps to HTTP 415. */
export class AudioFormatError extends DomainException {
  constructor(message: string) {
    super('UNSUPPORTED_MEDIA_TYPE', message);
  }
}

/** Mastering or measuring failed (ffmpeg's reason inside); the audio job records it. */
export class MasteringError extends DomainException {
  constructor(
    message: string,
    readonly stderr?: string,
  ) {
    super('INTERNAL_ERROR', message);
  }
}

// Demuxer (found by content) → container, and the audio codecs each may carry.
const CONTAINERS: Array<{ formatName: string; container: ProbeContainer; codecs: RegExp }> = [
  { formatName: 'mp3', container: 'mp3', codecs: /^mp3/ },
  { formatName: 'wav', container: 'wav', codecs: /^(pcm_|adpcm_|mp3|gsm)/ },
  { formatName: 'mov,mp4,m4a,3gp,3g2,mj2', container: 'm4a', codecs: /^(aac|alac|mp3)/ },
];

const dbToLinear = (db: number): number => 10 ** (db / 20);
const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
const f = (value: number): string => value.toFixed(2);

export interface AudioMasteringOptions {
  ffmpeg?: FfmpegRunner;
  /** Generated and prepared jingles are kept here (created once, reused by every run). */
  cacheDir?: string;
}

/**
 * Broadcast mastering with ffmpeg (reference/tts-audio.md §3): high-pass 100 Hz, a peak limiter only as
 * strong as linear normalization needs, two-pass linear normalization (ebur128 measured, then a gain) to the
 * station's target (the programme as a whole, jingles included),
 * intro / gap / programme / gap / outro, mono 44.1 kHz CBR MP3; then the result is measured again,
 * independently, with ebur128 (true peak), and those figures are what it returns.
 */
export class AudioMastering {
  readonly ffmpeg: FfmpegRunner;
  readonly cacheDir: string;
  private readonly jingles = new Map<string, Promise<{ path: string; seconds: number }>>();

  constructor(options: AudioMasteringOptions = {}) {
    this.ffmpeg = options.ffmpeg ?? sharedFfmpegRunner();
    this.cacheDir = resolve(options.cacheDir ?? join(tmpdir(), 'xa-speech-cache'));
  }

  /** Masters a WAV held in memory (an engine's answer). */
  async masterWav(wav: Buffer, options: Omit<MasterOptions, 'input'>): Promise<MasteringResult> {
    const dir = await mkdtemp(join(tmpdir(), 'xa-speech-'));
    try {
      const input = join(dir, 'speech.wav');
      await writeFile(input, wav);
      return await this.master({ ...options, input });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async master(options: MasterOptions): Promise<MasteringResult> {
    const target = { ...DEFAULT_LOUDNESS, ...options.target };
    checkTarget(target);
    const [intro, outro] = await Promise.all([
      options.intro === null ? undefined : this.preparedJingle(options.intro, 'intro', target),
      options.outro === null ? undefined : this.preparedJingle(options.outro, 'outro', target),
    ]);
    const look = await this.quickLook(options.input);
    // The programme as a whole is what the station's target is for: the speech is set a little over it
    // when quieter jingles stand around a short piece.
    const speechLufs = speechLevelFor(target, look.seconds, (intro?.seconds ?? 0) + (outro?.seconds ?? 0));
    const plan = await this.fitPeaks(options.input, target, speechLufs, look);
    await this.render(options, plan, intro?.path, outro?.path);
    const measured = await this.measure(options.output);
    return {
      ...measured,
      file: options.output,
      target,
      normalization: plan.fits ? 'linear' : 'dynamic',
      limiterDb: plan.limiterDb === undefined ? undefined : round(plan.limiterDb),
      passes: plan.passes + 2,
      input: { integratedLufs: look.integratedLufs, samplePeakDbfs: look.peak },
    };
  }

  /**
   * Integrated loudness, true peak (ebur128 `peak=true`), loudness range and the decoded duration of a
   * file, with its codec as ffmpeg reads it back.
   */
  async measure(file: string): Promise<LoudnessMeasurement> {
    const command = this.ffmpeg
      .command()
      .input(file)
      .audioFilters('ebur128=peak=true:framelog=verbose')
      .format('null')
      .output('-');
    const stderr = await this.run(command, 'đo độ to');
    const summary = parseEbur128(stderr);
    const dump = parseInputDump(stderr);
    if (!dump?.audio || summary.peak === undefined) {
      throw new MasteringError('ffmpeg không đọc được tệp vừa tạo', stderr.slice(-2000));
    }
    return {
      integratedLufs: summary.integratedLufs,
      truePeakDbtp: summary.peak,
      lra: summary.lra,
      durationSeconds: round(decodedSeconds(stderr) ?? dump.headerSeconds ?? 0, 3),
      codec: dump.audio.codec,
      sampleRate: dump.audio.sampleRate,
      channels: dump.audio.channels,
      bitrateKbps: dump.audio.bitrateKbps ?? dump.bitrateKbps,
    };
  }

  /**
   * What an uploaded file is, from its content (ffmpeg's probing; the name is hidden from ffmpeg, so a
   * text file called .mp3 is still a text file): container, codec, and the duration of the audio
   * actually decoded. Refuses what is not mp3, wav or m4a audio, empty files and undecodable ones.
   */
  /**
   * What an uploaded file really is, from its content. With `limitSeconds`, decoding stops just past the
   * limit, so a 3-hour file is refused in a moment rather than after decoding all of it; its reported
   * duration is then the container's (or "over the limit").
   */
  async probe(file: string, options: { limitSeconds?: number } = {}): Promise<ProbeResult> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      throw new AudioFormatError('Không tìm thấy tệp âm thanh');
    }
    if (info.size === 0) {
      throw new AudioFormatError('Tệp âm thanh rỗng (0 byte)');
    }
    const dir = await mkdtemp(join(tmpdir(), 'xa-probe-'));
    try {
      const blind = join(dir, 'input'); // no extension: ffmpeg cannot guess from the name
      await symlink(resolve(file), blind);
      let stderr: string;
      try {
        stderr = await this.ffmpeg.run(
          this.ffmpeg
            .command()
            .input(blind)
            .inputOptions(options.limitSeconds ? ['-t', String(options.limitSeconds + 1)] : [])
            .outputOptions(['-map', '0:a:0'])
            .format('null')
            .output('-'),
          'đọc tệp tải lên',
        );
      } catch (err) {
        if (!(err instanceof FfmpegError)) {
          throw err; // ffmpeg itself could not run: not the file's fault
        }
        // ffmpeg's own words (English, with the temporary path) stay out of the person's message.
        throw new AudioFormatError(
          /matches no streams|does not contain any stream/.test(err.stderr)
            ? 'Tệp không có âm thanh (chỉ nhận mp3, wav, m4a)'
            : 'Không đọc được tệp âm thanh: nội dung không phải mp3, wav hay m4a, hoặc tệp bị hỏng',
        );
      }
      const dump = parseInputDump(stderr);
      const known = CONTAINERS.find((c) => c.formatName === dump?.formatName);
      if (!dump || !known) {
        throw new AudioFormatError(
          `Định dạng ${dump?.formatName ?? 'không rõ'} không được nhận (chỉ nhận mp3, wav, m4a)`,
        );
      }
      if (!dump.audio || !known.codecs.test(dump.audio.codec)) {
        throw new AudioFormatError(
          `Tệp ${known.container} không có âm thanh đọc được (${dump.audio?.codec ?? 'không có'})`,
        );
      }
      const decoded = decodedSeconds(stderr) ?? dump.headerSeconds ?? 0;
      const cut = options.limitSeconds !== undefined && decoded > options.limitSeconds;
      // Cut short at the limit: the container's own figure says how long the whole file is.
      const durationSeconds = cut ? Math.max(decoded, dump.headerSeconds ?? 0) : decoded;
      if (durationSeconds < 0.1) {
        throw new AudioFormatError('Tệp âm thanh không có nội dung (thời lượng 0)');
      }
      return {
        container: known.container,
        formatName: dump.formatName,
        codec: dump.audio.codec,
        sampleRate: dump.audio.sampleRate,
        channels: dump.audio.channels,
        durationSeconds: round(durationSeconds, 3),
        bitrateKbps: dump.audio.bitrateKbps ?? dump.bitrateKbps,
        bytes: info.size,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Probes an uploaded programme, then masters it like speech. */
  async masterUpload(options: MasterOptions): Promise<MasteringResult & { probe: ProbeResult }> {
    const probe = await this.probe(options.input);
    return { ...(await this.master(options)), probe };
  }

  // ---- the passes -------------------------------------------------------------------------------

  /** Loudness, sample peak and length of the input after the high-pass (no true-peak oversampling). */
  private async quickLook(input: string): Promise<{ integratedLufs: number; peak: number; seconds: number }> {
    const stderr = await this.run(
      this.ffmpeg
        .command()
        .input(input)
        .audioFilters(`${PRE},ebur128=peak=sample:framelog=verbose`)
        .format('null')
        .output('-'),
      'đo nhanh độ to',
    );
    const quick = parseEbur128(stderr);
    if (!Number.isFinite(quick.integratedLufs) || quick.integratedLufs < SILENCE_LUFS) {
      throw new MasteringError(
        `Âm thanh gần như im lặng (${quick.integratedLufs} LUFS), không chuẩn hoá được`,
      );
    }
    return {
      integratedLufs: quick.integratedLufs,
      peak: quick.peak ?? 0,
      seconds: decodedSeconds(stderr) ?? 0,
    };
  }

  /**
   * Normalization is a plain gain (linear: the sound is not changed, only its level), measured with
   * ebur128 in a first pass and applied in the second. A gain alone keeps the peaks under the ceiling
   * only when the peak-to-loudness ratio fits: TP − I ≤ ceiling − level. espeak peaks at 0 dBFS with a
   * ratio near 20 dB, more than the 14.5 dB that -16/-1.5 allows, so a limiter first takes the peaks
   * down, and only as far as needed. (ebur128 rather than loudnorm's own measurement: loudnorm reads a
   * piece under 3 seconds wrongly, by several LU.)
   */
  private async fitPeaks(
    input: string,
    target: LoudnessTarget,
    speechLufs: number,
    look: { integratedLufs: number; peak: number },
  ): Promise<{ gainDb: number; limiterDb?: number; fits: boolean; passes: number; ceilingDbtp: number }> {
    // The ratio a plain gain can take, keeping MP3_HEADROOM_DB for the encoder's overshoot.
    const wantedPlr = target.truePeakDbtp - MP3_HEADROOM_DB - speechLufs;
    const rawPlr = look.peak - look.integratedLufs;
    // A limiter lowers the loudness too, so the ratio falls slower than the ceiling: measured on espeak,
    // about 0.6 dB of ratio per dB of limiting (-6 dB: 15.0, -8: 14.1, -10: 13.4 from 19.2). Start a
    // little past that estimate; the measuring pass checks it, and a miss is corrected from the two points.
    let slope = PLR_PER_LIMITER_DB;
    let limiterDb: number | undefined =
      rawPlr > wantedPlr ? look.peak - (rawPlr - wantedPlr) / slope : undefined;
    let passes = 1;
    for (;;) {
      const measured = parseEbur128(
        await this.run(
          this.ffmpeg
            .command()
            .input(input)
            .audioFilters(`${preFilters(limiterDb)},ebur128=peak=true:framelog=verbose`)
            .format('null')
            .output('-'),
          'đo độ to (lượt 1)',
        ),
      );
      passes++;
      const plr = (measured.peak ?? 0) - measured.integratedLufs;
      const fits = plr <= wantedPlr;
      if (fits || passes >= 4) {
        // Past 3 tries a limiter at the ceiling holds the peaks after the gain (dynamic).
        return {
          gainDb: speechLufs - measured.integratedLufs,
          limiterDb,
          fits,
          passes,
          ceilingDbtp: target.truePeakDbtp - MP3_HEADROOM_DB,
        };
      }
      const at = limiterDb ?? look.peak;
      if (at < look.peak - 0.5) {
        slope = Math.min(1, Math.max(0.2, (rawPlr - plr) / (look.peak - at)));
      }
      limiterDb = at - (plr - wantedPlr) / slope - 0.3;
    }
  }

  private async render(
    options: MasterOptions,
    plan: { gainDb: number; limiterDb?: number; fits: boolean; ceilingDbtp: number },
    intro: string | undefined,
    outro: string | undefined,
  ): Promise<void> {
    const mono = `aformat=sample_fmts=s16:sample_rates=${SAMPLE_RATE}:channel_layouts=mono`;
    const silence = (seconds: number, label: string): string =>
      `anullsrc=channel_layout=mono:sample_rate=${SAMPLE_RATE},atrim=duration=${seconds},${mono}[${label}]`;
    const command = this.ffmpeg.command();
    const graph: string[] = [];
    const order: string[] = [];
    let next = 0;
    if (intro) {
      command.input(intro);
      graph.push(`[${next++}:a]${mono}[intro]`, silence(options.gapAfterIntro ?? 0.7, 'gap1'));
      order.push('[intro]', '[gap1]');
    }
    command.input(options.input);
    // When the gain alone cannot fit, a limiter holds the peaks after it, at the output rate (where the
    // peaks between samples are nearer what it sees), with another half dB for them.
    const hold = plan.fits
      ? ''
      : `,alimiter=limit=${dbToLinear(plan.ceilingDbtp - 0.5).toFixed(4)}:level=false`;
    graph.push(
      `[${next++}:a]${preFilters(plan.limiterDb)},volume=${f(plan.gainDb)}dB:precision=float,` +
        `aresample=${SAMPLE_RATE}${hold},${mono}[main]`,
    );
    order.push('[main]');
    if (outro) {
      command.input(outro);
      graph.push(silence(options.gapBeforeOutro ?? 1.0, 'gap2'), `[${next++}:a]${mono}[outro]`);
      order.push('[gap2]', '[outro]');
    }
    graph.push(`${order.join('')}concat=n=${order.length}:v=0:a=1[out]`);
    const partial = `${options.output}.${randomBytes(4).toString('hex')}.part`;
    await mkdir(dirname(options.output), { recursive: true });
    command
      .complexFilter(graph.join(';'))
      .outputOptions([
        '-map',
        '[out]',
        '-ac',
        '1',
        '-ar',
        String(SAMPLE_RATE),
        '-c:a',
        'libmp3lame',
        '-b:a',
        `${options.bitrateKbps ?? 64}k`,
        '-id3v2_version',
        '3',
        ...(options.title ? ['-metadata', `title=${options.title}`] : []),
      ])
      .format('mp3')
      .output(partial);
    try {
      await this.run(command, 'dựng bản tin');
      await rename(partial, options.output);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }

  // ---- jingles ----------------------------------------------------------------------------------

  /**
   * A jingle ready to concatenate: mono 44.1 kHz WAV at JINGLE_UNDER_LU under the target. The unit's
   * files are prepared once per content and target; without one, the default tones are generated once.
   */
  async jingleFile(
    file: string | undefined,
    kind: 'intro' | 'outro',
    target: LoudnessTarget,
  ): Promise<string> {
    return (await this.preparedJingle(file, kind, target)).path;
  }

  private preparedJingle(
    file: string | undefined,
    kind: 'intro' | 'outro',
    target: LoudnessTarget,
  ): Promise<{ path: string; seconds: number }> {
    const key = `${file ?? `default-${kind}`}|${target.integratedLufs}|${target.truePeakDbtp}`;
    let pending = this.jingles.get(key);
    if (!pending) {
      pending = this.prepareJingle(file, kind, target).then(async (path) => ({
        path,
        seconds: wavSeconds(await readFile(path)),
      }));
      pending.catch(() => this.jingles.delete(key)); // a failure is not cached
      this.jingles.set(key, pending);
    }
    return pending;
  }

  private async prepareJingle(
    file: string | undefined,
    kind: 'intro' | 'outro',
    target: LoudnessTarget,
  ): Promise<string> {
    const level = target.integratedLufs - JINGLE_UNDER_LU;
    const ceiling = Math.min(target.truePeakDbtp - 1.5, -3);
    const id = file ? (await sha256(file)).slice(0, 16) : `default-${kind}`;
    const cached = join(this.cacheDir, `jingle-v2-${id}-${level}-${ceiling}.wav`);
    if (
      await stat(cached)
        .then((s) => s.size > 44)
        .catch(() => false)
    ) {
      return cached;
    }
    await mkdir(this.cacheDir, { recursive: true });
    const part = (name: string): string => `${cached}.${randomBytes(4).toString('hex')}.${name}.part`;
    const plain = part('plain');
    const partial = part('level');
    const mono = `aformat=channel_layouts=mono,aresample=${SAMPLE_RATE},aformat=sample_fmts=s16:channel_layouts=mono`;
    try {
      // 1. The jingle as it is, mono 44.1 kHz.
      const command = this.ffmpeg.command();
      if (file) {
        command.input(file).audioFilters(mono);
      } else {
        // The reference jingles: an arpeggio C5-E5-G5-C6 up for the intro, G5-E5-C5 down for the outro.
        const notes = kind === 'intro' ? [523.25, 659.25, 783.99, 1046.5] : [783.99, 659.25, 523.25];
        const tones = notes.map((hz, i) => {
          const last = i === notes.length - 1;
          const d = last ? 0.9 : 0.35;
          return `sine=frequency=${hz}:sample_rate=${SAMPLE_RATE}:duration=${d},afade=t=in:d=0.01,afade=t=out:st=${last ? 0.3 : 0.25}:d=${last ? 0.6 : 0.1}[n${i}]`;
        });
        const tail = `anullsrc=channel_layout=mono:sample_rate=${SAMPLE_RATE},atrim=duration=0.3[rest]`;
        const labels = notes.map((_, i) => `[n${i}]`).join('');
        command
          .input('anullsrc=channel_layout=mono:sample_rate=44100')
          .inputOptions(['-f', 'lavfi', '-t', '0.01']) // lavfi graphs need an input; this one is unused
          .complexFilter(
            [...tones, tail, `${labels}[rest]concat=n=${notes.length + 1}:v=0:a=1,${mono}[out]`].join(';'),
          )
          .outputOptions(['-map', '[out]']);
      }
      command.audioCodec('pcm_s16le').format('wav').output(plain);
      await this.run(command, file ? 'chuẩn bị nhạc hiệu' : 'tạo nhạc hiệu mặc định');
      // 2. Measured, then brought to its level by a gain, its peaks held under the ceiling.
      const measured = await this.measure(plain);
      if (!Number.isFinite(measured.integratedLufs) || measured.integratedLufs < SILENCE_LUFS) {
        throw new MasteringError('Nhạc hiệu gần như im lặng, không dùng được');
      }
      await this.run(
        this.ffmpeg
          .command()
          .input(plain)
          .audioFilters(
            `volume=${f(level - measured.integratedLufs)}dB:precision=float,` +
              `alimiter=limit=${dbToLinear(ceiling).toFixed(4)}:level=false,aformat=sample_fmts=s16`,
          )
          .audioCodec('pcm_s16le')
          .format('wav')
          .output(partial),
        'chỉnh độ to nhạc hiệu',
      );
      await rename(partial, cached);
    } finally {
      await Promise.all([rm(plain, { force: true }), rm(partial, { force: true })]);
    }
    return cached;
  }

  private async run(command: ReturnType<FfmpegRunner['command']>, what: string): Promise<string> {
    try {
      return await this.ffmpeg.run(command, what);
    } catch (err) {
      if (err instanceof FfmpegError) {
        throw new MasteringError(err.message, err.stderr);
      }
      throw err;
    }
  }
}

/** The speech may be set at most this far over the target to carry quieter jingles. */
const MAX_SPEECH_OVER_TARGET_LU = 2;

/**
 * The level to give the speech so that the whole programme (jingles JINGLE_UNDER_LU under, silent gaps,
 * which gating leaves out) integrates to the target: the energy of the parts, weighted by their length.
 * A long piece barely moves; a 3-second notice between 4 seconds of jingles goes about 1.5 LU up.
 */
export function speechLevelFor(target: LoudnessTarget, speechSeconds: number, jingleSeconds: number): number {
  if (jingleSeconds <= 0 || speechSeconds <= 0) {
    return target.integratedLufs;
  }
  const energy = (lufs: number): number => 10 ** (lufs / 10);
  const wanted =
    ((speechSeconds + jingleSeconds) * energy(target.integratedLufs) -
      jingleSeconds * energy(target.integratedLufs - JINGLE_UNDER_LU)) /
    speechSeconds;
  return Math.min(target.integratedLufs + MAX_SPEECH_OVER_TARGET_LU, round(10 * Math.log10(wanted)));
}

// Mono first: loudness is measured on what the loudspeaker gets (a stereo file measured as stereo
// would come out 3 LU quiet once downmixed).
const PRE = `aformat=channel_layouts=mono,highpass=f=${HIGH_PASS_HZ}`;

function preFilters(limiterDb: number | undefined): string {
  // level=false: alimiter's auto-level would push the peaks back up to 0 dBFS.
  return limiterDb === undefined
    ? PRE
    : `${PRE},alimiter=limit=${dbToLinear(limiterDb).toFixed(4)}:level=false`;
}

function checkTarget(target: LoudnessTarget): void {
  // The ranges a station may ask for (as loudnorm and EBU tools accept them).
  if (!(target.integratedLufs >= -70 && target.integratedLufs <= -5)) {
    throw new MasteringError(`Độ to mục tiêu phải từ -70 đến -5 LUFS (đang là ${target.integratedLufs})`);
  }
  if (!(target.truePeakDbtp >= -9 && target.truePeakDbtp <= 0)) {
    throw new MasteringError(`Đỉnh thực mục tiêu phải từ -9 đến 0 dBTP (đang là ${target.truePeakDbtp})`);
  }
}

function sha256(file: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}
