// Checks that the baseline is a fair floor: for the same database it must answer scenario A with the
// app's exact bytes, and (when the app serves /metrics) with as many SQL statements.
//   node --import @swc-node/register/esm-register bench/baseline/verify.ts [--database-url URL] [--no-build]
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { buildApp, buildBaseline } from '../lib/build.js';
import { CONFIGURATIONS } from '../lib/configurations.js';
import { readSqlStatements } from '../lib/metrics.js';
import { freePort, startServer } from '../lib/server-process.js';
import { graphqlGetPath, LATEST_ARTICLES_QUERY } from '../scenarios/queries.js';

interface Answer {
  body: string;
  statements: number | null;
}

async function answer(configName: string, databaseUrl: string): Promise<Answer> {
  const config = CONFIGURATIONS.find((candidate) => candidate.name === configName)!;
  const port = await freePort();
  const server = await startServer(`verify-${config.name}`, config.args, config.env(databaseUrl, port), port);
  try {
    const before = await readSqlStatements(server.baseUrl);
    const response = await fetch(server.baseUrl + graphqlGetPath(LATEST_ARTICLES_QUERY));
    const body = await response.text();
    const after = await readSqlStatements(server.baseUrl);
    return { body, statements: before !== null && after !== null ? after - before : null };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/newsdesk_bench_10k' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  if (!values['no-build']) buildApp();
  buildBaseline();
  const databaseUrl = values['database-url'];
  const baseline = await answer('baseline', databaseUrl);
  const app = await answer('app-no-cache', databaseUrl);

  const identical = baseline.body === app.body;
  const equal = identical || isDeepStrictEqual(JSON.parse(baseline.body), JSON.parse(app.body));
  console.log(
    `response: ${identical ? 'byte-identical' : equal ? 'deep-equal (bytes differ)' : 'DIFFERENT'} (${app.body.length} bytes)`,
  );
  console.log(`SQL statements: app ${app.statements ?? 'n/a (no /metrics)'}, baseline ${baseline.statements}`);
  if (!equal) {
    console.log(`app:      ${app.body.slice(0, 500)}\nbaseline: ${baseline.body.slice(0, 500)}`);
    process.exitCode = 1;
  }
  if (app.statements !== null && app.statements !== baseline.statements) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
