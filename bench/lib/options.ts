import { parseArgs } from 'node:util';
import { APP_NODE_OPTIONS } from './configurations.js';

export interface BenchOptions {
  databaseUrl: string;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  scenarios: string[] | undefined;
  build: boolean;
  quick: boolean;
  /** NODE_OPTIONS of the app processes; default the Docker image's heap bounds. */
  appNodeOptions: string;
  /** Where app processes write a V8 CPU profile (node --cpu-prof) when they stop; undefined: no profile. */
  cpuProfDir: string | undefined;
  /** A second build of the app (a copy of an earlier dist/) measured beside dist/ as before-no-cache, before-cache. */
  compareDist: string | undefined;
  /** Configurations to run by name; undefined: all. */
  configs: string[] | undefined;
  /** Processes per server: WEB_CONCURRENCY of the app, and as many copies of limit and old-design. */
  workers: number;
  /** Where the JSON report goes. */
  out: string;
}

export const USAGE = `Usage: npm run bench -- [options]
  --database-url URL   PostgreSQL with the data set (default postgresql://postgres@127.0.0.1:5432/newsdesk_bench_10k)
  --duration SECONDS   measured time per scenario (default 20)
  --quick              10 s per scenario and shorter warm-ups: the whole run in under 5 minutes
  --connections N      concurrent connections (default 32; F always uses 8)
  --scenarios A,B,...  scenarios to run (default all: A,B,C,D,E,E304,F)
  --no-build           skip "npm run build" (dist/ must be current)
  --app-node-options S NODE_OPTIONS for the app (default "${APP_NODE_OPTIONS}", the Docker image's; "" for V8 defaults)
  --cpu-prof DIR       each app process writes a CPU profile to DIR/<config>.cpuprofile when it stops (use with
                       --scenarios X: one scenario per profile); summarise with bench/profile/summarize.ts
  --compare-dist DIR   also measure DIR/main.js (a copy of dist/ before a change) as before-no-cache and before-cache,
                       interleaved with dist/: a change's ratio from one run
  --configs a,b,...    configurations to run (default all), e.g. limit,before-no-cache,app-no-cache
  --workers N          processes per server (default 1): the app with WEB_CONCURRENCY=N, limit and old-design as N
                       node:cluster workers (bench/lib/reference-cluster.mjs); CPU and RSS count every process
  --out FILE           the JSON report (default bench/results/latest.json)`;

function positiveInteger(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return number;
}

export function readOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      'database-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/newsdesk_bench_10k' },
      duration: { type: 'string' },
      quick: { type: 'boolean', default: false },
      connections: { type: 'string', default: '32' },
      scenarios: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'app-node-options': { type: 'string', default: APP_NODE_OPTIONS },
      'cpu-prof': { type: 'string' },
      'compare-dist': { type: 'string' },
      configs: { type: 'string' },
      workers: { type: 'string', default: '1' },
      out: { type: 'string', default: 'bench/results/latest.json' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const quick = values.quick;
  return {
    databaseUrl: values['database-url'],
    durationSeconds: values.duration ? positiveInteger('duration', values.duration) : quick ? 10 : 20,
    // Long enough for V8 to optimise the hot paths and the pools to fill; short under --quick.
    warmupSeconds: quick ? 2 : 5,
    connections: positiveInteger('connections', values.connections),
    scenarios: values.scenarios?.split(',').map((id) => id.trim().toUpperCase()),
    build: !values['no-build'],
    quick,
    appNodeOptions: values['app-node-options'],
    cpuProfDir: values['cpu-prof'],
    compareDist: values['compare-dist'],
    configs: values.configs?.split(',').map((name) => name.trim()),
    workers: positiveInteger('workers', values.workers),
    out: values.out,
  };
}
