import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { pino } from 'pino';
import { AuditModule } from '../audit/audit.module.js';
import { DomainError, type InputIssue } from '../common/domain-error.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { AppKeys } from '../config/app-secret.js';
import { ConfigModule } from '../config/config.module.js';
import { loadEnvFile } from '../config/env-file.js';
import { DatabaseConnection } from '../database/database-connection.js';
import { DatabaseModule } from '../database/database.module.js';
import { EmbeddedDatabaseBusyError } from '../database/embedded-lock.js';
import { Prisma } from '../generated/prisma/client.js';
import { LoggingModule } from '../logging/logging.module.js';
import { UsersModule } from '../users/users.module.js';

export class UsageError extends Error {}

@Module({})
class UsersCliModule {}

// What `npm run user:create` and `user:reset-password` run on: the users service (validation,
// hashing, audit) on the configured database. With DATABASE_URL unset that is the embedded one: opened
// directly when no app runs, or reached through the running app's socket (see embedded-lock.ts).
export async function openUsersContext(): Promise<INestApplicationContext> {
  loadEnvFile();
  // Logs go to stderr, quietly: stdout is for the result (and a generated password).
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  // These tools sign no tokens, so they need no APP_SECRET (which production otherwise requires).
  const config = loadConfig({ ...process.env, APP_SECRET: process.env.APP_SECRET || randomBytes(32).toString('hex') });
  const connection = await DatabaseConnection.open(config, logger, { attachToRunning: true });
  return NestFactory.createApplicationContext(
    {
      module: UsersCliModule,
      imports: [
        ConfigModule.forRoot(config, new AppKeys(config.appSecret!)),
        LoggingModule.forRoot(logger),
        DatabaseModule.forConnection(connection),
        AuditModule,
        UsersModule,
      ],
    },
    { logger: false },
  );
}

/** One message for the operator, without a stack; exit status 2 for usage and input errors. */
export function reportFailure(tool: string, usage: string, error: unknown): void {
  console.error(`${tool}: ${explain(usage, error)}`);
  const badUsage = error instanceof UsageError || (error instanceof DomainError && error.code === 'BAD_USER_INPUT');
  process.exitCode = badUsage ? 2 : 1;
}

function explain(usage: string, error: unknown): string {
  if (error instanceof UsageError) return `${error.message}\n${usage}`;
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseBusyError) return error.message;
  if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') {
    const issues = (error.details.issues ?? []) as InputIssue[];
    return `Invalid user:\n${issues.map((issue) => `  --${issue.path}: ${issue.message}`).join('\n')}`;
  }
  if (error instanceof DomainError) return error.message;
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2021') {
    return 'The database has no users table yet: run `npm run db:migrate` first';
  }
  return error instanceof Error ? error.message : String(error);
}
