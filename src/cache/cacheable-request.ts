import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { presentedKey } from '../common/http/partner-key.js';

const PUBLIC_READ_PATHS = [/^\/graphql\/?$/, /^\/feeds\//, /^\/sitemap\.xml$/, /^\/sitemaps\//];

/**
 * Public reads a shared cache may answer: GET (the form CDNs cache, and APQ's) on the public GraphQL
 * endpoint, feeds and sitemaps, without a partner key (partner answers are private to the partner).
 */
export function isCacheableRequest(req: Request): boolean {
  if (req.method !== 'GET') return false;
  if (!PUBLIC_READ_PATHS.some((path) => path.test(req.path))) return false;
  return presentedKey(req) === undefined;
}

/**
 * The cache key of a request: path, query parameters in a canonical order (so `?query=..&variables=..`
 * and the reverse share an entry) and, for GraphQL, the Accept header, which picks the media type.
 */
export function cacheKeyOf(req: Request): string {
  const url = new URL(req.originalUrl, 'http://cache.invalid');
  const params = [...url.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const accept = url.pathname.startsWith('/graphql') ? (req.headers.accept ?? '') : '';
  const canonical = JSON.stringify([url.pathname, params, accept]);
  return createHash('sha256').update(canonical).digest('base64url');
}
