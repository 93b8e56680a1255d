import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const ADMIN_PREFIX = '/admin/';

/** The repository (or image) root: the nearest folder up from here holding package.json. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) {
    dir = dirname(dir);
  }
  return dir;
}

/** Where `npm run build` puts the admin app (apps/admin → dist/admin). */
export function adminBuildDir(): string {
  return join(projectRoot(), 'dist', 'admin');
}

/**
 * Serves the built admin app under /admin/: hashed assets cached for a year, pre-compressed copies
 * (.br, .gz, made by the build) when the browser accepts them, and index.html for every other path
 * under /admin/ so that the app's own routes survive a reload.
 */
export async function registerAdminApp(app: NestFastifyApplication, root = adminBuildDir()): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const built = existsSync(join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: ADMIN_PREFIX,
      // One route per built file: the catch-all below stays ours.
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        void res.header(
          'cache-control',
          path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  fastify.get('/admin', (_request, reply) => reply.redirect(ADMIN_PREFIX));
  fastify.get(`${ADMIN_PREFIX}*`, (request, reply) => {
    // A missing script or style is a 404, never the page (a browser would try to run HTML as a script).
    if (request.url.startsWith(`${ADMIN_PREFIX}assets/`)) {
      return reply.status(404).type('text/plain; charset=utf-8').send('Không tìm thấy tệp');
    }
    if (!built) {
      return reply
        .status(503)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Chưa có giao diện quản trị</title>' +
            '<p>Giao diện quản trị chưa được biên dịch. Hãy chạy <code>npm run build</code> rồi khởi động lại.</p></html>',
        );
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  });
}
