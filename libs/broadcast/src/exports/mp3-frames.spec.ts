import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFfmpeg } from '@app/sound';
import { lavfiFile } from '../../../../test/support/lavfi';
import { gapFrames, programmeSeconds, readMp3Frames } from './mp3-frames';

const FFMPEG = resolveFfmpeg().path;
const work = mkdtempSync(join(tmpdir(), 'xa-mp3-frames-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A tone as the product's pieces are: 44.1 kHz mono MP3 at 64 kbps. */
function tone(name: string, seconds: number, extra: string[] = []): Buffer {
  const args = ['-ac', '1', '-ar', '44100', '-c:a', 'libmp3lame', '-b:a', '64k', ...extra];
  return readFileSync(lavfiFile(join(work, name), { hz: 440, seconds }, args));
}

function decodedSeconds(bytes: Buffer): number {
  const path = join(work, `d-${Math.random()}.mp3`);
  writeFileSync(path, bytes);
  const run = spawnSync(FFMPEG, ['-nostats', '-i', path, '-f', 'null', '-'], { encoding: 'utf8' });
  const [, h, m, s] = /time=(\d+):(\d+):([\d.]+)/.exec(run.stderr.slice(run.stderr.lastIndexOf('time=')))!;
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

describe('readMp3Frames', () => {
  it('finds the frames, the format and the delay and padding of a LAME file', () => {
    const f = readMp3Frames(tone('a.mp3', 2.5))!;
    expect(f).toMatchObject({ sampleRate: 44100, channels: 1, samplesPerFrame: 1152 });
    expect(f.leading).toBeGreaterThan(1000);
    expect(programmeSeconds(f)).toBeCloseTo(2.5, 3);
  });

  it('skips an ID3 tag and refuses bytes that are not MP3', () => {
    const tagged = tone('t.mp3', 1, ['-metadata', 'title=Bản tin thử', '-id3v2_version', '3']);
    expect(tagged.toString('latin1', 0, 3)).toBe('ID3');
    expect(programmeSeconds(readMp3Frames(tagged)!)).toBeCloseTo(1, 3);
    expect(readMp3Frames(Buffer.from('không phải mp3'.repeat(100)))).toBeNull();
  });
});

describe('gapFrames', () => {
  it('joined frames decode to the pieces plus the gaps (within a frame)', () => {
    const lengths = [1.3, 2.71, 0.9, 3.05];
    const pieces = lengths.map((s, i) => tone(`p${i}.mp3`, s));
    const silence = tone('s.mp3', 4, ['-reservoir', '0']);
    const frames = pieces.map((p) => readMp3Frames(p)!);
    const quiet = readMp3Frames(silence)!.frames.slice(5);
    const gaps = gapFrames(frames, 3);
    expect(gaps).toHaveLength(3);
    const out: Buffer[] = [];
    frames.forEach((f, k) => {
      for (let g = 0; k > 0 && g < gaps[k - 1]; g += 1) {
        out.push(silence.subarray(...quiet[g % quiet.length]));
      }
      f.frames.forEach(([a, b]) => out.push(pieces[k].subarray(a, b)));
    });
    const expected = lengths.reduce((a, b) => a + b, 0) + 3 * 3;
    expect(Math.abs(decodedSeconds(Buffer.concat(out)) - expected)).toBeLessThan(0.1);
  });
});
