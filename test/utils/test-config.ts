import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import type { TestDatabase } from './test-database.js';

// The configuration every test tier starts from (app or services alone), on the given database.
export function testConfig(db: TestDatabase, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    PUBLIC_SITE_URL: 'https://news.example.com',
    APP_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    JOBS_POLL_INTERVAL_MS: '100',
    // Factories write rows directly, past the services that purge the cache, so a cached answer could
    // hide their rows. The response-cache tests turn it on and write through the admin API.
    RESPONSE_CACHE: 'off',
    // GRAPHQL_PASS_THROUGH=verify npm run test:e2e: every spec's public queries answered both ways, and compared.
    ...(process.env.GRAPHQL_PASS_THROUGH ? { GRAPHQL_PASS_THROUGH: process.env.GRAPHQL_PASS_THROUGH } : {}),
    ...env,
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: String(db.poolSize),
    ...(db.singleSession ? { DATABASE_PREPARED_STATEMENTS: 'false' } : {}),
  });
}
