import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { AuditRepository } from '../audit/audit.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, type InputIssue } from '../common/domain-error.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { loadEnvFile } from '../config/env-file.js';
import { DatabaseConnection } from '../database/database-connection.js';
import { EmbeddedDatabaseBusyError } from '../database/embedded-lock.js';
import { PrismaService } from '../database/prisma.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Prisma } from '../generated/prisma/client.js';
import { UserEditorService } from '../users/user-editor.service.js';
import { UserRepository } from '../users/user.repository.js';

export class UsageError extends Error {}

export interface UsersContext {
  readonly users: UserEditorService;
  close(): Promise<void>;
}

// What `npm run user:create` and `user:reset-password` run on: the users service (validation,
// hashing, audit) on the configured database. With DATABASE_URL unset that is the embedded one: opened
// directly when no app runs, or reached through the running app's socket (see embedded-lock.ts).
// Wired by hand rather than by a Nest application context: the service needs four providers, and
// @nestjs/core's injector is a fifth of a tool's start-up CPU (the compiler checks the wiring).
export async function openUsersContext(): Promise<UsersContext> {
  loadEnvFile();
  // Logs go to stderr, quietly: stdout is for the result (and a generated password).
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  // These tools sign no tokens, so they need no APP_SECRET (which production otherwise requires).
  const config = loadConfig({ ...process.env, APP_SECRET: process.env.APP_SECRET || randomBytes(32).toString('hex') });
  const connection = await DatabaseConnection.open(config, logger, { attachToRunning: true });
  // Closes the pool, then the embedded server when this process opened it.
  const prisma = new PrismaService(connection, logger);
  const users = new UserEditorService(
    new TransactionRunner(prisma),
    new UserRepository(prisma),
    new AuditService(new AuditRepository(prisma)),
  );
  return { users, close: () => prisma.onApplicationShutdown() };
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
