/**
 * What an anonymous reader may send to the portal, read once at its edge: the query parameters each
 * page uses (anything else is ignored, so it neither reaches the database nor makes a new cache entry)
 * and the path's segments. Input that can name no page (NUL, control characters, broken percent
 * encoding, a parameter given twice) is refused here with a PortalInputError, before any query.
 */

/** Every query parameter a portal page reads. */
export const QUERY_NAMES = ['q', 'trang', 'linh-vuc', 'muc-do'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];
export type PortalQuery = Partial<Record<QueryName, string>>;

/** A reader's request that names no page: 400 (bad query) or 404 (no such path). */
export class PortalInputError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

// C0 controls but tab, line feed and carriage return; DEL; the two noncharacters XML forbids.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;
// What XML 1.0 (and so HTML) may carry; with the u flag a lone surrogate is outside every range.
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters XML 1.0 forbids: every page and feed goes through this on output. */
export function stripXmlInvalid(text: string): string {
  return text.replace(XML_INVALID, '');
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    // Broken percent encoding, or an encoded lone surrogate (%ED%A0%80).
    return null;
  }
}

/** Longest value a page reads from the query (a search is cut to 200 characters after this). */
const MAX_QUERY_VALUE = 1000;

/**
 * The parameters of `allowed` in a raw query string (without `?`), decoded like a browser's form
 * (`+` is a space). Others are ignored. 400 when an allowed one is repeated, broken or has control
 * characters. An empty value counts as absent.
 */
export function parseQuery(raw: string, allowed: readonly QueryName[]): PortalQuery {
  const query: PortalQuery = {};
  if (!raw || allowed.length === 0) {
    return query;
  }
  const seen = new Set<string>();
  for (const pair of raw.split('&')) {
    const at = pair.indexOf('=');
    const name = decode((at < 0 ? pair : pair.slice(0, at)).replace(/\+/g, ' '));
    if (name === null || !(allowed as readonly string[]).includes(name)) {
      continue;
    }
    if (seen.has(name)) {
      throw new PortalInputError(400, `Tham số "${name}" chỉ được có một lần`);
    }
    seen.add(name);
    const value = decode((at < 0 ? '' : pair.slice(at + 1)).replace(/\+/g, ' '));
    if (value === null || CONTROL.test(value) || value.length > MAX_QUERY_VALUE) {
      throw new PortalInputError(400, `Giá trị của "${name}" không hợp lệ`);
    }
    const text = value.normalize('NFC').trim();
    if (text) {
      query[name as QueryName] = text;
    }
  }
  return query;
}

/** Fastify's own limit on a path parameter: a longer one matches no route. */
export const MAX_SEGMENT = 100;

/**
 * A decoded path segment (a slug, a procedure code) that could name a page, or a 404: control
 * characters and over-long segments name nothing, so they never reach the database.
 */
export function pathSegment(value: string | undefined): string {
  if (!value || value.length > MAX_SEGMENT || CONTROL.test(value) || stripXmlInvalid(value) !== value) {
    throw new PortalInputError(404, 'Không tìm thấy trang');
  }
  return value;
}

/** A unit's slug as the units lib allows it: anything else is no unit, without asking the database. */
export function unitSlug(value: string | undefined): string {
  const slug = pathSegment(value);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new PortalInputError(404, 'Không tìm thấy trang');
  }
  return slug;
}

/** A page number from `trang`: 1 when absent or not a number, at most 10,000. */
export function pageNumber(value: string | undefined): number {
  return Math.min(Math.max(Number.parseInt(value ?? '1', 10) || 1, 1), 10_000);
}
