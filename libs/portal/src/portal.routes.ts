import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CachedPage, PortalCache } from './portal-cache.service';
import { PortalHosts } from './portal-hosts.service';
import { PROCEDURE_QUERY } from './portal-procedures.templates';
import { PortalRequest, PortalResponse, PortalService, ProcedureListInput } from './portal.service';
import { VisitCounter } from './visit-counter.service';

const TYPES: Record<PortalResponse['type'], string> = {
  html: 'text/html; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
};

// Portal pages run no script at all: even a body that slipped past the sanitizer could not execute.
// These headers replace helmet's on portal routes: computing helmet's set per request cost half the
// throughput of a cached page (measured with bench:portal).
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
    "img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
};

// One formatter for every request: building one per call costs more than the rest of a cached page.
const VI_NUMBER = new Intl.NumberFormat('vi-VN');

type Params = { unit?: string; slug?: string; code?: string };
type Query = { q?: string; trang?: string; 'linh-vuc'?: string; 'muc-do'?: string };
type PortalFastifyRequest = FastifyRequest<{ Params: Params; Querystring: Query }>;
type Render = (req: PortalRequest, request: PortalFastifyRequest) => Promise<PortalResponse>;

const procedureInput = (query: Query): ProcedureListInput => ({
  q: query[PROCEDURE_QUERY.q],
  field: query[PROCEDURE_QUERY.field],
  level: query[PROCEDURE_QUERY.level],
  page: query[PROCEDURE_QUERY.page],
});

export interface PortalParts {
  portal: PortalService;
  cache: PortalCache;
  visits: VisitCounter;
  hosts: PortalHosts;
  /** Where `/` sends a host that is no unit's portal (the admin app). */
  rootFallback: string;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

/**
 * What a page view answers, on either path below: the page with the running visit count, its headers,
 * or 304 when the reader's copy is current. The view is counted (bots are left out by VisitCounter).
 */
async function answerPage(
  { visits, cache }: Pick<PortalParts, 'visits' | 'cache'>,
  page: CachedPage,
  headers: IncomingMessage['headers'],
): Promise<Answer> {
  let visitCount = '';
  if (page.countFor) {
    visits.count(page.countFor, headers['user-agent']);
    const total = visits.total(page.countFor);
    visitCount = VI_NUMBER.format(typeof total === 'number' ? total : await total);
  }
  const body = cache.body(page, visitCount);
  const etag = `W/"${page.tag}-${body.count}"`;
  const answer: Answer = {
    status: page.status,
    headers: {
      ...SECURITY_HEADERS,
      'cache-control': page.status === 200 ? 'public, max-age=60' : 'no-store',
      etag,
      'content-type': TYPES[page.type],
    },
    body: body.bytes,
  };
  if (page.status === 200 && headers['if-none-match'] === etag) {
    return { ...answer, status: 304, body: undefined };
  }
  return answer;
}

/**
 * The same answer for a page already in the cache, given before Fastify sees the request: no routing,
 * hooks or request objects. A cached page view costs about half of what it does through Fastify, and
 * it is the request a portal gets most (measured with bench:portal). Anything else — a page not yet
 * cached, another method, a request through a proxy (whose forwarded host and scheme Fastify interprets)
 * — answers `false` and goes the normal way.
 */
export function portalFastPath(
  parts: Pick<PortalParts, 'visits' | 'cache'>,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const { headers } = req;
    if (
      req.method !== 'GET' ||
      headers['x-forwarded-host'] ||
      headers['x-forwarded-proto'] ||
      !headers.host
    ) {
      return false;
    }
    const origin = (req.socket as { encrypted?: boolean }).encrypted ? 'https://' : 'http://';
    const page = parts.cache.get(`${origin}${headers.host}${req.url}`);
    if (!page) {
      return false;
    }
    void answerPage(parts, page, headers).then(
      (answer) => {
        const requestId = headers['x-request-id'];
        res.writeHead(answer.status, {
          ...answer.headers,
          'x-request-id': typeof requestId === 'string' && requestId ? requestId : randomUUID(),
          ...(answer.body ? { 'content-length': String(answer.body.length) } : {}),
        });
        res.end(answer.body);
      },
      () => {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
        res.end('Trang đang bận, vui lòng thử lại sau giây lát.');
      },
    );
    return true;
  };
}

/**
 * The public portal on plain Fastify routes (no Nest guard or pipe on this path, which must stay fast).
 * A cached page costs no database query: the page comes from PortalCache, the count from VisitCounter.
 * HTML carries a strict CSP, a short shared cache and an ETag (304 when unchanged).
 */
export function registerPortalRoutes(fastify: FastifyInstance, parts: PortalParts): void {
  const { portal, cache, hosts, rootFallback } = parts;
  const serve = (render: Render) => async (request: PortalFastifyRequest, reply: FastifyReply) => {
    const origin = `${request.protocol}://${request.host}`;
    // The origin is part of the key: pages carry absolute links (Open Graph, RSS).
    const key = `${origin}${request.url}`;
    let page: CachedPage | undefined = cache.get(key);
    if (!page) {
      const ticket = cache.ticket();
      // Under /site/:unit, or on a host name a unit mapped to its portal (links then have no prefix).
      const unitSlug = request.params.unit ?? hosts.slugFor(request.hostname);
      if (!unitSlug) {
        return request.url === '/' ? reply.redirect(rootFallback) : reply.callNotFound();
      }
      const base = request.params.unit === undefined ? '' : undefined;
      const response = await render({ unitSlug, origin, base }, request);
      page = cache.put(response.cacheable ? key : '', response, ticket);
    }
    const answer = await answerPage(parts, page, request.headers);
    return reply.headers(answer.headers).status(answer.status).send(answer.body);
  };

  // helmet's per-request headers are replaced by SECURITY_HEADERS (above).
  const NO_HELMET = { helmet: false } as const;
  fastify.get('/site/:unit', NO_HELMET, (request: FastifyRequest<{ Params: Params }>, reply) =>
    reply.redirect(`/site/${encodeURIComponent(request.params.unit ?? '')}/`, 301),
  );
  fastify.get(
    '/site/:unit/',
    NO_HELMET,
    serve((req) => portal.home(req)),
  );
  fastify.get(
    '/site/:unit/chuyen-muc/:slug',
    NO_HELMET,
    serve((req, r) => portal.category(req, r.params.slug!, r.query.trang)),
  );
  fastify.get(
    '/site/:unit/bai-viet/:slug',
    NO_HELMET,
    serve((req, r) => portal.article(req, r.params.slug!, false)),
  );
  fastify.get(
    '/site/:unit/bai-viet/:slug/in',
    NO_HELMET,
    serve((req, r) => portal.article(req, r.params.slug!, true)),
  );
  fastify.get(
    '/site/:unit/thu-tuc-hanh-chinh',
    NO_HELMET,
    serve((req, r) => portal.procedures(req, procedureInput(r.query))),
  );
  fastify.get(
    '/site/:unit/thu-tuc-hanh-chinh/:code',
    NO_HELMET,
    serve((req, r) => portal.procedure(req, r.params.code!, false)),
  );
  fastify.get(
    '/site/:unit/thu-tuc-hanh-chinh/:code/in',
    NO_HELMET,
    serve((req, r) => portal.procedure(req, r.params.code!, true)),
  );
  fastify.get(
    '/site/:unit/tim-kiem',
    NO_HELMET,
    serve((req, r) => portal.search(req, r.query.q)),
  );
  fastify.get(
    '/site/:unit/rss.xml',
    NO_HELMET,
    serve((req) => portal.rss(req)),
  );
  fastify.get(
    '/site/:unit/sitemap.xml',
    NO_HELMET,
    serve((req) => portal.sitemap(req)),
  );
  // The same pages at the root of a host name mapped to a unit (settings.portalHost).
  fastify.get(
    '/',
    NO_HELMET,
    serve((req) => portal.home(req)),
  );
  fastify.get(
    '/chuyen-muc/:slug',
    NO_HELMET,
    serve((req, r) => portal.category(req, r.params.slug!, r.query.trang)),
  );
  fastify.get(
    '/bai-viet/:slug',
    NO_HELMET,
    serve((req, r) => portal.article(req, r.params.slug!, false)),
  );
  fastify.get(
    '/bai-viet/:slug/in',
    NO_HELMET,
    serve((req, r) => portal.article(req, r.params.slug!, true)),
  );
  fastify.get(
    '/thu-tuc-hanh-chinh',
    NO_HELMET,
    serve((req, r) => portal.procedures(req, procedureInput(r.query))),
  );
  fastify.get(
    '/thu-tuc-hanh-chinh/:code',
    NO_HELMET,
    serve((req, r) => portal.procedure(req, r.params.code!, false)),
  );
  fastify.get(
    '/thu-tuc-hanh-chinh/:code/in',
    NO_HELMET,
    serve((req, r) => portal.procedure(req, r.params.code!, true)),
  );
  fastify.get(
    '/tim-kiem',
    NO_HELMET,
    serve((req, r) => portal.search(req, r.query.q)),
  );
  fastify.get(
    '/rss.xml',
    NO_HELMET,
    serve((req) => portal.rss(req)),
  );
  fastify.get(
    '/sitemap.xml',
    NO_HELMET,
    serve((req) => portal.sitemap(req)),
  );
}
