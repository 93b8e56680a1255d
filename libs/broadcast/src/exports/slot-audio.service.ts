import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { Principal } from '@app/common';
import { MediaStorage } from '@app/media';
import { FfmpegRunner, sharedFfmpegRunner } from '@app/sound';
import { BroadcastException } from '../broadcast.exception';
import { BroadcastRepository } from '../broadcast.repository';
import { BROADCAST_READERS } from '../broadcast.roles';
import { GAP_SEC } from '../plan-generator';
import { hhmm } from '../slot-policy';
import { StationsService } from '../stations.service';
import { gapFrames, readMp3Frames, type Mp3Frames } from './mp3-frames';

/** Bumped when the way a slot's file is made changes, so older cached files are not served for it. */
const RECIPE = 'slot-mp3/1';
const FOLDER = 'slot-audio';
/** Cache keys remembered in this process (each a few hundred bytes). */
const REMEMBERED = 2_000;
/** The speech MP3 settings of libs/sound's mastering: 44.1 kHz mono, 64 kbps. */
const SAMPLE_RATE = 44100;
const BITRATE = '64k';

export interface SlotAudioFile {
  stream: Readable;
  bytes: number;
  fileName: string;
}

/** "Bản tin buổi sáng" → "ban-tin-buoi-sang". */
export function slotSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'khung-gio';
}

/** One piece: its stored file and what the error names when the file is gone. */
interface Piece {
  fileKey: string;
  title: string;
}

/**
 * A slot's pieces joined into one MP3 for stations that play from a USB or SD timer. Pieces made by the
 * product are MP3 of one format, so their frames are joined as they are (no decoding, no second lossy
 * encoding: a 30-minute slot takes well under a second), with frames of digital silence between them, as
 * many as put each piece where the plan has it (pieces + GAP_SEC each). LAME's delay and padding are taken
 * into account, so the file does not drift by ~30 ms a join. Pieces of another format are decoded and
 * encoded again with ffmpeg's concat filter. The file is kept in media under its content hash, and found
 * again by a key made of the pieces' hashes and the gap.
 */
@Injectable()
export class SlotAudioService {
  /** Cache key → media key. Media is content-addressed, so the map only saves rebuilding. */
  private readonly made = new Map<string, string>();
  private readonly building = new Map<string, Promise<string>>();
  private readonly silence = new Map<string, Promise<Buffer>>();
  private runner?: FfmpegRunner;

  constructor(
    private readonly repo: BroadcastRepository,
    private readonly stations: StationsService,
    private readonly storage: MediaStorage,
  ) {}

  private ffmpeg(): FfmpegRunner {
    this.runner ??= sharedFfmpegRunner();
    return this.runner;
  }

  async slotFile(
    principal: Principal,
    stationId: string,
    date: string,
    slotId: string,
  ): Promise<SlotAudioFile> {
    const { station } = await this.stations.requireStation(principal, stationId, BROADCAST_READERS);
    const plan = await this.repo.findPlan(station.unitId, station.id, date);
    if (!plan) {
      throw BroadcastException.planNotFound(date);
    }
    const slot = await this.repo.findSlot(slotId);
    if (!slot || slot.stationId !== station.id || slot.unitId !== station.unitId) {
      throw BroadcastException.slotNotFound();
    }
    if (slot.kind === 'relay') {
      throw BroadcastException.relaySlotAudio();
    }
    const items = (await this.repo.itemsOf(plan.unitId, plan.id))
      .filter((i) => i.slotId === slot.id && i.kind === 'audio' && i.audioId)
      .sort((a, b) => a.position - b.position);
    if (items.length === 0) {
      throw BroadcastException.emptySlot(date, slot.name);
    }
    const files = await this.repo.audioFiles(
      plan.unitId,
      items.map((i) => i.audioId!),
    );
    const pieces: Piece[] = items.map((i) => {
      const fileKey = files.get(i.audioId!);
      if (!fileKey) {
        throw BroadcastException.slotAudioMissing(i.title);
      }
      return { fileKey, title: i.title };
    });
    let key = await this.fileFor(pieces);
    let [stream, stat] = await Promise.all([this.storage.get(key), this.storage.stat(key)]);
    if (!stream || !stat) {
      // Removed from media between the two looks: made once more.
      this.made.delete(cacheKeyOf(pieces));
      key = await this.fileFor(pieces);
      [stream, stat] = await Promise.all([this.storage.get(key), this.storage.stat(key)]);
      if (!stream || !stat) {
        throw new Error(`slot audio ${key} is not in media right after it was stored`);
      }
    }
    return {
      stream,
      bytes: stat.bytes,
      fileName: `${date}-${hhmm(slot.startMinute).replace(':', '')}-${slotSlug(slot.name)}.mp3`,
    };
  }

  /** The media key of the joined file, made once per content (concurrent asks wait for one build). */
  async fileFor(pieces: Piece[]): Promise<string> {
    const cacheKey = cacheKeyOf(pieces);
    const known = this.made.get(cacheKey);
    if (known && (await this.storage.stat(known))) {
      return known;
    }
    let build = this.building.get(cacheKey);
    if (!build) {
      build = this.build(pieces).finally(() => this.building.delete(cacheKey));
      this.building.set(cacheKey, build);
    }
    const key = await build;
    if (this.made.size >= REMEMBERED) {
      this.made.delete(this.made.keys().next().value!);
    }
    this.made.set(cacheKey, key);
    return key;
  }

  private async build(pieces: Piece[]): Promise<string> {
    const bytes = await Promise.all(pieces.map((p) => this.read(p)));
    const frames = bytes.map((b) => readMp3Frames(b));
    const first = frames[0];
    const sameFormat =
      first !== null &&
      frames.every(
        (f) =>
          f !== null &&
          f.sampleRate === first.sampleRate &&
          f.channels === first.channels &&
          f.samplesPerFrame === first.samplesPerFrame,
      );
    const joined = sameFormat
      ? await this.joinFrames(bytes, frames as Mp3Frames[])
      : await this.reencode(bytes);
    return (await this.storage.put(FOLDER, joined, 'mp3')).key;
  }

  private async read(piece: Piece): Promise<Buffer> {
    const stream = await this.storage.get(piece.fileKey);
    if (!stream) {
      throw BroadcastException.slotAudioMissing(piece.title);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  private async joinFrames(bytes: Buffer[], frames: Mp3Frames[]): Promise<Buffer> {
    const { sampleRate, channels } = frames[0];
    const silence = await this.silenceOf(sampleRate, channels);
    // Frames from the middle of a long silence encoded without the bit reservoir: each stands alone.
    const quiet = readMp3Frames(silence)!.frames.slice(5, -5);
    const gaps = gapFrames(frames, GAP_SEC);
    const parts: Buffer[] = [];
    frames.forEach((f, k) => {
      for (let g = 0; k > 0 && g < gaps[k - 1]; g += 1) {
        parts.push(silence.subarray(...quiet[g % quiet.length]));
      }
      for (const [start, end] of f.frames) {
        parts.push(bytes[k].subarray(start, end));
      }
    });
    return Buffer.concat(parts);
  }

  private silenceOf(sampleRate: number, channels: number): Promise<Buffer> {
    const id = `${sampleRate}:${channels}`;
    let made = this.silence.get(id);
    if (!made) {
      made = this.withTemp(async (dir) => {
        const out = join(dir, 'silence.mp3');
        await this.ffmpeg().run(
          this.ffmpeg()
            .command()
            .input(`anullsrc=channel_layout=${channels === 1 ? 'mono' : 'stereo'}:sample_rate=${sampleRate}`)
            .inputFormat('lavfi')
            .outputOptions(['-t', '10', '-c:a', 'libmp3lame', '-b:a', BITRATE, '-reservoir', '0'])
            .output(out),
          'tạo khoảng lặng',
        );
        return readFile(out);
      });
      made.catch(() => this.silence.delete(id));
      this.silence.set(id, made);
    }
    return made;
  }

  /** Pieces of differing formats: decoded, joined with the gaps, encoded once as the speech MP3. */
  private reencode(bytes: Buffer[]): Promise<Buffer> {
    return this.withTemp(async (dir) => {
      const command = this.ffmpeg().command();
      for (const [n, b] of bytes.entries()) {
        const path = join(dir, `piece-${n}`);
        await writeFile(path, b);
        command.input(path);
      }
      const pad = GAP_SEC * SAMPLE_RATE;
      const graph = bytes.map(
        (_, n) =>
          `[${n}:a]aresample=${SAMPLE_RATE},aformat=channel_layouts=mono${n < bytes.length - 1 ? `,apad=pad_len=${pad}` : ''}[p${n}]`,
      );
      graph.push(`${bytes.map((_, n) => `[p${n}]`).join('')}concat=n=${bytes.length}:v=0:a=1[out]`);
      const out = join(dir, 'slot.mp3');
      await this.ffmpeg().run(
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
            BITRATE,
          ])
          .format('mp3')
          .output(out),
        'ghép bản tin của khung giờ',
      );
      return readFile(out);
    });
  }

  private async withTemp<T>(use: (dir: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), 'xa-slot-'));
    try {
      return await use(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** sha256 of the recipe, the pieces' content hashes (their media keys name them) and the gap. */
export function cacheKeyOf(pieces: { fileKey: string }[]): string {
  return createHash('sha256')
    .update(JSON.stringify({ recipe: RECIPE, gapSec: GAP_SEC, pieces: pieces.map((p) => p.fileKey) }))
    .digest('hex');
}
