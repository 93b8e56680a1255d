import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync } from 'node:fs';
import { LocalMediaStorage, MEDIA_URL_PREFIX, MediaStorage } from './media-storage';

/**
 * Serves stored media under `/media/` (design.md §6) with HTTP range requests (audio players seek) and,
 * since a file's name is its content hash, a year-long immutable cache. Unknown names are 404.
 */
export async function registerMediaRoutes(app: NestFastifyApplication): Promise<void> {
  const storage = app.get(MediaStorage);
  if (!(storage instanceof LocalMediaStorage)) {
    return; // another storage serves its own URLs
  }
  mkdirSync(storage.root, { recursive: true });
  await app.register(fastifyStatic, {
    root: storage.root,
    prefix: MEDIA_URL_PREFIX,
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    acceptRanges: true,
    immutable: true,
    maxAge: '365d',
    setHeaders: (res) => {
      // Nothing in media/ is meant to run as a page.
      void res.header('x-content-type-options', 'nosniff');
      void res.header('content-security-policy', "default-src 'none'; sandbox");
    },
  });
}
