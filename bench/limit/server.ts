// The `limit` configuration: node:http + pg, no framework, answering scenarios A-D (the GraphQL GET
// requests bench/scenarios/ send) with one prepared statement each that returns the finished
// response body (statements.ts). What it costs is what this machine needs to serve those bytes.
// Env: DATABASE_URL, PORT (default 3997), DATABASE_POOL_SIZE (default 10, as the app's).
import { createServer, type ServerResponse } from 'node:http';
import pg from 'pg';
import { ARTICLE_PAGE_QUERY, LATEST_ARTICLES_QUERY, SEARCH_QUERY, TAG_PAGE_QUERY } from '../scenarios/queries.js';
import { ARTICLE_PAGE, BEFORE_ALL, LATEST, SEARCH, TAG_PAGE, type Statement } from './statements.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is required');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3997);

// The app's pool: same size, same idle timeout (src/database/prisma.service.ts).
const pool = new pg.Pool({
  connectionString: databaseUrl,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  idleTimeoutMillis: 10_000,
});
pool.on('error', (error) => console.error('idle database connection closed:', error.message));

/** A request's variables that a statement cannot take: answered as GraphQL would, without SQL. */
class BadRequest extends Error {}

type Variables = Record<string, unknown>;

const text = (variables: Variables, name: string): string => {
  const value = variables[name];
  // The app trims slugs and search terms (articles.args.ts) before using them.
  if (typeof value !== 'string' || !value.trim()) throw new BadRequest(`variable "${name}" must be a non-empty string`);
  return value.trim();
};

// The sort keys of an `after` cursor (common/pagination/keyset.ts: base64url JSON [publishedAt, id]).
function afterKeys(variables: Variables): readonly [string, string] {
  const after = variables.after;
  if (after === undefined || after === null) return BEFORE_ALL;
  const keys: unknown = typeof after === 'string' ? JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) : null;
  if (!Array.isArray(keys) || keys.length !== 2 || !keys.every((key) => typeof key === 'string'))
    throw new BadRequest('"after" is not a valid cursor');
  return [keys[0] as string, keys[1] as string];
}

// Routes by the exact document the scenario sends; its variables become the statement's parameters.
const ROUTES = new Map<string, { statement: Statement; values: (variables: Variables) => unknown[] }>([
  [LATEST_ARTICLES_QUERY, { statement: LATEST, values: () => [] }],
  [ARTICLE_PAGE_QUERY, { statement: ARTICLE_PAGE, values: (variables) => [text(variables, 'slug')] }],
  [TAG_PAGE_QUERY, { statement: TAG_PAGE, values: (variables) => [text(variables, 'tag'), ...afterKeys(variables)] }],
  [SEARCH_QUERY, { statement: SEARCH, values: (variables) => [text(variables, 'search')] }],
]);

let statements = 0;

function send(res: ServerResponse, status: number, contentType: string, body: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

const JSON_TYPE = 'application/json; charset=utf-8';
const graphqlError = (message: string) => `${JSON.stringify({ errors: [{ message }] })}\n`;

async function answer(res: ServerResponse, url: URL): Promise<void> {
  const route = ROUTES.get(url.searchParams.get('query') ?? '');
  if (!route) return send(res, 404, JSON_TYPE, graphqlError('The limit server answers scenarios A-D only'));
  let values: unknown[];
  try {
    const raw = url.searchParams.get('variables');
    values = route.values(raw ? (JSON.parse(raw) as Variables) : {});
  } catch (error) {
    return send(res, 400, JSON_TYPE, graphqlError(error instanceof Error ? error.message : String(error)));
  }
  statements += 1;
  const { rows } = await pool.query<{ body: string }>({ name: route.statement.name, text: route.statement.text, values });
  // The app's content headers (not its ETag or x-request-id: Express and pino extras).
  send(res, 200, JSON_TYPE, rows[0]!.body, { 'Cache-Control': 'max-age=60, public' });
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/graphql') {
    answer(res, url).catch((error: unknown) => {
      console.error(error);
      send(res, 500, JSON_TYPE, graphqlError('Internal server error'));
    });
  } else if (req.method === 'GET' && url.pathname === '/metrics') {
    // The counter the app exposes, under the same name, so the runner reads both alike.
    send(res, 200, 'text/plain; version=0.0.4', `newsdesk_sql_statements_total ${statements}\n`);
  } else if (req.method === 'GET' && url.pathname === '/health/ready') {
    send(res, 200, 'application/json', '{"status":"ok"}');
  } else {
    send(res, 404, JSON_TYPE, graphqlError('Not found'));
  }
});

server.listen(port, '127.0.0.1', () => console.log(`limit server listening on http://127.0.0.1:${port}`));

function shutdown() {
  server.close();
  void pool.end();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
