// npm run bench -- [--quick] [--scenarios A,B] ...: measures the built app on real PostgreSQL against
// `limit` (bench/limit/: one statement per page, the JSON built in PostgreSQL), scenario by scenario
// in the same run. Options: bench/lib/options.ts; the load: bench/scenarios/.
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { buildApp, buildReference, processesMatching } from './lib/build.js';
import { databaseCpuMs, databaseCpuSpent, processTreeCpuMs } from './lib/cpu.js';
import { configurationsFor, LIMIT, type Configuration } from './lib/configurations.js';
import { firstResponse } from './lib/first-response.js';
import { runLoad } from './lib/load.js';
import { machineInfo } from './lib/machine.js';
import { readSqlStatements, waitUntilIdle } from './lib/metrics.js';
import { readOptions, USAGE, type BenchOptions } from './lib/options.js';
import { formatTable, writeReport, type BenchReport, type ResultRow } from './lib/report.js';
import { freePort, startServer, type ServerProcess } from './lib/server-process.js';
import { SCENARIOS } from './scenarios/index.js';
import { applyMigrations } from '../src/database/migrator.js';
import { runMediaBench } from './media/media-bench.js';
import type { LoadPlan, Scenario } from './scenarios/scenario.js';

// The data set's generator (bench/data/): while it loads, the machine's 2 cores are not ours.
const GENERATOR = 'bench/data/generate';

type Planner = (baseUrl: string) => Promise<LoadPlan>;

/** One configuration's results, and what a reader of its table must know. */
interface ConfigurationRun {
  config: Configuration;
  rows: ResultRow[];
  notes: string[];
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function sameData(body: string, reference: string): string {
  if (body === reference) return 'byte-identical to';
  try {
    return isDeepStrictEqual(JSON.parse(body), JSON.parse(reference)) ? 'the same JSON as' : 'DIFFERENT JSON from';
  } catch {
    return 'DIFFERENT from';
  }
}

function selectScenarios(ids: string[] | undefined): Scenario[] {
  if (!ids) return [...SCENARIOS];
  const unknown = ids.filter((id) => !SCENARIOS.some((scenario) => scenario.id === id));
  if (unknown.length)
    throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  return SCENARIOS.filter((scenario) => ids.includes(scenario.id));
}

function selectConfigurations(options: BenchOptions): Configuration[] {
  const all = configurationsFor(options.compareDist);
  if (!options.configs) return all.filter((config) => !config.optIn);
  const unknown = options.configs.filter((name) => !all.some((config) => config.name === name));
  if (unknown.length)
    throw new Error(`unknown configuration(s) ${unknown.join(', ')}; known: ${all.map((c) => c.name).join(', ')}`);
  return all.filter((config) => options.configs!.includes(config.name));
}

// Other work on a 2-core machine (tests, a build) shows up directly in the numbers.
function warnIfBusy(): void {
  const [oneMinute] = loadavg();
  if (oneMinute > 1) console.warn(`WARNING: load average ${oneMinute.toFixed(2)} before the run: is the machine idle?`);
}

function warnIfGeneratorRuns(notes?: string[]): void {
  const loading = processesMatching(GENERATOR);
  if (!loading.length) return;
  const warning = `the data generator was running (${loading.join('; ')}): these numbers are meaningless`;
  console.warn(`  WARNING: ${warning}`);
  notes?.push(warning);
}

async function measure(
  run: ConfigurationRun,
  server: ServerProcess,
  scenario: Scenario,
  planner: Planner,
  options: BenchOptions,
  referenceBodies: Map<string, string>,
  db: pg.Pool,
): Promise<void> {
  const plan = await planner(server.baseUrl);
  const connections = plan.connections ?? options.connections;
  if (plan.note) run.notes.push(plan.note);

  const first = await firstResponse(server.baseUrl, plan);
  if (first && !first.ok)
    run.notes.push(`${scenario.id}: the first response fails the check: ${first.status} ${first.body.slice(0, 300)}`);
  // `limit` is only a fair floor if it answers what the app answers: the first configuration to answer
  // a scenario (limit runs first) sets the reference; the others are compared with it as parsed JSON.
  if (first?.ok) {
    const reference = referenceBodies.get(scenario.id);
    if (!reference) referenceBodies.set(scenario.id, first.body);
    else run.notes.push(`${scenario.id}: the first response is ${sameData(first.body, reference)} the first configuration's`);
  }

  await plan.beforeRun?.();
  const warmup = plan.warmupRequests ? { requests: plan.warmupRequests } : { seconds: options.warmupSeconds };
  await runLoad(server.baseUrl, plan, connections, warmup);
  // Each measured run starts on an idle server: a slow scenario leaves a backlog behind its load.
  await waitUntilIdle(server.baseUrl);
  await plan.beforeRun?.();
  await server.resetPeakRss();
  const sqlBefore = await readSqlStatements(server.baseUrl);
  const [appCpuBefore, dbCpuBefore] = [await processTreeCpuMs(server.pid), await databaseCpuMs(db)];
  const result = await runLoad(server.baseUrl, plan, connections, { seconds: options.durationSeconds });
  await waitUntilIdle(server.baseUrl);
  const [appCpuAfter, dbCpuAfter] = [await processTreeCpuMs(server.pid), await databaseCpuMs(db)];
  const sqlAfter = await readSqlStatements(server.baseUrl);
  // A server that died (or was killed) mid-run answers with connection errors: say so, not just count them.
  const gone = server.exitReason();
  if (gone) throw new Error(`the server stopped during the run (${gone}); see ${server.logFile}`);

  if (result.sampleError) run.notes.push(`${scenario.id}: ${result.errors} errors, e.g. ${result.sampleError}`);
  const sqlCounted = sqlBefore !== null && sqlAfter !== null && result.responses > 0;
  run.rows.push({
    config: run.config.name,
    scenario: scenario.id,
    rps: result.rps,
    p50: result.p50,
    p95: result.p95,
    p99: result.p99,
    errors: result.errors,
    ratioToLimit: null,
    // Per request sent: the counter also holds the statements of requests answered after the load stopped.
    sqlPerRequest: sqlCounted ? Number(((sqlAfter - sqlBefore) / result.sent).toFixed(2)) : null,
    peakRssMb: await server.peakRssMb(),
    peakRssTotalMb: options.workers > 1 ? await server.peakRssTotalMb() : null,
    // Per request sent, read once the server is idle again: like the SQL count, it holds the in-flight ones.
    appCpuMsPerRequest:
      appCpuBefore !== null && appCpuAfter !== null && result.sent > 0
        ? Number(((appCpuAfter - appCpuBefore) / result.sent).toFixed(2))
        : null,
    dbCpuMsPerRequest: result.sent > 0 ? Number((databaseCpuSpent(dbCpuBefore, dbCpuAfter) / result.sent).toFixed(2)) : null,
  });
  console.log(
    `  ${run.config.name.padEnd(12)} ${scenario.id}: ${result.rps} req/s, p99 ${result.p99} ms, ${result.errors} errors ` +
      `(${connections} connections, ${result.responses} responses)`,
  );
}

/** Starts the configuration's server; null (with a note) when it does not start. */
async function startConfiguration(run: ConfigurationRun, options: BenchOptions): Promise<ServerProcess | null> {
  const { config } = run;
  const port = await freePort();
  try {
    const env = {
      ...config.env(options.databaseUrl, port),
      ...(config.tsconfig ? {} : { NODE_OPTIONS: options.appNodeOptions }),
      ...(options.workers > 1 && !config.tsconfig ? { WEB_CONCURRENCY: String(options.workers) } : {}),
    };
    // Node refuses --cpu-prof in NODE_OPTIONS: it goes on the command line, for the app only.
    const profile = options.cpuProfDir && !config.tsconfig;
    const args = profile
      ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`, `--cpu-prof-name=${config.name}.cpuprofile`, ...config.args]
      : config.args;
    // A reference server runs as that many node:cluster workers, as the app does with WEB_CONCURRENCY.
    const clustered =
      options.workers > 1 && config.tsconfig ? ['bench/lib/reference-cluster.mjs', String(options.workers), ...args] : args;
    return await startServer(config.name, clustered, env, port);
  } catch (error) {
    run.notes.push(`did not start: ${message(error)}`);
    console.log(`  ${config.name} FAILED to start: ${message(error)}`);
    return null;
  }
}

/**
 * Every configuration's server runs for the whole run, and each scenario is measured on each
 * configuration in turn (limit first): the rows a ratio compares are measured seconds apart, not
 * minutes, so load from elsewhere on a shared machine drifts less between them.
 */
async function runInterleaved(
  runs: ConfigurationRun[],
  scenarios: Scenario[],
  planners: Map<string, Planner>,
  options: BenchOptions,
  db: pg.Pool,
): Promise<void> {
  const servers = new Map<ConfigurationRun, ServerProcess>();
  const referenceBodies = new Map<string, string>();
  try {
    for (const run of runs) {
      const server = await startConfiguration(run, options);
      if (server) servers.set(run, server);
    }
    for (const scenario of scenarios) {
      console.log(`\n== ${scenario.id}: ${scenario.title}`);
      for (const [run, server] of servers) {
        if (run.config.scenarios && !run.config.scenarios.includes(scenario.id)) continue;
        // One broken scenario (a failed login, a missing tag) must not cost the rest of the run.
        try {
          await measure(run, server, scenario, planners.get(scenario.id)!, options, referenceBodies, db);
        } catch (error) {
          run.notes.push(`${scenario.id} FAILED: ${message(error)}`);
          console.log(`  ${run.config.name.padEnd(12)} FAILED: ${message(error)}`);
        }
        warnIfGeneratorRuns(run.notes);
      }
    }
  } finally {
    for (const [run, server] of servers) {
      await server.stop();
      console.log(`  ${run.config.name} log: ${server.logFile}`);
    }
  }
}

/** Reads what each scenario needs from the database; a scenario that cannot be prepared is left out. */
async function prepareScenarios(scenarios: Scenario[], db: pg.Pool, databaseUrl: string): Promise<Map<string, Planner>> {
  const planners = new Map<string, Planner>();
  for (const scenario of scenarios) {
    try {
      planners.set(scenario.id, await scenario.prepare(db, databaseUrl));
    } catch (error) {
      console.warn(`Scenario ${scenario.id} left out: ${message(error)}`);
    }
  }
  return planners;
}

async function main(): Promise<void> {
  // The media scenario has its own runner and options (bench/media/media-bench.ts).
  if (process.argv.includes('--media')) return runMediaBench(process.argv.slice(2).filter((arg) => arg !== '--media'));
  const options = readOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  warnIfGeneratorRuns();
  warnIfBusy();
  const startedAt = new Date();
  if (options.build) buildApp();

  // A database loaded by an older checkout lacks the columns of newer migrations (the app would answer
  // 500s); migrating is idempotent and what `npm start` does on an embedded database.
  const applied = await applyMigrations(options.databaseUrl);
  if (applied.length) console.log(`Applied ${applied.length} migration(s) to the bench database: ${applied.join(', ')}`);
  const db = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  try {
    const machine = await machineInfo(db);
    const { rows } = await db.query<{ articles: number }>('SELECT count(*)::int AS articles FROM articles');
    const dataset = { articles: rows[0].articles };
    console.log(
      `Newsdesk bench: ${dataset.articles} articles, PostgreSQL ${machine.postgres}, ${machine.cpus} × ${machine.model}, ` +
        `node ${machine.node}; ${options.durationSeconds} s per scenario after ${options.warmupSeconds} s warm-up, ` +
        `${options.connections} connections, ${options.workers} process(es) per server`,
    );

    const requested = selectScenarios(options.scenarios);
    const planners = await prepareScenarios(requested, db, options.databaseUrl);
    const scenarios = requested.filter((scenario) => planners.has(scenario.id));
    const configs = selectConfigurations(options).filter(
      (config) => !config.scenarios || scenarios.some((s) => config.scenarios!.includes(s.id)),
    );
    for (const config of configs) if (config.tsconfig) buildReference(config.tsconfig);

    for (const config of configs) console.log(`${config.name}: ${config.description}`);
    const runs: ConfigurationRun[] = configs.map((config) => ({ config, rows: [], notes: [] }));
    await runInterleaved(runs, scenarios, planners, options, db);

    const results = runs.flatMap((run) => run.rows);
    // Each row against limit on the same scenario, measured just before it (runInterleaved).
    for (const row of results) {
      const limit = results.find((candidate) => candidate.config === LIMIT && candidate.scenario === row.scenario);
      row.ratioToLimit = limit ? Number((row.rps / limit.rps).toFixed(3)) : null;
    }
    for (const run of runs) {
      console.log(`\n${formatTable(`${run.config.name}: ${run.config.description}`, run.rows)}`);
      for (const note of new Set(run.notes)) console.log(`  note: ${note}`);
    }

    const report: BenchReport = {
      machine,
      dataset,
      startedAt: startedAt.toISOString(),
      durationSeconds: options.durationSeconds,
      connections: options.connections,
      workers: options.workers,
      appNodeOptions: options.appNodeOptions,
      results,
    };
    await writeReport(options.out, report);
    console.log(`\nWrote ${options.out}; the run took ${Math.round((Date.now() - startedAt.getTime()) / 1000)} s`);
  } finally {
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(message(error));
  process.exitCode = 1;
});
