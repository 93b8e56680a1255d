import { Logger } from '@nestjs/common';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEDIA_URL_PREFIX, MediaStorage, withMediaFile } from '@app/media';
import { sharedFfmpegRunner } from '@app/sound';

/** Wide enough for a list's thumbnail on a phone held sideways, at twice the pixels of a 160 px box. */
export const THUMBNAIL_WIDTH = 480;

const logger = new Logger('Thumbnail');

/**
 * A small JPEG of an uploaded image (its first frame, at most THUMBNAIL_WIDTH wide), for the portal's lists:
 * a phone photo is several MB, its thumbnail some 30 KB. Made once with the ffmpeg the product already
 * ships (no image library needed) and stored by content like every medium. When ffmpeg cannot read the
 * image the original is used: a list with a heavy picture is better than a refused article.
 */
export async function makeThumbnail(storage: MediaStorage, url: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'xa-thumb-'));
  try {
    const out = join(dir, 'thumb.jpg');
    const runner = sharedFfmpegRunner();
    const made = await withMediaFile(storage, url.slice(MEDIA_URL_PREFIX.length), (path) =>
      runner.run(
        runner
          .command()
          .input(path)
          .outputOptions(['-frames:v 1', `-vf scale='min(${THUMBNAIL_WIDTH},iw)':-2`, '-q:v 5'])
          .output(out),
        'làm ảnh thu nhỏ',
      ),
    );
    if (made === undefined) {
      return url;
    }
    return (await storage.put('thumbs', await readFile(out), 'jpg')).url;
  } catch (error) {
    logger.warn(`no thumbnail for ${url}: ${(error as Error).message}`);
    return url;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
