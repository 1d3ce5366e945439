import type { INestApplication } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import { createNestApp } from '../../src/app.factory.js';
import type { Clock } from '../../src/common/clock/clock.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import { QueryCounter } from '../../src/database/query-counter.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { GraphqlClient } from './graphql-client.js';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  baseUrl: string;
  prisma: PrismaService;
  queries: QueryCounter;
  graphql: GraphqlClient;
  /** The admin endpoint, anonymous; see test/utils/auth.ts for logged-in clients. */
  admin: GraphqlClient;
  database: TestDatabase;
  close(): Promise<void>;
}

// Boots the real application on its own database and a real port, as `npm start` does.
export async function createTestApp(
  env: Record<string, string> = {},
  database?: TestDatabase,
  options: { logger?: Logger; clock?: Clock } = {},
): Promise<TestApp> {
  const db = database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_SITE_URL: 'https://news.example.com',
    APP_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    JOBS_POLL_INTERVAL_MS: '100',
    // Factories write rows directly, past the services that purge the cache, so a cached answer could
    // hide their rows. The response-cache tests turn it on and write through the admin API.
    RESPONSE_CACHE: 'off',
    ...env,
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: String(db.poolSize),
  });
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'silent' });
  const app = await createNestApp(config, { logger, emitQueryEvents: true, clock: options.clock });
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    config,
    baseUrl,
    prisma: app.get(PrismaService),
    queries: app.get(QueryCounter),
    graphql: new GraphqlClient(`${baseUrl}/graphql`),
    admin: new GraphqlClient(`${baseUrl}/admin/graphql`),
    database: db,
    async close() {
      await app.close();
      if (!database) await db.drop();
    },
  };
}
