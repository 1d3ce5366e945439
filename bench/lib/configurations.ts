// The servers measured. Each configuration gets one fresh process for all its scenarios; the peak RSS
// is reset before each measured run so it stays per scenario.

export interface Configuration {
  name: string;
  description: string;
  /** Scenarios this server can answer; undefined means all. */
  scenarios?: readonly string[];
  /** A reference server compiled from bench/ (its tsconfig) rather than the app: no app NODE_OPTIONS. */
  tsconfig?: string;
  /** Run only when --configs names it (prototypes whose packages are not installed by default). */
  optIn?: boolean;
  args: string[];
  env(databaseUrl: string, port: number): Record<string, string>;
}

/** The configuration every result row is compared with, scenario by scenario, in the same run. */
export const LIMIT = 'limit';

export const APP_NODE_OPTIONS = '--max-old-space-size=256 --max-semi-space-size=8';

// Signs tokens; production refuses to start without one. Fixed, so logins are reproducible.
const APP_SECRET = 'newsdesk-bench-app-secret-0123456789abcdef';

/** The environment of an app process; the data generator derives columns with the same settings. */
export function appEnv(databaseUrl: string, port: number, responseCache: 'off' | 'memory'): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    APP_SECRET,
    // The job runner polls the database in the background; F saves enqueue nothing that must run now.
    JOBS_ENABLED: 'false',
    METRICS_ENABLED: 'true',
    RESPONSE_CACHE: responseCache,
    // The heap bounds the Docker image sets (see Dockerfile): what production runs.
    NODE_OPTIONS: APP_NODE_OPTIONS,
  };
}

export const CONFIGURATIONS: readonly Configuration[] = [
  {
    name: LIMIT,
    description: 'node:http + pg, one prepared statement per scenario building the response JSON (bench/limit/)',
    scenarios: ['A', 'B', 'C', 'D'],
    // Compiled to plain JS first, so its memory is not the TypeScript loader's.
    tsconfig: 'bench/limit/tsconfig.json',
    args: ['dist/bench-limit/bench/limit/server.js'],
    env: (databaseUrl, port) => ({ DATABASE_URL: databaseUrl, PORT: String(port), DATABASE_POOL_SIZE: '10' }),
  },
  {
    name: 'old-design',
    description: "node:http + pg, the app's read path before issue 9: 8 statements in 4 round trips (bench/baseline/)",
    scenarios: ['A'],
    tsconfig: 'bench/baseline/tsconfig.json',
    args: ['dist/bench-baseline/bench/baseline/server.js'],
    env: (databaseUrl, port) => ({ DATABASE_URL: databaseUrl, PORT: String(port), DATABASE_POOL_SIZE: '10' }),
  },
  {
    name: 'app-no-cache',
    description: 'node dist/main.js, RESPONSE_CACHE=off',
    args: ['dist/main.js'],
    env: (databaseUrl, port) => appEnv(databaseUrl, port, 'off'),
  },
  {
    name: 'app-cache',
    description: 'node dist/main.js, RESPONSE_CACHE=memory',
    args: ['dist/main.js'],
    env: (databaseUrl, port) => appEnv(databaseUrl, port, 'memory'),
  },
  ...(['off', 'memory'] as const).map((cache): Configuration => ({
    name: cache === 'off' ? 'app-fastify-no-cache' : 'app-fastify-cache',
    description: `dist/ booted on Fastify (bench/fastify/server.mjs, issue 9 §3 prototype), RESPONSE_CACHE=${cache}`,
    optIn: true,
    args: ['bench/fastify/server.mjs'],
    env: (databaseUrl, port) => appEnv(databaseUrl, port, cache),
  })),
];

/** dist/ and, with `compareDist`, the same app built before a change, side by side in one run. */
export function configurationsFor(compareDist: string | undefined): Configuration[] {
  if (!compareDist) return [...CONFIGURATIONS];
  const before: Configuration[] = (['off', 'memory'] as const).map((cache) => ({
    name: cache === 'off' ? 'before-no-cache' : 'before-cache',
    description: `node ${compareDist}/main.js, RESPONSE_CACHE=${cache}`,
    args: [`${compareDist}/main.js`],
    env: (databaseUrl, port) => appEnv(databaseUrl, port, cache),
  }));
  // Each "before" row just ahead of its dist/ counterpart, so the two are measured seconds apart.
  return CONFIGURATIONS.flatMap((config) =>
    config.name === 'app-no-cache' ? [before[0], config] : config.name === 'app-cache' ? [before[1], config] : [config],
  );
}
