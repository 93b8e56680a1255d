/**
 * Speed of speech, side by side (issue 13, B4): a 1,500-character administrative article to a mastered
 * MP3, through the product as `npm start` runs it (request → queue → worker → eSpeak → mastering → stored,
 * ready, timed from outside: from `POST /articles/:id/audio` until `GET /audio/:id` says ready) against what
 * a technician would do by hand with Debian's packages: `espeak-ng -v vi -w x.wav`, ffmpeg's two-pass
 * `loudnorm` (pass 1 measures, pass 2 applies and encodes the MP3). Same text, same run, interleaved.
 * Like for like, the product's unit has no jingles (JINGLES=default keeps the generated ones).
 * Then where the product's time goes: the engine, the mastering passes, and the rest (queue, database,
 * storing), measured in this process on the same binaries.
 *
 * Needs Debian's espeak-ng (`apt-get install espeak-ng`; ffmpeg too for the by-hand side, else the
 * product's ffmpeg is used). Not run by CI.
 * Run: npm run bench:speech   (RUNS=5; FFMPEG_PATH=/usr/bin/ffmpeg to run the product on Debian's ffmpeg)
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@app/db';
import { EspeakEngine } from '../libs/speech/src/engines';
import { ffmpegVersion, FfmpegRunner, resolveFfmpeg } from '../libs/sound/src/ffmpeg';
import { AudioMastering } from '../libs/sound/src/mastering';
import { launch, printFigures, signedInAdmin, stopAndRemove } from './support';

const run = promisify(execFile);
const RUNS = Number(process.env.RUNS ?? 5);
const JINGLES = process.env.JINGLES === 'default' ? 'default' : 'none';
const PASSWORD = 'mat-khau-do-giong-doc';

// Already in spoken form (numbers and abbreviations written out), so the product's normalizer and the
// technician read the same words.
const PARAGRAPHS = [
  'Thực hiện Kế hoạch số hai mươi lăm ngày mười lăm tháng một năm hai nghìn không trăm hai mươi lăm của Ủy ban nhân dân phường về cải cách hành chính, bộ phận tiếp nhận và trả kết quả đã hướng dẫn hơn ba nghìn năm trăm lượt người dân thực hiện thủ tục hành chính.',
  'Cán bộ, công chức của phường hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia, thanh toán phí và lệ phí không dùng tiền mặt, nhận kết quả qua dịch vụ bưu chính công ích.',
  'Tỷ lệ hồ sơ giải quyết đúng hạn đạt chín mươi tám phẩy năm phần trăm. Không có hồ sơ nào phải xin lỗi người dân vì trễ hẹn.',
  'Đài truyền thanh phường đã xây dựng hai mươi tư bài tuyên truyền về cải cách hành chính, chuyển đổi số và phổ biến giáo dục pháp luật, phát sóng trên chín mươi lượt vào các khung giờ sáng và chiều.',
  'Ủy ban nhân dân phường đề nghị các tổ dân phố tiếp tục vận động người dân sử dụng dịch vụ công trực tuyến, cài đặt ứng dụng định danh điện tử và phản ánh, kiến nghị qua đường dây nóng của phường.',
  'Mọi ý kiến đóng góp xin gửi về bộ phận một cửa trong giờ hành chính, từ thứ hai đến thứ sáu hằng tuần. Ủy ban nhân dân phường trân trọng cảm ơn sự đồng hành của nhân dân.',
];

function paragraphs(): string[] {
  const out: string[] = [];
  for (let i = 0; out.join('\n').length < 1500; i++) {
    out.push(PARAGRAPHS[i % PARAGRAPHS.length]);
  }
  return out;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function which(binary: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** What a technician types: espeak-ng to a WAV, loudnorm measured, loudnorm applied with the MP3 encode. */
async function byHand(
  espeak: string,
  ffmpeg: string,
  textFile: string,
  dir: string,
  i: number,
): Promise<{ ms: number; espeakMs: number; pass1Ms: number; pass2Ms: number }> {
  const started = performance.now();
  const wav = join(dir, `hand-${i}.wav`);
  await run(espeak, ['-v', 'vi', '-s', '150', '-f', textFile, '-w', wav]);
  const espoken = performance.now();
  const target = 'I=-16:TP=-1.5:LRA=11';
  const pass1 = await run(ffmpeg, [
    '-hide_banner',
    '-nostats',
    '-i',
    wav,
    '-af',
    `loudnorm=${target}:print_format=json`,
    '-f',
    'null',
    '-',
  ]);
  const measured = JSON.parse(pass1.stderr.slice(pass1.stderr.lastIndexOf('{'))) as Record<string, string>;
  const measuredAt = performance.now();
  await run(ffmpeg, [
    '-y',
    '-hide_banner',
    '-nostats',
    '-i',
    wav,
    '-af',
    `loudnorm=${target}:measured_I=${measured.input_i}:measured_TP=${measured.input_tp}:` +
      `measured_LRA=${measured.input_lra}:measured_thresh=${measured.input_thresh}:` +
      `offset=${measured.target_offset}:linear=true,aresample=44100`,
    '-ac',
    '1',
    '-c:a',
    'libmp3lame',
    '-b:a',
    '64k',
    join(dir, `hand-${i}.mp3`),
  ]);
  const done = performance.now();
  return {
    ms: done - started,
    espeakMs: espoken - started,
    pass1Ms: measuredAt - espoken,
    pass2Ms: done - measuredAt,
  };
}

async function main(): Promise<void> {
  const espeakCli = which('espeak-ng');
  if (!espeakCli) {
    console.error(
      "Debian's espeak-ng is not installed: this bench compares against it.\n" +
        '  sudo apt-get install espeak-ng ffmpeg\n' +
        'then run again (npm run bench:speech).',
    );
    process.exit(2);
  }
  const productFfmpeg = resolveFfmpeg({ ffmpegPath: process.env.FFMPEG_PATH || undefined });
  const handFfmpeg = which('ffmpeg') ?? productFfmpeg.path;
  const dir = mkdtempSync(join(tmpdir(), 'bench-speech-'));
  const port = await freePort();
  const product = launch(join(dir, 'data'), port, { BOOTSTRAP_ADMIN_PASSWORD: PASSWORD });
  try {
    const parts = paragraphs();
    const text = parts.join('\n');
    const textFile = join(dir, 'bai.txt');
    writeFileSync(textFile, text);

    const { call } = await signedInAdmin(port, PASSWORD);
    /** An approved article with the text, in a unit of its own (so no run reuses another's file). */
    const approvedArticle = async (n: number): Promise<string> => {
      const unit = await call<{ id: string }>('POST', '/units', {
        code: `BENCHSP${n}`,
        name: `UBND xã Đo Giọng Đọc ${n}`,
        kind: 'commune',
        slug: `do-giong-doc-${n}`,
      });
      if (JINGLES === 'none') {
        for (const kind of ['intro', 'outro']) {
          await call('PATCH', `/units/${unit.id}/audio-jingles/${kind}`, { source: 'none' });
        }
      }
      const article = await call<{ id: string }>('POST', '/articles', {
        unitId: unit.id,
        title: `Bản tin cải cách hành chính ${n}`,
        bodyHtml: parts.map((p) => `<p>${p}</p>`).join(''),
        categoryIds: [],
      });
      await call('POST', `/articles/${article.id}/submit`);
      await call('POST', `/articles/${article.id}/approve`);
      return article.id;
    };
    const viaProduct = async (articleId: string): Promise<{ ms: number; durationMs: number }> => {
      const started = performance.now();
      const { audioId } = await call<{ audioId: string }>('POST', `/articles/${articleId}/audio`, {});
      for (;;) {
        const audio = await call<{ status: string; error: string | null; durationMs: number }>(
          'GET',
          `/audio/${audioId}`,
        );
        if (audio.status === 'ready') {
          return { ms: performance.now() - started, durationMs: audio.durationMs };
        }
        if (audio.status === 'failed') {
          throw new Error(`audio failed: ${audio.error}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    // Warm both: the worker's engine and jingles, the disk cache of both binaries.
    await viaProduct(await approvedArticle(0));
    await byHand(espeakCli, handFfmpeg, textFile, dir, 0);

    const productMs: number[] = [];
    const handMs: number[] = [];
    const hand: Awaited<ReturnType<typeof byHand>>[] = [];
    let programmeMs = 0;
    for (let i = 1; i <= RUNS; i++) {
      const articleId = await approvedArticle(i);
      const one = async (): Promise<void> => {
        const result = await viaProduct(articleId);
        productMs.push(result.ms);
        programmeMs = result.durationMs;
      };
      const other = async (): Promise<void> => {
        const result = await byHand(espeakCli, handFfmpeg, textFile, dir, i);
        hand.push(result);
        handMs.push(result.ms);
      };
      // Alternate the order so neither side always runs on a warmer machine.
      if (i % 2 === 0) {
        await one();
        await other();
      } else {
        await other();
        await one();
      }
    }

    // Where the product's time goes, on its own binaries, in this process.
    const ffmpeg = new FfmpegRunner({ binary: productFfmpeg, concurrency: 1 });
    const mastering = new AudioMastering({ ffmpeg, cacheDir: join(dir, 'cache') });
    const wasm = new EspeakEngine();
    await wasm.synthesize({ text: 'Khởi động.' });
    const wasmMs: number[] = [];
    const masterMs: number[] = [];
    let passes = 0;
    for (let i = 0; i < 3; i++) {
      let started = performance.now();
      const speech = await wasm.synthesize({ text });
      wasmMs.push(performance.now() - started);
      started = performance.now();
      const result = await mastering.masterWav(speech.wav, {
        output: join(dir, `parts-${i}.mp3`),
        intro: JINGLES === 'none' ? null : undefined,
        outro: JINGLES === 'none' ? null : undefined,
      });
      masterMs.push(performance.now() - started);
      passes = result.passes;
    }
    await wasm.close();

    const productMedian = median(productMs);
    const handMedian = median(handMs);
    console.log(`text: ${text.length} characters, ${RUNS} runs each, interleaved; jingles: ${JINGLES}`);
    console.log(`product ffmpeg: ${productFfmpeg.source} (${ffmpegVersion(productFfmpeg.path)})`);
    console.log(
      `by hand: ${espeakCli} (${execFileSync(espeakCli, ['--version'], { encoding: 'utf8' }).trim()})`,
    );
    console.log(`         ${handFfmpeg} (${ffmpegVersion(handFfmpeg)})`);
    printFigures([
      ['product: request → ready (mastered MP3 stored), median', seconds(productMedian)],
      ['by hand: espeak-ng + loudnorm pass 1 + pass 2 (MP3), median', seconds(handMedian)],
      ['ratio product / by hand', `${(productMedian / handMedian).toFixed(2)}×`, 'target ≤ 1.3× (1.1×)'],
      ['programme length', seconds(programmeMs)],
      ['by hand: espeak-ng CLI, median', seconds(median(hand.map((h) => h.espeakMs)))],
      ['by hand: loudnorm pass 1 (measure), median', seconds(median(hand.map((h) => h.pass1Ms)))],
      ['by hand: loudnorm pass 2 + MP3 encode, median', seconds(median(hand.map((h) => h.pass2Ms)))],
      ['product parts: eSpeak NG (npm, WASM), median', seconds(median(wasmMs))],
      [`product parts: mastering (${passes} ffmpeg runs), median`, seconds(median(masterMs))],
      [
        'product parts: the rest (queue pick-up, database, storing, polling)',
        seconds(productMedian - median(wasmMs) - median(masterMs)),
      ],
      ['all runs, product (ms)', productMs.map((v) => v.toFixed(0)).join(' ')],
      ['all runs, by hand (ms)', handMs.map((v) => v.toFixed(0)).join(' ')],
      ['by-hand MP3 size', `${Math.round(statSync(join(dir, `hand-${RUNS}.mp3`)).size / 1024)} KiB`],
    ]);
  } finally {
    await stopAndRemove(product, dir);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
