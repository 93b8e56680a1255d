import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

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

/**
 * Where produced and uploaded media lives (design.md §2: local `MEDIA_DIR` now, object storage later).
 * Files are named by the hash of their content, so a stored file never changes: it is served with a
 * year-long immutable cache, and the same upload twice is stored once.
 */
export abstract class MediaStorage {
  abstract put(folder: string, bytes: Buffer, extension: string): Promise<StoredMedia>;
  /** A local path to read the file from (ffmpeg reads files), or undefined if it is not stored. */
  abstract localPath(key: string): Promise<string | undefined>;
}

const FOLDER = /^[a-z0-9-]+$/;
const EXTENSION = /^[a-z0-9]{1,5}$/;

export class LocalMediaStorage extends MediaStorage {
  readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  async put(folder: string, bytes: Buffer, extension: string): Promise<StoredMedia> {
    if (!FOLDER.test(folder) || !EXTENSION.test(extension)) {
      throw new Error(`Invalid media folder or extension: ${folder}, ${extension}`);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = `${folder}/${sha256}.${extension}`;
    const path = join(this.root, key);
    const stored = { key, url: `${MEDIA_URL_PREFIX}${key}`, sha256, bytes: bytes.length };
    if (await this.exists(path)) {
      return { ...stored, created: false };
    }
    await mkdir(dirname(path), { recursive: true });
    // Written aside and renamed: a reader never sees half a file, even if the process dies mid-write.
    const partial = `${path}.${randomUUID()}.part`;
    try {
      await writeFile(partial, bytes);
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { ...stored, created: true };
  }

  async localPath(key: string): Promise<string | undefined> {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) {
      return undefined;
    }
    return (await this.exists(path)) ? path : undefined;
  }

  private async exists(path: string): Promise<boolean> {
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  }
}
