import fastifyStatic from '@fastify/static';
import { mapError, ValidationException } from '@app/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mkdirSync } from 'node:fs';
import { attachmentDisposition, checkDownloadName } from './download-name';
import { LocalMediaStorage, MEDIA_URL_PREFIX, MediaStorage } from './media-storage';

/** The `download` query of a media request: absent, or the one value given (a repeated one is refused). */
function downloadParam(request: FastifyRequest): unknown {
  return (request.query as Record<string, unknown> | undefined)?.download;
}

/** The path of a media request, without its query. */
function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0];
}

/** Refuses a `?download=` name that is not safe for a header and a file system, before the file is read. */
async function checkDownload(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const raw = downloadParam(request);
  if (raw === undefined) {
    return;
  }
  const checked = checkDownloadName(raw, pathOf(request));
  if (checked.error !== undefined) {
    const { body } = mapError(
      new ValidationException([{ field: 'download', message: checked.error }], checked.error),
    );
    await reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
  }
}

/**
 * Serves stored media under `/media/` (design.md §6) with HTTP range requests (audio players seek) and,
 * since a file's name is its content hash, a year-long immutable cache. Unknown names are 404.
 * `?download=<name>` sends the file as an attachment under that name ("Tải về"); an unsafe name is a 400
 * naming `download`, never echoed into a header.
 */
export async function registerMediaRoutes(app: NestFastifyApplication): Promise<void> {
  const storage = app.get(MediaStorage);
  if (!(storage instanceof LocalMediaStorage)) {
    return; // another storage serves its own URLs
  }
  mkdirSync(storage.root, { recursive: true });
  // Its own scope, so the download check runs for media requests only.
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', checkDownload);
    await scope.register(fastifyStatic, {
      root: storage.root,
      prefix: MEDIA_URL_PREFIX,
      decorateReply: false,
      index: false,
      list: false,
      dotfiles: 'deny',
      acceptRanges: true,
      immutable: true,
      maxAge: '365d',
      setHeaders: (reply: FastifyReply) => {
        // Nothing in media/ is meant to run as a page.
        void reply.header('x-content-type-options', 'nosniff');
        void reply.header('content-security-policy', "default-src 'none'; sandbox");
        const checked = checkDownloadName(downloadParam(reply.request), pathOf(reply.request));
        if (checked.name !== undefined) {
          void reply.header('content-disposition', attachmentDisposition(checked.name));
        }
      },
    });
  });
}
