// Checks that the reference servers are fair floors: on the same database they must answer what the
// app answers. For each of scenarios A-D, the requests the scenario sends (B: the first SAMPLE_SLUGS of
// its rotation) go to the app (RESPONSE_CACHE=off) and to `limit`, and the parsed JSON must be deeply
// equal; scenario A also goes to `old-design`. Prints the SQL statements per request of each server.
//   npm run bench:verify -- [--database-url URL] [--no-build]
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp, buildReference } from '../lib/build.js';
import { CONFIGURATIONS, LIMIT } from '../lib/configurations.js';
import { readSqlStatements } from '../lib/metrics.js';
import { freePort, startServer, type ServerProcess } from '../lib/server-process.js';
import { SCENARIOS } from '../scenarios/index.js';

const SAMPLE_SLUGS = 50;
const COMPARED = ['A', 'B', 'C', 'D'];

/** The GET paths scenario `id` sends, as its load plan builds them. */
async function scenarioPaths(id: string, db: pg.Pool, databaseUrl: string): Promise<string[]> {
  const scenario = SCENARIOS.find((candidate) => candidate.id === id)!;
  const plan = await (await scenario.prepare(db, databaseUrl))('http://unused');
  if (typeof plan.requests === 'function') throw new Error(`${id}: per-connection requests cannot be compared`);
  const [request] = plan.requests;
  if (!request.setupRequest) return [request.path!];
  // B rotates over slugs in setupRequest: take the first few of its rotation.
  return Array.from({ length: SAMPLE_SLUGS }, () => request.setupRequest!({ ...request }, {}).path!);
}

async function withServer<T>(name: string, databaseUrl: string, work: (server: ServerProcess) => Promise<T>): Promise<T> {
  const config = CONFIGURATIONS.find((candidate) => candidate.name === name)!;
  const port = await freePort();
  const server = await startServer(`verify-${config.name}`, config.args, config.env(databaseUrl, port), port);
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

interface Answers {
  bodies: Map<string, string>;
  /** Statements per request, per scenario; null without /metrics. */
  statements: Map<string, number | null>;
}

async function answers(name: string, databaseUrl: string, paths: Map<string, string[]>): Promise<Answers> {
  return withServer(name, databaseUrl, async (server) => {
    const result: Answers = { bodies: new Map(), statements: new Map() };
    for (const [scenario, list] of paths) {
      const before = await readSqlStatements(server.baseUrl);
      for (const path of list) result.bodies.set(path, await (await fetch(server.baseUrl + path)).text());
      const after = await readSqlStatements(server.baseUrl);
      result.statements.set(scenario, before !== null && after !== null ? (after - before) / list.length : null);
    }
    return result;
  });
}

function compare(label: string, reference: Answers, candidate: Answers, paths: Map<string, string[]>): boolean {
  let allEqual = true;
  for (const [scenario, list] of paths) {
    const different = list.filter((path) => {
      const expected = reference.bodies.get(path)!;
      const actual = candidate.bodies.get(path)!;
      return expected !== actual && !isDeepStrictEqual(JSON.parse(expected), JSON.parse(actual));
    });
    const bytes = (answersOf: Answers) => list.reduce((sum, path) => sum + Buffer.byteLength(answersOf.bodies.get(path)!), 0);
    console.log(
      `${scenario} ${label}: ${different.length ? `${different.length} of ${list.length} DIFFERENT` : `${list.length} of ${list.length} deep-equal`}` +
        ` (${bytes(candidate)} bytes vs the app's ${bytes(reference)}); SQL statements per request: app ` +
        `${reference.statements.get(scenario) ?? 'n/a'}, ${label} ${candidate.statements.get(scenario) ?? 'n/a'}`,
    );
    for (const path of different.slice(0, 1)) {
      console.log(`  ${decodeURIComponent(path).slice(0, 200)}`);
      console.log(`  app:    ${reference.bodies.get(path)!.slice(0, 600)}`);
      console.log(`  ${label}: ${candidate.bodies.get(path)!.slice(0, 600)}`);
    }
    if (different.length) allEqual = false;
  }
  return allEqual;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/newsdesk_bench_10k' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const databaseUrl = values['database-url'];
  if (!values['no-build']) buildApp();
  for (const config of CONFIGURATIONS) if (config.tsconfig) buildReference(config.tsconfig);

  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const paths = new Map<string, string[]>();
  try {
    for (const id of COMPARED) paths.set(id, await scenarioPaths(id, db, databaseUrl));
  } finally {
    await db.end();
  }
  const onlyA = new Map([['A', paths.get('A')!]]);

  const app = await answers('app-no-cache', databaseUrl, paths);
  const limitOk = compare(LIMIT, app, await answers(LIMIT, databaseUrl, paths), paths);
  // The old design is a second reference only while it still answers what the app answers.
  const oldOk = compare('old-design', app, await answers('old-design', databaseUrl, onlyA), onlyA);
  if (!limitOk || !oldOk) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
