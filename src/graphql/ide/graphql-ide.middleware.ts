import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { ADMIN_GRAPHQL_PATH } from '../admin-graphql.module.js';
import { PUBLIC_GRAPHQL_PATH } from '../public-graphql.module.js';
import {
  IDE_ASSETS_PATH,
  IDE_CONTENT_SECURITY_POLICY,
  IDE_NOT_BUILT_PAGE,
  renderIdePage,
  type IdePageOptions,
} from './ide-page.js';

// Built by scripts/build-ide.mjs (npm run build, and npm start / npm run dev when stale). The same
// folder from src/graphql/ide (tests, dev) and from dist/graphql/ide (npm start).
export const IDE_ASSETS_DIR = fileURLToPath(new URL('../../../dist/ide/', import.meta.url));

const PUBLIC_PAGE: IdePageOptions = {
  title: 'Newsdesk GraphQL API',
  endpoint: PUBLIC_GRAPHQL_PATH,
  storageKey: 'public',
  defaultQuery: `# The public, read-only API: published content only.
# Press the run button (or Ctrl-Enter); the Docs icon on the left shows the schema.
{
  latestArticles(first: 5) {
    headline
    url
    authors {
      name
    }
  }
}
`,
};

const ADMIN_PAGE: IdePageOptions = {
  title: 'Newsdesk admin API',
  endpoint: ADMIN_GRAPHQL_PATH,
  storageKey: 'admin',
  defaultQuery: `# The editors' API. Log in, then paste the accessToken into the Headers tab below
# (headers are never saved in the browser):
#   { "Authorization": "Bearer <accessToken>" }
mutation Login {
  login(input: { email: "admin@newsdesk.local", password: "" }) {
    accessToken
    user {
      email
      role
    }
  }
}
`,
};

const PAGES = new Map([
  [PUBLIC_GRAPHQL_PATH, renderIdePage(PUBLIC_PAGE)],
  [ADMIN_GRAPHQL_PATH, renderIdePage(ADMIN_PAGE)],
]);

// What a browser's address bar asks for, not what a GraphQL client asks for (Apollo's own rule).
function wantsPage(req: Request): boolean {
  return (
    req.method === 'GET' && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html'
  );
}

/**
 * GraphiQL for people: GET /graphql or /admin/graphql from a browser's address bar gets the IDE, with
 * its files under /ide/assets. GraphQL requests pass through untouched. Mounted only when
 * GRAPHQL_IDE is on (the default outside production).
 */
export function graphqlIdeMiddleware(logger: Logger, assetsDir = IDE_ASSETS_DIR): RequestHandler {
  const built = existsSync(`${assetsDir}/graphiql.js`);
  if (!built) logger.warn({ assetsDir }, 'GraphQL IDE files are missing; run `npm run build` to serve the IDE');
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith(`${IDE_ASSETS_PATH}/`)) return sendAsset(req, res, next, assetsDir);
    const page = PAGES.get(req.path);
    if (page === undefined || !wantsPage(req)) return next();
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', IDE_CONTENT_SECURITY_POLICY);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.status(built ? 200 : 503).send(built ? page : IDE_NOT_BUILT_PAGE);
  };
}

// Only the bundle's own file names; sendFile checks the path against the root again. Stable names
// (graphiql.js, the workers) are revalidated by their ETag.
const ASSET_NAME = /^(chunks\/)?[\w.-]+\.(js|css|ttf)$/;

function sendAsset(req: Request, res: Response, next: NextFunction, root: string): void {
  const file = req.path.slice(IDE_ASSETS_PATH.length + 1);
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !ASSET_NAME.test(file)) {
    res.status(404).end();
    return;
  }
  const headers = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
  res.sendFile(file, { root, headers, dotfiles: 'deny' }, (error?: Error & { status?: number }) => {
    if (!error || res.headersSent) return;
    if (error.status === 404) res.status(404).end();
    else next(error);
  });
}
