import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { PortalRequest, PortalResponse, PortalService } from './portal.service';
import { VisitCounter } from './visit-counter.service';

const TYPES: Record<PortalResponse['type'], string> = {
  html: 'text/html; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
};

// Portal pages run no script at all: even a body that slipped past the sanitizer could not execute.
const CSP =
  "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
  "img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'";

type Params = { unit: string; slug?: string };
type Query = { q?: string; trang?: string };

/**
 * The public portal on plain Fastify routes (no Nest guard or pipe on this path, which must stay fast):
 * HTML with a strict CSP, a short shared cache with an ETag, and each page view counted off the path.
 */
export function registerPortalRoutes(
  fastify: FastifyInstance,
  portal: PortalService,
  visits: VisitCounter,
): void {
  const serve =
    (
      render: (
        req: PortalRequest,
        request: FastifyRequest<{ Params: Params; Querystring: Query }>,
      ) => Promise<PortalResponse>,
    ) =>
    async (request: FastifyRequest<{ Params: Params; Querystring: Query }>, reply: FastifyReply) => {
      const origin = `${request.protocol}://${request.host}`;
      const response = await render({ unitSlug: request.params.unit, origin }, request);
      if (response.countFor) {
        visits.count(response.countFor, request.headers['user-agent']);
      }
      const etag = `W/"${createHash('sha1').update(response.body).digest('base64url')}"`;
      void reply
        .header('content-security-policy', CSP)
        .header('cache-control', response.status === 200 ? 'public, max-age=60' : 'no-store')
        .header('etag', etag)
        .type(TYPES[response.type]);
      if (response.status === 200 && request.headers['if-none-match'] === etag) {
        return reply.status(304).send();
      }
      return reply.status(response.status).send(response.body);
    };

  fastify.get('/site/:unit', (request: FastifyRequest<{ Params: Params }>, reply) =>
    reply.redirect(`/site/${encodeURIComponent(request.params.unit)}/`, 301),
  );
  fastify.get(
    '/site/:unit/',
    serve((req) => portal.home(req)),
  );
  fastify.get(
    '/site/:unit/chuyen-muc/:slug',
    serve((req, r) => portal.category(req, r.params.slug!, r.query.trang)),
  );
  fastify.get(
    '/site/:unit/bai-viet/:slug',
    serve((req, r) => portal.article(req, r.params.slug!, false)),
  );
  fastify.get(
    '/site/:unit/bai-viet/:slug/in',
    serve((req, r) => portal.article(req, r.params.slug!, true)),
  );
  fastify.get(
    '/site/:unit/tim-kiem',
    serve((req, r) => portal.search(req, r.query.q)),
  );
  fastify.get(
    '/site/:unit/rss.xml',
    serve((req) => portal.rss(req)),
  );
  fastify.get(
    '/site/:unit/sitemap.xml',
    serve((req) => portal.sitemap(req)),
  );
}
