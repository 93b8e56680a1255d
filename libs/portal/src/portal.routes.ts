import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CachedPage, PortalCache } from './portal-cache.service';
import { PortalHosts } from './portal-hosts.service';
import { parseQuery, pathSegment, PortalInputError, unitSlug as checkUnitSlug } from './portal-input';
import { dayOf, normalQuery, pageKey, PortalRoute, requestKey, RouteInput, ROUTES } from './portal-keys';
import type { PortalRequest, PortalResponse, PortalService } from './portal.service';
import { errorPage } from './portal.templates';
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

const logger = new Logger('Portal');

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
 * or 304 when the reader's copy is current. The view is counted once per visitor, page and day
 * (VisitCounter; bots are left out).
 */
async function answerPage(
  { visits, cache }: Pick<PortalParts, 'visits' | 'cache'>,
  page: CachedPage,
  headers: IncomingMessage['headers'],
  address: string | undefined,
): Promise<Answer> {
  let visitCount = '';
  if (page.countFor) {
    visits.count(page.countFor, page.view, address, headers['user-agent']);
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
 * cached, another method, a request through a proxy (whose forwarded address, host and scheme Fastify
 * interprets) — answers `false` and goes the normal way.
 */
export function portalFastPath(
  parts: Pick<PortalParts, 'visits' | 'cache' | 'hosts'>,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const { headers } = req;
    if (
      req.method !== 'GET' ||
      headers['x-forwarded-host'] ||
      headers['x-forwarded-proto'] ||
      headers['x-forwarded-for'] ||
      !headers.host ||
      !req.url
    ) {
      return false;
    }
    const key = requestKey(parts.hosts, headers.host.toLowerCase(), req.url);
    const page = key === null ? undefined : parts.cache.get(key);
    if (!page) {
      return false;
    }
    // Counted so that a test can tell this path ran (the answer itself is identical by design).
    parts.cache.stats.fastPath += 1;
    void answerPage(parts, page, headers, req.socket.remoteAddress).then(
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

type PortalFastifyRequest = FastifyRequest<{ Params: { unit?: string; param?: string; '*'?: string } }>;

/** Where an error page's "home" link goes: the unit's portal when the path names one. */
function homeOf(request: FastifyRequest, mapped: boolean): string {
  const match = /^\/site\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:[/?]|$)/.exec(request.url);
  return match && !mapped ? `/site/${match[1]}/` : '/';
}

/** An error on a portal path, as a Vietnamese page (never the api's JSON); only a 5xx is an error in the log. */
function sendError(reply: FastifyReply, status: number, home: string, error?: unknown): FastifyReply {
  if (status >= 500) {
    logger.error({ err: error, url: reply.request.url }, 'Lỗi khi dựng trang cổng thông tin');
  } else {
    logger.debug({ url: reply.request.url, status }, 'Yêu cầu cổng thông tin không hợp lệ');
  }
  return reply
    .headers({ ...SECURITY_HEADERS, 'cache-control': 'no-store', 'content-type': TYPES.html })
    .status(status)
    .send(errorPage(status, home));
}

/**
 * For Fastify's `frameworkErrors`: a URL it cannot decode (broken percent encoding) on a portal path is
 * answered as a portal page; anything else as Fastify would.
 */
export function portalFrameworkErrors(
  hosts: () => PortalHosts | undefined,
): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, request, reply) => {
    const mapped = Boolean(hosts()?.slugFor(request.hostname));
    if (error.code === 'FST_ERR_BAD_URL' && (request.url.startsWith('/site/') || mapped)) {
      void sendError(reply, 400, homeOf(request, mapped));
      return;
    }
    void reply.send(error);
  };
}

/**
 * The public portal on plain Fastify routes (no Nest guard or pipe on this path, which must stay fast).
 * A cached page costs no database query: the page comes from PortalCache, the count from VisitCounter.
 * HTML carries a strict CSP, a short shared cache and an ETag (304 when unchanged). Every failure on a
 * portal path is a Vietnamese page with a link home.
 */
export function registerPortalRoutes(fastify: FastifyInstance, parts: PortalParts): void {
  const { portal, cache, hosts, rootFallback } = parts;

  const serve = (route: PortalRoute) => async (request: PortalFastifyRequest, reply: FastifyReply) => {
    const onSite = request.params.unit !== undefined;
    // Under /site/:unit, or on a host name a unit mapped to its portal (links then have no prefix).
    const mappedSlug = onSite ? undefined : hosts.slugFor(request.hostname);
    if (!onSite && !mappedSlug) {
      return route.path === '/' && request.url === '/' ? reply.redirect(rootFallback) : reply.callNotFound();
    }
    try {
      const slug = onSite ? checkUnitSlug(request.params.unit) : mappedSlug!;
      const mark = request.url.indexOf('?');
      const input: RouteInput = {
        param: route.path.includes(':param') ? pathSegment(request.params.param) : '',
        query: normalQuery(parseQuery(mark < 0 ? '' : request.url.slice(mark + 1), route.query)),
        day: dayOf(route),
      };
      const req: PortalRequest = { unitSlug: slug, base: onSite ? undefined : '' };
      const key = pageKey(req, route, input);
      let page: CachedPage | undefined = cache.get(key);
      if (!page) {
        const ticket = cache.ticket();
        const response = await route.render(portal, req, input);
        if (response.status === 404 && !response.unitId && onSite) {
          // A slug the unit gave up answers with its new one, for every page under it.
          const moved = await portal.movedTo(slug);
          if (moved) {
            // The rest of the address as the reader sent it: `/site/<old>` + `/bai-viet/x?trang=2`.
            const rest = request.url.slice(6).replace(/^[^/?]*/, '');
            return reply.redirect(`/site/${moved}${rest}`, 301);
          }
        }
        page = cache.put(key, response, ticket);
      }
      const answer = await answerPage(parts, page, request.headers, request.ip);
      return reply.headers(answer.headers).status(answer.status).send(answer.body);
    } catch (error) {
      if (error instanceof PortalInputError) {
        return sendError(reply, error.status, homeOf(request, !onSite));
      }
      return sendError(reply, 500, homeOf(request, !onSite), error);
    }
  };

  // helmet's per-request headers are replaced by SECURITY_HEADERS (above).
  const NO_HELMET = { helmet: false } as const;
  fastify.get('/site/:unit', NO_HELMET, (request: FastifyRequest<{ Params: { unit?: string } }>, reply) =>
    reply.redirect(`/site/${encodeURIComponent(request.params.unit ?? '')}/`, 301),
  );
  for (const route of ROUTES) {
    fastify.get(`/site/:unit${route.path}`, NO_HELMET, serve(route));
    // The same pages at the root of a host name mapped to a unit (settings.portalHost).
    fastify.get(route.path, NO_HELMET, serve(route));
  }
  // Any other path under /site/, or on a mapped host, is a portal page that does not exist; elsewhere
  // an unknown path stays the api's 404.
  fastify.get('/site/*', NO_HELMET, (request, reply) => sendError(reply, 404, homeOf(request, false)));
  fastify.get('/*', NO_HELMET, (request, reply) =>
    hosts.slugFor(request.hostname) ? sendError(reply, 404, '/') : reply.callNotFound(),
  );
}
