/**
 * Speech figures (issue [5/8]): a 1,500-character administrative article → mastered MP3, offline
 * (espeak-ng + ffmpeg), through the library (EspeakEngine + AudioMastering), against the same
 * espeak-ng and ffmpeg commands run by hand (spawned directly), in the same run on the same binary.
 * Run: npm run bench:speech   (RUNS=5 by default; medians and minimums: on a shared machine the
 * minimum is the cost of the work, the median includes the neighbours)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EspeakEngine } from '../libs/speech/src/engines';
import { ffmpegVersion, FfmpegRunner } from '../libs/speech/src/ffmpeg';
import { AudioMastering } from '../libs/speech/src/mastering';
import { printFigures } from './support';

const run = promisify(execFile);
const RUNS = Number(process.env.RUNS ?? 5);

// Already in spoken form (numbers and abbreviations written out), as the normalizer hands it over.
const PARAGRAPHS = [
  'Thực hiện Kế hoạch số hai mươi lăm ngày mười lăm tháng một năm hai nghìn không trăm hai mươi lăm của Ủy ban nhân dân phường về cải cách hành chính, bộ phận tiếp nhận và trả kết quả đã hướng dẫn hơn ba nghìn năm trăm lượt người dân thực hiện thủ tục hành chính.',
  'Cán bộ, công chức của phường hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia, thanh toán phí và lệ phí không dùng tiền mặt, nhận kết quả qua dịch vụ bưu chính công ích.',
  'Tỷ lệ hồ sơ giải quyết đúng hạn đạt chín mươi tám phẩy năm phần trăm. Không có hồ sơ nào phải xin lỗi người dân vì trễ hẹn.',
  'Đài truyền thanh phường đã xây dựng hai mươi tư bài tuyên truyền về cải cách hành chính, chuyển đổi số và phổ biến giáo dục pháp luật, phát sóng trên chín mươi lượt vào các khung giờ sáng và chiều.',
  'Ủy ban nhân dân phường đề nghị các tổ dân phố tiếp tục vận động người dân sử dụng dịch vụ công trực tuyến, cài đặt ứng dụng định danh điện tử và phản ánh, kiến nghị qua đường dây nóng của phường.',
  'Mọi ý kiến đóng góp xin gửi về bộ phận một cửa trong giờ hành chính, từ thứ hai đến thứ sáu hằng tuần. Ủy ban nhân dân phường trân trọng cảm ơn sự đồng hành của nhân dân.',
];

function article(): string {
  let text = '';
  for (let i = 0; text.length < 1500; i++) {
    text += (text ? '\n' : '') + PARAGRAPHS[i % PARAGRAPHS.length];
  }
  return text;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const min = (values: number[]): number => Math.min(...values);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** The pipeline as plain commands, no library in between: the reference (tts-audio.md §3.3) with its loudnorm
 * passes as the library runs them now (ebur128 measured, then a gain). */
async function byHand(
  ffmpeg: string,
  text: string,
  dir: string,
  intro: string,
  outro: string,
): Promise<number> {
  const started = performance.now();
  // espeak-ng exactly as its README calls it: a new WASM instance, text through a file.
  const moduleName = 'espeak-ng'; // an ES module with no types; real Node imports it
  const { default: ESpeakNg } = (await import(moduleName)) as {
    default: (m: object) => Promise<{ FS: { readFile(p: string): Uint8Array } }>;
  };
  const instance = await ESpeakNg({
    preRun: [(m: { FS: { writeFile(p: string, d: string): void } }) => m.FS.writeFile('/in.txt', text)],
    arguments: ['-v', 'vi', '-s', '150', '-f', '/in.txt', '-w', '/out.wav'],
    print() {},
    printErr() {},
  });
  const speech = join(dir, 'hand-speech.wav');
  writeFileSync(speech, instance.FS.readFile('/out.wav'));
  const pre = 'aformat=channel_layouts=mono,highpass=f=100,alimiter=limit=0.35:level=false';
  const pass1 = await run(ffmpeg, [
    '-hide_banner',
    '-nostats',
    '-i',
    speech,
    '-af',
    `${pre},ebur128=peak=true`,
    '-f',
    'null',
    '-',
  ]);
  const summary = pass1.stderr.slice(pass1.stderr.lastIndexOf('Summary:'));
  const gain = -16 - Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)?.[1]);
  const mono = 'aformat=sample_fmts=s16:sample_rates=44100:channel_layouts=mono';
  const out = join(dir, 'hand.mp3');
  await run(ffmpeg, [
    '-y',
    '-hide_banner',
    '-nostats',
    '-i',
    intro,
    '-i',
    speech,
    '-i',
    outro,
    '-filter_complex',
    `[1:a]${pre},volume=${gain.toFixed(2)}dB:precision=float,aresample=44100,${mono}[sp];` +
      `[0:a]${mono}[i];[2:a]${mono}[o];` +
      `anullsrc=channel_layout=mono:sample_rate=44100,atrim=duration=0.7,${mono}[g1];` +
      `anullsrc=channel_layout=mono:sample_rate=44100,atrim=duration=1.0,${mono}[g2];` +
      `[i][g1][sp][g2][o]concat=n=5:v=0:a=1[out]`,
    '-map',
    '[out]',
    '-ac',
    '1',
    '-ar',
    '44100',
    '-c:a',
    'libmp3lame',
    '-b:a',
    '64k',
    '-id3v2_version',
    '3',
    out,
  ]);
  await run(ffmpeg, ['-hide_banner', '-nostats', '-i', out, '-af', 'ebur128=peak=true', '-f', 'null', '-']);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-speech-'));
  try {
    const text = article();
    const ffmpeg = new FfmpegRunner({ concurrency: 1 });
    const mastering = new AudioMastering({ ffmpeg, cacheDir: join(dir, 'cache') });
    const espeak = new EspeakEngine();

    // Once per process or per install: the default jingles (cached), the espeak worker, fluent-ffmpeg's
    // check of the binary's formats and codecs.
    let started = performance.now();
    await mastering.masterWav((await espeak.synthesize({ text: 'Khởi động.' })).wav, {
      output: join(dir, 'warm.mp3'),
    });
    const warmup = performance.now() - started;
    const jingles = readdirSync(join(dir, 'cache')).filter((f) => f.endsWith('.wav'));
    const intro = join(
      dir,
      'cache',
      jingles.find((f) => f.includes('intro'))!,
    );
    const outro = join(
      dir,
      'cache',
      jingles.find((f) => f.includes('outro'))!,
    );

    const library: number[] = [];
    const hand: number[] = [];
    let last: Awaited<ReturnType<AudioMastering['masterWav']>> | undefined;
    let speechSeconds = 0;
    let espeakMs = 0;
    let masteringMs = 0;
    for (let i = 0; i < RUNS; i++) {
      // Alternate the order so neither side always runs on a warmer machine.
      const one = async (): Promise<void> => {
        started = performance.now();
        const speech = await espeak.synthesize({ text });
        espeakMs = performance.now() - started;
        speechSeconds = (speech.wav.length - 44) / (22050 * 2);
        last = await mastering.masterWav(speech.wav, { output: join(dir, `library-${i}.mp3`) });
        library.push(performance.now() - started);
        masteringMs = library[library.length - 1] - espeakMs;
      };
      const other = async (): Promise<void> => {
        hand.push(await byHand(ffmpeg.binary.path, text, dir, intro, outro));
      };
      if (i % 2 === 0) {
        await one();
        await other();
      } else {
        await other();
        await one();
      }
    }
    await espeak.close();

    const lib = median(library);
    const byHandMs = median(hand);
    console.log(
      `ffmpeg: ${ffmpeg.binary.source} (${ffmpegVersion(ffmpeg.binary.path)}); espeak-ng (npm, WASM)`,
    );
    console.log(`article: ${text.length} characters; runs: ${RUNS}`);
    printFigures([
      ['once per process: worker, default jingles, ffmpeg capabilities', seconds(warmup)],
      ['article → mastered MP3 through the library, median', seconds(lib), 'target ≤ 6 s on 2 cores'],
      ['  minimum', seconds(min(library))],
      ['  of which espeak-ng / mastering (last run)', `${seconds(espeakMs)} / ${seconds(masteringMs)}`],
      ['the same espeak-ng + ffmpeg commands by hand, median', seconds(byHandMs)],
      ['  minimum', seconds(min(hand))],
      ['ratio library / by hand, medians', `${(lib / byHandMs).toFixed(2)}×`, 'target ≤ 1.3×'],
      ['ratio library / by hand, minimums', `${(min(library) / min(hand)).toFixed(2)}×`, 'target ≤ 1.3×'],
      ['speech from espeak-ng', `${speechSeconds.toFixed(1)} s`],
      ['programme (intro, gaps, outro)', `${last!.durationSeconds.toFixed(1)} s`],
      ['× real time (library)', `${(last!.durationSeconds / (lib / 1000)).toFixed(0)}×`],
      [
        'result: integrated / true peak / LRA',
        `${last!.integratedLufs} LUFS / ${last!.truePeakDbtp} dBTP / ${last!.lra} LU`,
        'target -16 ± 1 LUFS, ≤ -1.5 dBTP',
      ],
      [
        'result format',
        `${last!.codec} ${last!.sampleRate} Hz ${last!.channels} ch ${last!.bitrateKbps} kb/s, ` +
          `${Math.round(statSync(last!.file).size / 1024)} KiB`,
      ],
      [
        'normalization / limiter / ffmpeg runs',
        `${last!.normalization} / ${last!.limiterDb ?? 'none'} dB / ${last!.passes}`,
      ],
      ['all runs, library (ms)', library.map((v) => v.toFixed(0)).join(' ')],
      ['all runs, by hand (ms)', hand.map((v) => v.toFixed(0)).join(' ')],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
