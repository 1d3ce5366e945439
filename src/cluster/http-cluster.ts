import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { serveClusterMetrics } from './cluster-metrics.js';
import { isMessage } from './ipc-message.js';

// WEB_CONCURRENCY workers on one port, with node:cluster: one Node.js process runs JavaScript on one
// core, so a box with more cores serves more with more processes, as a deployment runs replicas.
// Each worker is the whole app (its own pools, job runner, purge listener and memory cache, purged by
// the same pg_notify messages that reach other instances); the primary only forks, restarts and
// stops them and answers /metrics scrapes for all (cluster-metrics.ts). It never loads the app.

const READY = 'newsdesk:worker-ready';
const FIRST_RESTART_DELAY_MS = 1000;
const MAX_RESTART_DELAY_MS = 30_000;
/** After SIGTERM, how long workers may take to finish their requests before they are killed. */
const STOP_TIMEOUT_MS = 30_000;

/** In a worker: tells the primary it listens, so a later exit is a crash to repair, not a failed start. */
export function announceWorkerReady(): void {
  process.send?.({ type: READY });
}

export function runClusterPrimary(workers: number, url: string, logger: Logger): void {
  serveClusterMetrics();
  const started = new Set<number>();
  let anyStarted = false;
  let stopping = false;
  let exitCode = 0;
  let restartDelay = FIRST_RESTART_DELAY_MS;

  cluster.on('message', (worker: Worker, message: unknown) => {
    if (!isMessage<{ type: typeof READY }>(message, READY)) return;
    started.add(worker.id);
    restartDelay = FIRST_RESTART_DELAY_MS;
    if (anyStarted || started.size < workers) return;
    anyStarted = true;
    logger.info({ url, workers }, `Newsdesk is ready: ${url}/graphql (${workers} workers)`);
  });

  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    const wasReady = started.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    // A first start that fails (bad database URL, a migration error) fails the same way in every
    // worker: stop with the worker's message above, as one process would, rather than loop.
    if (!wasReady && !anyStarted) {
      logger.fatal({ worker: worker.id, code, signal }, 'A worker failed to start; stopping');
      stop(1);
      return;
    }
    logger.error({ worker: worker.id, code, signal, restartInMs: restartDelay }, 'A worker stopped; starting another');
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, restartDelay);
    restartDelay = Math.min(restartDelay * 2, MAX_RESTART_DELAY_MS);
  });

  function stop(code: number) {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    if (running.length === 0) process.exit(exitCode);
    // Each worker closes as one process does on SIGTERM: in-flight requests finish, then the pools close.
    for (const worker of running) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(exitCode || 1);
    }, STOP_TIMEOUT_MS).unref();
  }

  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  for (let index = 0; index < workers; index++) cluster.fork();
}
