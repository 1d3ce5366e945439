import { ConfigError, loadConfig } from './config/app-config.js';
import { createNestApp } from './app.factory.js';
import { createLogger } from './logging/logger.js';

async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // One message naming every bad variable, then stop: a half-configured CMS must not start.
    console.error(error.message);
    process.exit(1);
  }
  const logger = createLogger(config);
  const app = await createNestApp(config, { logger });
  await app.listen(config.http.port, config.http.host);
  const url = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
  logger.info({ url }, `Newsdesk is ready: ${url}/graphql`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
