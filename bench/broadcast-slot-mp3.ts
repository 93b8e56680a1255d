/**
 * A slot's MP3 for timer players (GET /stations/:id/plans/:date/slots/:slotId/audio.mp3): a 30-minute slot
 * of ten pieces (64 kbps mono MP3 at 44.1 kHz, as libs/sound masters them) joined with the plan's 3 s gaps.
 * Target: ≤ 10 s. Side by side with what a person would type: ffmpeg's concat demuxer copying the frames
 * with a 3 s silence file between pieces, and the concat filter that decodes and encodes again. For each:
 * the time, and how far the file's decoded length is from the plan's (pieces + gaps), and the second ask
 * of the product (cached by content).
 * Run: npm run bench:slot-mp3   (REENCODE=0 leaves out the re-encoding command, the slow one)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BroadcastRepository, GAP_SEC, StationsService } from '@app/broadcast';
import { LocalMediaStorage } from '@app/media';
import { resolveFfmpeg } from '@app/sound';
import { SlotAudioService } from '../libs/broadcast/src/exports/slot-audio.service';
import { printFigures } from './support';

const FFMPEG = resolveFfmpeg().path;
/** Seconds of each piece: 1,773 s, with nine 3 s gaps 1,800 s (30 minutes). */
const LENGTHS = [120, 240, 150, 300, 90, 210, 180, 135, 200, 148];

function ffmpeg(args: string[]): void {
  execFileSync(FFMPEG, ['-v', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

function decodedSeconds(path: string): number {
  const run = spawnSync(FFMPEG, ['-nostats', '-i', path, '-f', 'null', '-'], { encoding: 'utf8' });
  const [, h, m, s] = /time=(\d+):(\d+):([\d.]+)/.exec(run.stderr.slice(run.stderr.lastIndexOf('time=')))!;
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

const MP3 = ['-ac', '1', '-ar', '44100', '-c:a', 'libmp3lame', '-b:a', '64k'];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xa-bench-slot-'));
  try {
    const media = new LocalMediaStorage(join(dir, 'media'));
    process.stdout.write(`Making ${LENGTHS.length} pieces (${LENGTHS.reduce((a, b) => a + b, 0)} s)…\n`);
    const files: string[] = [];
    const pieces: { fileKey: string; title: string }[] = [];
    for (const [n, seconds] of LENGTHS.entries()) {
      const path = join(dir, `piece-${n}.mp3`);
      ffmpeg(['-f', 'lavfi', '-i', `sine=frequency=${220 + n * 40}:duration=${seconds}`, ...MP3, path]);
      files.push(path);
      const stored = await media.put('audio', readFileSync(path), 'mp3');
      pieces.push({ fileKey: stored.key, title: `Bản tin ${n + 1}` });
    }
    const planned = LENGTHS.reduce((a, b) => a + b, 0) + GAP_SEC * (LENGTHS.length - 1);
    const figures: string[][] = [];
    const row = (name: string, ms: number, path: string) => {
      const seconds = decodedSeconds(path);
      figures.push([
        name,
        `${(ms / 1000).toFixed(2)} s`,
        `length ${seconds.toFixed(2)} s, ${(seconds - planned).toFixed(2)} s off the plan`,
      ]);
    };

    const service = new SlotAudioService(
      null as unknown as BroadcastRepository,
      null as unknown as StationsService,
      media,
    );
    let started = Date.now();
    const key = await service.fileFor(pieces);
    const firstMs = Date.now() - started;
    row('product: frames joined, gaps placed', firstMs, media.fileOf(key)!);
    started = Date.now();
    await service.fileFor(pieces);
    figures.push(['product, second ask (cached)', `${((Date.now() - started) / 1000).toFixed(3)} s`, '']);

    const gap = join(dir, 'gap.mp3');
    ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'anullsrc=channel_layout=mono:sample_rate=44100',
      '-t',
      String(GAP_SEC),
      ...MP3,
      gap,
    ]);
    const list = join(dir, 'list.txt');
    writeFileSync(
      list,
      files.flatMap((f, n) => [`file '${f}'`, ...(n < files.length - 1 ? [`file '${gap}'`] : [])]).join('\n'),
    );
    const copied = join(dir, 'copy.mp3');
    started = Date.now();
    ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', copied]);
    row('ffmpeg -f concat -i list.txt -c copy', Date.now() - started, copied);

    if (process.env.REENCODE !== '0') {
      const encoded = join(dir, 'encoded.mp3');
      const inputs = files.flatMap((f) => ['-i', f]);
      const graph = files
        .map((_, n) => `[${n}:a]${n < files.length - 1 ? `apad=pad_len=${GAP_SEC * 44100}` : 'anull'}[p${n}]`)
        .join(';');
      started = Date.now();
      ffmpeg([
        ...inputs,
        '-filter_complex',
        `${graph};${files.map((_, n) => `[p${n}]`).join('')}concat=n=${files.length}:v=0:a=1[out]`,
        '-map',
        '[out]',
        ...MP3,
        encoded,
      ]);
      row('ffmpeg concat filter (decode, encode again)', Date.now() - started, encoded);
    }
    process.stdout.write(
      `A 30-minute slot: ${LENGTHS.length} pieces + ${LENGTHS.length - 1} gaps of ${GAP_SEC} s = ${planned} s (target ≤ 10 s)\n`,
    );
    printFigures(figures);
    if (firstMs > 10_000) {
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
