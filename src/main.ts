import cluster from 'node:cluster';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { loadEnvFile } from './config/env-file.js';
import { PortUnavailableError, reservePort, unavailable } from './common/port-reservation.js';
import { EmbeddedDatabaseBusyError } from './database/embedded-lock.js';

// One line on stderr and exit 1: for mistakes an operator fixes (configuration, a busy port), a
// stack trace would only hide the message.
function stop(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function configure(): AppConfig {
  loadEnvFile();
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // One message naming every bad variable, then stop: a half-configured CMS must not start.
    stop(error.message);
  }
}

async function main() {
  const config = configure();
  const { host, port, workers } = config.http;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  // In a worker the port is the primary's: it checked it before forking.
  const reservation = cluster.isWorker ? null : await reservePort(host, port);
  if (workers > 1 && cluster.isPrimary) {
    await reservation!.release();
    const { createLogger } = await import('./logging/logger.js');
    const { runClusterPrimary } = await import('./cluster/http-cluster.js');
    runClusterPrimary(workers, url, createLogger(config));
    return;
  }
  // The app's module graph is imported only now: the checks above answer at once, and tracing
  // (telemetry.ts) must hook module loading before the instrumented libraries are imported.
  const { startTelemetry } = await import('./telemetry/telemetry.js');
  await startTelemetry(config);
  const { createNestApp } = await import('./app.factory.js');
  const { createLogger } = await import('./logging/logger.js');
  const logger = createLogger(config);
  const app = await createNestApp(config, { logger });
  await reservation?.release();
  await app.listen(port, host).catch((error: NodeJS.ErrnoException) => {
    throw unavailable(error, host, port);
  });
  if (cluster.isWorker) {
    const { announceWorkerReady } = await import('./cluster/http-cluster.js');
    announceWorkerReady();
  } else logger.info({ url }, `Newsdesk is ready: ${url}/graphql`);
}

main().catch((error: unknown) => {
  if (error instanceof PortUnavailableError || error instanceof EmbeddedDatabaseBusyError) stop(error.message);
  console.error(error);
  process.exit(1);
});
