import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** URL prefix under which stored media is served (design.md §6: files under `/media/...`). */
export const MEDIA_URL_PREFIX = '/media/';

export interface StoredMedia {
  /** Path inside the storage, e.g. `images/3f…a1.jpg`: the content's SHA-256 names the file. */
  key: string;
  url: string;
  sha256: string;
  bytes: number;
  /** False when the same content was already stored. */
  created: boolean;
}

export interface MediaStat {
  bytes: number;
}

/**
 * Where produced and uploaded media lives (design.md §2: local `MEDIA_DIR` now, object storage later).
 * Bytes go in and come out as streams: nothing in the interface is a local path, so an object-storage
 * driver can implement it as it is. Files are named by the hash of their content, so a stored file never
 * changes: it is served with a year-long immutable cache, and the same upload twice is stored once.
 */
export abstract class MediaStorage {
  /** Stores the content (read once, hashed on the way) under `folder/<sha256>.<extension>`. */
  abstract put(folder: string, content: Buffer | Readable, extension: string): Promise<StoredMedia>;
  /** The stored content, or undefined when there is none under that key. */
  abstract get(key: string): Promise<Readable | undefined>;
  abstract stat(key: string): Promise<MediaStat | undefined>;
  /** Removes it; nothing happens when it is not there. */
  abstract delete(key: string): Promise<void>;
}

const FOLDER = /^[a-z0-9-]+$/;
const EXTENSION = /^[a-z0-9]{1,5}$/;

export class LocalMediaStorage extends MediaStorage {
  readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  async put(folder: string, content: Buffer | Readable, extension: string): Promise<StoredMedia> {
    if (!FOLDER.test(folder) || !EXTENSION.test(extension)) {
      throw new Error(`Invalid media folder or extension: ${folder}, ${extension}`);
    }
    const dir = join(this.root, folder);
    await mkdir(dir, { recursive: true });
    // Written aside under a random name while hashed, then renamed to its hash: a reader never sees half a
    // file, even if the process dies mid-write, and the content is read once.
    const partial = join(dir, `.${randomUUID()}.part`);
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      await pipeline(
        Buffer.isBuffer(content) ? Readable.from([content]) : content,
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            hash.update(chunk);
            bytes += chunk.length;
            done(null, chunk);
          },
        }),
        createWriteStream(partial, { flags: 'wx' }),
      );
      const sha256 = hash.digest('hex');
      const key = `${folder}/${sha256}.${extension}`;
      const path = join(this.root, key);
      const stored = { key, url: `${MEDIA_URL_PREFIX}${key}`, sha256, bytes };
      if (await isFile(path)) {
        return { ...stored, created: false };
      }
      await rename(partial, path);
      return { ...stored, created: true };
    } finally {
      await rm(partial, { force: true });
    }
  }

  async get(key: string): Promise<Readable | undefined> {
    const path = this.pathOf(key);
    return path && (await isFile(path)) ? createReadStream(path) : undefined;
  }

  async stat(key: string): Promise<MediaStat | undefined> {
    const path = this.pathOf(key);
    const info = path ? await stat(path).catch(() => undefined) : undefined;
    return info?.isFile() ? { bytes: info.size } : undefined;
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    if (path) {
      await rm(path, { force: true });
    }
  }

  /** The file on this disk (for `withMediaFile`); undefined outside the media folder. */
  fileOf(key: string): string | undefined {
    return this.pathOf(key);
  }

  private pathOf(key: string): string | undefined {
    const path = resolve(this.root, key);
    return path.startsWith(this.root + sep) ? path : undefined;
  }
}

/**
 * For tools that can only read files (ffmpeg seeks and reads a programme several times): `use` gets a
 * file with the stored content. The local driver hands its own file (no copy); another driver's content
 * is copied to a temporary file, removed afterwards. Undefined when nothing is stored under the key.
 */
export async function withMediaFile<T>(
  storage: MediaStorage,
  key: string,
  use: (path: string) => Promise<T>,
): Promise<T | undefined> {
  if (storage instanceof LocalMediaStorage) {
    const path = storage.fileOf(key);
    return path && (await isFile(path)) ? use(path) : undefined;
  }
  const content = await storage.get(key);
  if (!content) {
    return undefined;
  }
  const dir = await mkdtemp(join(tmpdir(), 'xa-media-'));
  try {
    const path = join(dir, key.replace(/[^a-z0-9.]+/gi, '-'));
    await pipeline(content, createWriteStream(path));
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
