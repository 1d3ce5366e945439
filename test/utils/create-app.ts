import type { INestApplication } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import { createNestApp } from '../../src/app.factory.js';
import type { Clock } from '../../src/common/clock/clock.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import { QueryCounter } from '../../src/database/query-counter.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { testConfig } from './test-config.js';
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
  const config = testConfig(db, env);
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
