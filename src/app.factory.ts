import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { ResponseCacheMiddleware } from './cache/response-cache.middleware.js';
import { corsMiddleware } from './common/http/cors.middleware.js';
import type { Clock } from './common/clock/clock.js';
import type { AppConfig } from './config/app-config.js';
import { resolveAppKeys } from './config/app-secret.js';
import { DatabaseConnection } from './database/database-connection.js';
import { PrismaService } from './database/prisma.service.js';
import { graphqlConditionalGet } from './graphql/conditional-get.middleware.js';
import { graphqlIdeMiddleware } from './graphql/ide/graphql-ide.middleware.js';
import { PUBLIC_GRAPHQL_PATH } from './graphql/public-graphql.module.js';
import { createLogger } from './logging/logger.js';
import { PinoNestLogger } from './logging/pino-nest-logger.js';
import { HttpRequestMetrics } from './metrics/http-request.metrics.js';
import { requestLoggingMiddleware } from './logging/request-logging.middleware.js';
import { ArticleDerivationService } from './articles/derivation/article-derivation.service.js';
import { isDatabaseEmpty, seedDemoContent } from './seed/demo-seeder.js';
import { mountStudio } from './studio/studio.mount.js';

export interface CreateAppOptions {
  logger?: Logger;
  /** Count SQL statements (tests and benchmarks). */
  emitQueryEvents?: boolean;
  /** What "now" is for schedules and retries (tests move it forward). */
  clock?: Clock;
}

// Builds the whole application, the same way for `npm start`, tests and benchmarks.
export async function createNestApp(config: AppConfig, options: CreateAppOptions = {}): Promise<INestApplication> {
  const logger = options.logger ?? createLogger(config);
  const connection = await DatabaseConnection.open(config, logger, { emitQueryEvents: options.emitQueryEvents });
  const keys = resolveAppKeys(config, logger);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config, keys, logger, connection, options.clock),
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    },
  );
  app.disable('x-powered-by');
  // Behind a load balancer, req.ip (rate limits, audit) is the reader's address, not the balancer's.
  app.set('trust proxy', config.http.trustProxy);
  // Registered before init so it wraps the GraphQL middleware too.
  app.use(requestLoggingMiddleware(logger));
  // Before the response cache, so cached answers carry the CORS headers of the request in hand.
  app.use(corsMiddleware(config.cors));
  // GraphiQL for browsers asking for a page; GraphQL requests pass through.
  if (config.graphql.ide) app.use(graphqlIdeMiddleware(logger));
  if (config.metricsEnabled) app.use(app.get(HttpRequestMetrics).middleware);
  // Before GraphQL and the controllers: a cache hit is answered without running them.
  app.use(app.get(ResponseCacheMiddleware).handle);
  app.use(PUBLIC_GRAPHQL_PATH, graphqlConditionalGet);
  mountStudio(app);
  app.enableShutdownHooks();
  await app.init();
  if (config.database.seedDemoContent) await seedWhenEmpty(app, logger);
  return app;
}

// The embedded demo starts with content; an external database is only seeded on request (db:seed).
async function seedWhenEmpty(app: INestApplication, logger: Logger) {
  const prisma = app.get(PrismaService);
  if (!(await isDatabaseEmpty(prisma))) return;
  const { articles } = await seedDemoContent(prisma);
  await app.get(ArticleDerivationService).rederive({ kind: 'never-derived' });
  logger.info({ articles }, `Seeded demo content (${articles} articles)`);
}
