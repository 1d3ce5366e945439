// The floor the app is measured against: node:http and pg, no framework, answering scenario A (GET
// /graphql with the latestArticles query) with the app's statements and the app's exact JSON.
// Env: DATABASE_URL, PORT (default 3998), DATABASE_POOL_SIZE (default 10, as the app's).
import { createServer, type ServerResponse } from 'node:http';
import pg from 'pg';
import { LATEST_ARTICLES_COUNT, LATEST_ARTICLES_QUERY } from '../scenarios/queries.js';
import { latestArticlesResponse, type Query } from './latest-articles.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is required');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3998);

// The app's pool: same size, same idle timeout (src/database/prisma.service.ts).
const pool = new pg.Pool({
  connectionString: databaseUrl,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  idleTimeoutMillis: 10_000,
});
pool.on('error', (error) => console.error('idle database connection closed:', error.message));

let statements = 0;
const query: Query = async (text, values) => {
  statements += 1;
  return (await pool.query(text, values)).rows;
};

function send(res: ServerResponse, status: number, contentType: string, body: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/graphql' && url.searchParams.get('query') === LATEST_ARTICLES_QUERY) {
    latestArticlesResponse(query, LATEST_ARTICLES_COUNT).then(
      // The app's content headers (not its ETag or x-request-id: Express and pino extras, not this floor's job).
      (body) => send(res, 200, 'application/json; charset=utf-8', body, { 'Cache-Control': 'max-age=60, public' }),
      (error: unknown) => {
        console.error(error);
        send(res, 500, 'application/json; charset=utf-8', '{"errors":[{"message":"Internal server error"}]}\n');
      },
    );
  } else if (req.method === 'GET' && url.pathname === '/metrics') {
    // The counter the app exposes, under the same name, so the runner reads both alike.
    send(res, 200, 'text/plain; version=0.0.4', `newsdesk_sql_statements_total ${statements}\n`);
  } else if (req.method === 'GET' && url.pathname === '/health/ready') {
    send(res, 200, 'application/json', '{"status":"ok"}');
  } else {
    send(res, 404, 'application/json', '{"errors":[{"message":"The baseline answers scenario A only"}]}\n');
  }
});

server.listen(port, '127.0.0.1', () => console.log(`baseline listening on http://127.0.0.1:${port}`));

function shutdown() {
  server.close();
  void pool.end();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
