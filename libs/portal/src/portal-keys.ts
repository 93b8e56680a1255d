import { vietnamDay } from '@app/common';
import type { PortalHosts } from './portal-hosts.service';
import { MAX_SEGMENT, pageNumber, parseQuery, PortalQuery, QueryName } from './portal-input';
import { LEVEL_PARAM } from './portal-procedures.templates';
import type { PortalRequest, PortalResponse, PortalService } from './portal.service';

// The pages of a unit's portal and the cache key of each request, shared by the Fastify routes and the
// fast path (portal.routes.ts), which must agree on them exactly.

/** What a page is rendered from: the path parameter (slug or code) and the query parameters it reads. */
export interface RouteInput {
  param: string;
  query: PortalQuery;
  /** The Vietnamese day (YYYY-MM-DD) a page that shows "today" is rendered for (PortalRoute.daily). */
  day?: string;
}

/** A page of a unit's portal, the same under `/site/:unit` and at the root of a mapped host. */
export interface PortalRoute {
  /** Below the unit; `:param` is one decoded path segment. */
  path: string;
  /** The query parameters the page reads: only these reach it and its cache key. */
  query: readonly QueryName[];
  /**
   * The page shows "today" (the radio programme): the Vietnamese day is part of its input and cache key,
   * so yesterday's page is never served after midnight.
   */
  daily?: boolean;
  render(portal: PortalService, req: PortalRequest, input: RouteInput): Promise<PortalResponse>;
}

export const ROUTES: readonly PortalRoute[] = [
  { path: '/', query: [], render: (p, req) => p.home(req) },
  {
    path: '/chuyen-muc/:param',
    query: ['trang'],
    render: (p, req, i) => p.category(req, i.param, i.query.trang),
  },
  { path: '/bai-viet/:param', query: [], render: (p, req, i) => p.article(req, i.param, false) },
  { path: '/bai-viet/:param/in', query: [], render: (p, req, i) => p.article(req, i.param, true) },
  {
    path: '/thu-tuc-hanh-chinh',
    query: ['q', 'linh-vuc', 'muc-do', 'trang'],
    render: (p, req, i) =>
      p.procedures(req, {
        q: i.query.q,
        field: i.query['linh-vuc'],
        level: i.query['muc-do'],
        page: i.query.trang,
      }),
  },
  { path: '/thu-tuc-hanh-chinh/:param', query: [], render: (p, req, i) => p.procedure(req, i.param, false) },
  {
    path: '/thu-tuc-hanh-chinh/:param/in',
    query: [],
    render: (p, req, i) => p.procedure(req, i.param, true),
  },
  { path: '/tim-kiem', query: ['q'], render: (p, req, i) => p.search(req, i.query.q) },
  { path: '/phat-thanh', query: [], daily: true, render: (p, req, i) => p.radio(req, i.day!) },
  { path: '/podcast.xml', query: [], render: (p, req) => p.podcast(req) },
  { path: '/rss.xml', query: [], render: (p, req) => p.rss(req) },
  { path: '/sitemap.xml', query: [], render: (p, req) => p.sitemap(req) },
];

const LEVELS = new Set(Object.values(LEVEL_PARAM));

/**
 * The query as the page reads it, and so as its cache key holds it: a page number is a number (trang=02
 * is trang=2, and page 1 is no parameter), an unknown level is none. Without this every spelling of the
 * same page would be a new cache entry.
 */
export function normalQuery(query: PortalQuery): PortalQuery {
  const normal: PortalQuery = { ...query };
  const page = pageNumber(query.trang);
  if (page > 1) {
    normal.trang = String(page);
  } else {
    delete normal.trang;
  }
  if (normal['muc-do'] !== undefined && !LEVELS.has(normal['muc-do'])) {
    delete normal['muc-do'];
  }
  return normal;
}

/**
 * The cache key of a page: which unit, how it is addressed (its links are relative to that), which page
 * and what it reads. Not the Host header nor parameters no page reads, so neither can make new entries.
 */
export function pageKey(req: PortalRequest, route: PortalRoute, input: RouteInput): string {
  const query = route.query
    .filter((name) => input.query[name] !== undefined)
    .map((name) => `${name}=${input.query[name]}`)
    .join('&');
  const day = route.daily && input.day ? `\n${input.day}` : '';
  return `${req.base === '' ? 'host' : 'site'}\n${req.unitSlug}\n${route.path}\n${input.param}\n${query}${day}`;
}

/** The day a daily page is rendered for (RouteInput.day): today in Asia/Ho_Chi_Minh. */
export function dayOf(route: PortalRoute, now = new Date()): string | undefined {
  return route.daily ? vietnamDay(now) : undefined;
}

const SEGMENTS = ROUTES.map((route) => ({ route, segments: route.path.split('/').slice(1) }));

/** The route and the decoded path parameter of a raw path below the unit, as Fastify would route it. */
function matchRoute(rest: string): { route: PortalRoute; param: string } | null {
  const parts = rest.split('/').slice(1);
  for (const { route, segments } of SEGMENTS) {
    if (segments.length !== parts.length) {
      continue;
    }
    let param = '';
    let ok = true;
    for (let i = 0; i < segments.length && ok; i += 1) {
      if (segments[i] === ':param') {
        let decoded: string | null = null;
        try {
          decoded = decodeURIComponent(parts[i]);
        } catch {
          decoded = null;
        }
        ok = decoded !== null && decoded !== '' && parts[i].length <= MAX_SEGMENT;
        param = decoded ?? '';
      } else {
        ok = segments[i] === parts[i];
      }
    }
    if (ok) {
      return { route, param };
    }
  }
  return null;
}

/** The unit and page a raw request names, as the Fastify routes below would read them; null if unsure. */
export function requestKey(hosts: PortalHosts, host: string, url: string): string | null {
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  let slug: string | undefined;
  let rest: string;
  let base: string | undefined;
  if (path.startsWith('/site/')) {
    const end = path.indexOf('/', 6);
    if (end < 0) {
      return null;
    }
    slug = path.slice(6, end);
    rest = path.slice(end);
  } else {
    const colon = host.lastIndexOf(':');
    slug = hosts.slugFor(colon > host.lastIndexOf(']') ? host.slice(0, colon) : host);
    rest = path;
    base = '';
  }
  const match = slug ? matchRoute(rest) : null;
  if (!slug || !match) {
    return null;
  }
  try {
    const query = parseQuery(mark < 0 ? '' : url.slice(mark + 1), match.route.query);
    return pageKey({ unitSlug: slug, base }, match.route, {
      param: match.param,
      query: normalQuery(query),
      day: dayOf(match.route),
    });
  } catch {
    return null;
  }
}
