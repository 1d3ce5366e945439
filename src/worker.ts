import { ConfigError, loadConfig } from './config/app-config.js';
import { loadEnvFile } from './config/env-file.js';
import { createLogger } from './logging/logger.js';
import { createWorkerContext } from './worker.factory.js';

// The worker process role: runs background jobs (scheduled publishing...) and serves no HTTP. Run as
// many as needed against one PostgreSQL; each job runs on exactly one of them.
async function main() {
  loadEnvFile();
  let config;
  try {
    // Running jobs is this role's only purpose, whatever JOBS_ENABLED says for the web processes.
    config = loadConfig({ ...process.env, JOBS_ENABLED: 'true' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  if (!config.database.url) {
    // The embedded database lives inside the one `npm start` process, which runs the jobs itself;
    // a second process opening the same data directory would corrupt it.
    console.error('npm run worker needs DATABASE_URL: with the embedded database, `npm start` runs the jobs itself.');
    process.exit(1);
  }
  const logger = createLogger(config);
  await createWorkerContext(config, { logger });
  logger.info('Newsdesk worker is running jobs');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
