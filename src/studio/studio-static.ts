import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

export const STUDIO_PATH = '/studio';

/** Where `npm run build:studio` (Vite) writes the Studio: studio/dist at the repository root. */
export const STUDIO_DIST = fileURLToPath(new URL('../../studio/dist/', import.meta.url));

// Only this origin's scripts and API; inline styles for the editor's own positioning; images from
// anywhere (article bodies may link them); https frames for embeds in the preview; no framing of the
// Studio itself (clickjacking).
export const STUDIO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Vite names every file under assets/ after its content hash: a changed file gets a new name, so
// browsers may keep these for a year. Everything else (index.html) must be checked on every load.
const IMMUTABLE = 'public, max-age=31536000, immutable';

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', STUDIO_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  next();
}

function notBuilt(_req: Request, res: Response): void {
  res.status(503).type('text/plain').send('The Studio is not built yet: run `npm run build:studio` (npm start does it).\n');
}

/** The Studio at /studio: static files, and index.html for every client route (the SPA fallback). */
export function studioHandlers(dist = STUDIO_DIST): RequestHandler[] {
  const index = join(dist, 'index.html');
  const files = express.static(dist, {
    index: false,
    redirect: false,
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.startsWith(join(dist, 'assets')) ? IMMUTABLE : 'no-cache'),
  });
  const fallback = (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!existsSync(index)) return notBuilt(req, res);
    // A missing asset is a 404, not the app: HTML served as a script only hides the error.
    if (req.path.startsWith('/assets/') || extname(req.path) !== '')
      return res.status(404).type('text/plain').send('Not found\n');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  return [securityHeaders, files, fallback];
}
