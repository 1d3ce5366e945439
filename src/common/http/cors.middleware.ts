import cors, { type CorsOptions } from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AppConfig } from '../../config/app-config.js';

// Public, read-only surfaces: no cookies, no state a forged request could change, so any page may
// read them (or the CORS_ORIGINS list). /syndication answers only partner keys, which the page sends.
const PUBLIC_PATHS = [/^\/graphql\/?$/, /^\/feeds\//, /^\/sitemap\.xml$/, /^\/sitemaps\//, /^\/media\//, /^\/syndication\//];
const ADMIN_PATHS = /^\/admin(\/|$)/;

// What Apollo Client, urql and graphql-request send (their CSRF and client-awareness headers
// included), the partner key, conditional requests a page makes itself, and W3C trace context.
const PUBLIC_REQUEST_HEADERS = [
  'Accept',
  'Content-Type',
  'Apollo-Require-Preflight',
  'X-Apollo-Operation-Name',
  'Apollographql-Client-Name',
  'Apollographql-Client-Version',
  'X-Partner-Key',
  'If-None-Match',
  'If-Modified-Since',
  'Traceparent',
  'Tracestate',
];
// Beyond the CORS-safelisted ones (Content-Type, Cache-Control, Last-Modified...), what a page may read.
const PUBLIC_EXPOSED_HEADERS = ['ETag', 'X-Request-Id', 'X-Cache', 'Retry-After'];

// Browsers cap a cached preflight (Chromium at 2 h, Firefox at 24 h): ask for the most. The admin
// answer is cached for 10 minutes, so a narrowed ADMIN_CORS_ORIGINS takes effect soon.
const PUBLIC_MAX_AGE_SECONDS = 86_400;
const ADMIN_MAX_AGE_SECONDS = 600;

function publicOptions(origins: AppConfig['cors']['publicOrigins']): CorsOptions {
  return {
    // A list makes cors reflect the matching origin and send Vary: Origin; '*' needs no Vary.
    origin: origins === '*' ? '*' : [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: PUBLIC_REQUEST_HEADERS,
    exposedHeaders: PUBLIC_EXPOSED_HEADERS,
    credentials: false,
    maxAge: PUBLIC_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204,
  };
}

function adminOptions(origins: readonly string[]): CorsOptions {
  return {
    // Never '*': with credentials only listed origins are reflected, and none by default.
    origin: [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: [...PUBLIC_REQUEST_HEADERS.filter((name) => name !== 'X-Partner-Key'), 'Authorization'],
    exposedHeaders: [...PUBLIC_EXPOSED_HEADERS, 'Content-Disposition'],
    credentials: true,
    maxAge: ADMIN_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204,
  };
}

/**
 * CORS for the whole app, by path: public reads for any (or the listed) origins, the admin API for
 * ADMIN_CORS_ORIGINS only, everything else (health, metrics, newsletter links) for none. It answers
 * preflights itself, and runs before the response cache so that cached answers get the headers of
 * the request in hand (the cache never stores Access-Control-* headers).
 */
export function corsMiddleware(config: AppConfig['cors']): RequestHandler {
  const forPublic = cors(publicOptions(config.publicOrigins));
  const forAdmin = cors(adminOptions(config.adminOrigins));
  const adminOrigins = new Set(config.adminOrigins);
  return (req: Request, res: Response, next: NextFunction) => {
    if (ADMIN_PATHS.test(req.path)) {
      // Other origins learn nothing, not even which methods or headers the admin API takes.
      if (adminOrigins.has(req.headers.origin ?? '')) return forAdmin(req, res, next);
      res.vary('Origin');
      return next();
    }
    if (PUBLIC_PATHS.some((path) => path.test(req.path))) return forPublic(req, res, next);
    next();
  };
}
