// `npm run user:create -- --email a@b.c --name "A B" --role editor [--password ...]`: creates an
// account in the database at DATABASE_URL, through the same service (validation, hashing, audit) as
// the createUser mutation. Without --password, a random one is generated and printed once.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { pino } from 'pino';
import { AuditModule } from '../audit/audit.module.js';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { generatePassword } from '../auth/password.js';
import { DomainError, type InputIssue } from '../common/domain-error.js';
import { parseInput } from '../common/parse-input.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { AppKeys } from '../config/app-secret.js';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseConnection } from '../database/database-connection.js';
import { DatabaseModule } from '../database/database.module.js';
import { Prisma } from '../generated/prisma/client.js';
import { LoggingModule } from '../logging/logging.module.js';
import { createUserSchema } from '../users/user.schema.js';
import { UserService } from '../users/user.service.js';
import { UsersModule } from '../users/users.module.js';

const USAGE =
  'Usage: npm run user:create -- --email <email> --name <name> --role <contributor|author|editor|admin> [--password <password>]';

class UsageError extends Error {}

@Module({})
class CreateUserCliModule {}

function readArguments() {
  try {
    const { values } = parseArgs({
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
      strict: true,
    });
    return values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  const args = readArguments();
  const missing = (['email', 'name', 'role'] as const).filter((option) => args[option] === undefined);
  if (missing.length) throw new UsageError(`Missing ${missing.map((option) => `--${option}`).join(', ')}`);
  if (!process.env.DATABASE_URL?.trim()) {
    throw new UsageError('DATABASE_URL is not set; point it at the Newsdesk database, e.g. postgresql://user@host:5432/newsdesk');
  }
  const password = args.password ?? generatePassword();
  const data = parseInput(createUserSchema, { email: args.email, name: args.name, role: args.role!.toUpperCase(), password });

  // Logs go to stderr, quietly: stdout is for the result (and the generated password).
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  // This tool signs no tokens, so it needs no APP_SECRET (which production otherwise requires).
  const config = loadConfig({ ...process.env, APP_SECRET: process.env.APP_SECRET || randomBytes(32).toString('hex') });
  const connection = await DatabaseConnection.open(config, logger);
  const app = await NestFactory.createApplicationContext(
    {
      module: CreateUserCliModule,
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
  try {
    const user = await app.get(UserService).create(SYSTEM_ACTOR, data, { via: 'cli' });
    console.log(`Created ${user.role.toLowerCase()} ${user.email} (id ${user.id})`);
    if (!args.password) console.log(`Password: ${password}\n(generated; shown only this once)`);
  } finally {
    await app.close();
  }
}

function explain(error: unknown): string {
  if (error instanceof UsageError) return `${error.message}\n${USAGE}`;
  if (error instanceof ConfigError) return error.message;
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

main().catch((error: unknown) => {
  console.error(`user:create: ${explain(error)}`);
  const usage = error instanceof UsageError || (error instanceof DomainError && error.code === 'BAD_USER_INPUT');
  process.exitCode = usage ? 2 : 1;
});
