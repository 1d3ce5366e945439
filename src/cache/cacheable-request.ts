import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PARTNER_KEY_HEADER } from '../common/http/partner-key.js';

const PUBLIC_READ_PATHS = [/^\/graphql\/?$/, /^\/feeds\//, /^\/sitemap\.xml$/, /^\/sitemaps\//];
// Query parameter names that read the same decoded or not: the raw query string can then be the key.
const PLAIN_NAME = /^[\w.-]+$/;
// How a feed reader that cannot send headers presents a partner key (common/http/partner-key.ts).
const PARTNER_KEY_PARAM = 'key';

/**
 * The cache key of a public read a shared cache may answer, or undefined when it may not: GET (the
 * form CDNs cache, and APQ's) on the public GraphQL endpoint, feeds and sitemaps, without a partner key
 * (partner answers are private to the partner). Read off the raw request line, before anything parses
 * it: no URL object, no query-string parser, no GraphQL parse, so a cache hit costs next to nothing.
 * The key is the path, the query parameters in a canonical order (so `?query=..&variables=..` and the
 * reverse share an entry) and, for GraphQL, the Accept header, which picks the media type.
 */
export function cacheKeyOf(req: IncomingMessage): string | undefined {
  if (req.method !== 'GET') return undefined;
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  if (!PUBLIC_READ_PATHS.some((pattern) => pattern.test(path))) return undefined;
  const header = req.headers[PARTNER_KEY_HEADER];
  if (typeof header === 'string' && header !== '') return undefined;
  const params = mark < 0 ? ['raw'] : canonicalParams(url.slice(mark + 1));
  if (!params) return undefined;
  const accept = path.startsWith('/graphql') ? (req.headers.accept ?? '') : '';
  return createHash('sha256')
    .update(JSON.stringify([path, params, accept]))
    .digest('base64url');
}

/** The parameters as written, sorted by name; undefined when one is a partner key. */
function canonicalParams(query: string): string[] | undefined {
  const pieces = query.split('&').map((piece) => {
    const equals = piece.indexOf('=');
    return { name: equals < 0 ? piece : piece.slice(0, equals), value: equals < 0 ? '' : piece.slice(equals + 1), piece };
  });
  if (!pieces.every(({ name }) => PLAIN_NAME.test(name) || name === '')) return decodedParams(query);
  if (pieces.some(({ name, value }) => name === PARTNER_KEY_PARAM && value !== '')) return undefined;
  // A stable sort by name: a repeated parameter keeps its order, which the app may read.
  return ['raw', ...pieces.sort((a, b) => compare(a.name, b.name)).map(({ piece }) => piece)];
}

// Names that only decoding reveals (`k%65y`): decoded as the app's query parser would, and kept apart
// from the raw form so that the two can never share an entry.
function decodedParams(query: string): string[] | undefined {
  const params = [...new URLSearchParams(query)];
  if (params.some(([name, value]) => name === PARTNER_KEY_PARAM && value !== '')) return undefined;
  params.sort(([a], [b]) => compare(a, b));
  return ['decoded', ...params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
