import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { pino } from 'pino';
import type { Actor } from '../../src/access/actor.js';
import type { Clock } from '../../src/common/clock/clock.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { resolveAppKeys } from '../../src/config/app-secret.js';
import { coreModules } from '../../src/core.modules.js';
import { DatabaseConnection } from '../../src/database/database-connection.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import type { UserRole } from '../../src/generated/prisma/client.js';
import { ADMIN_FEATURE_MODULES } from '../../src/app.module.js';
import { PinoNestLogger } from '../../src/logging/pino-nest-logger.js';
import { JOB_HANDLER_MODULES } from '../../src/core.modules.js';
import { createUser } from './auth.js';
import { testConfig } from './test-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

// The worker's modules (core + job handlers, see src/core.modules.ts) plus the admin feature
// modules, whose editor services (tags, authors, users...) the worker does not need. Their resolvers
// are instantiated as plain providers: without GraphQLModule nothing serves them.
@Module({})
class ServiceTierModule {
  static register(...args: Parameters<typeof coreModules>): DynamicModule {
    return { module: ServiceTierModule, imports: [...coreModules(...args), ...JOB_HANDLER_MODULES, ...ADMIN_FEATURE_MODULES] };
  }
}

export interface ServiceContext {
  context: INestApplicationContext;
  config: AppConfig;
  prisma: PrismaService;
  database: TestDatabase;
  /** A provider of the application, e.g. `get(TagEditorService)`. */
  get<T>(type: Type<T>): T;
  /** A real user of `role` (a row, so audit entries can name them), as the actor services take. */
  actorAs(role: UserRole): Promise<Actor>;
  close(): Promise<void>;
}

/**
 * The application's services on a database of their own, without HTTP or GraphQL: for tests whose
 * point is a rule, not a request. Boots in about half of createTestApp's time (no GraphQL schemas,
 * no HTTP server). The job runner is off unless `env` turns it on (JOBS_ENABLED), so nothing runs
 * behind a test's back.
 */
export async function createServiceContext(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<ServiceContext> {
  const db = await createTestDatabase();
  const config = testConfig(db, { JOBS_ENABLED: 'false', ...env });
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
  const connection = await DatabaseConnection.open(config, logger);
  const keys = resolveAppKeys(config, logger);
  const context = await NestFactory.createApplicationContext(
    ServiceTierModule.register(config, keys, logger, connection, options.clock),
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  const prisma = context.get(PrismaService);
  return {
    context,
    config,
    prisma,
    database: db,
    get: (type) => context.get(type, { strict: false }),
    async actorAs(role) {
      const user = await createUser({ prisma }, role);
      return { kind: 'user', userId: user.id, tokenId: null, role, label: user.email, ip: null, requestId: null };
    },
    async close() {
      await context.close();
      await db.drop();
    },
  };
}
