import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import type { Clock } from './common/clock/clock.js';
import type { AppConfig } from './config/app-config.js';
import { resolveAppKeys } from './config/app-secret.js';
import { DatabaseConnection } from './database/database-connection.js';
import { createLogger } from './logging/logger.js';
import { PinoNestLogger } from './logging/pino-nest-logger.js';
import { WorkerModule } from './worker.module.js';

// Builds the worker role (see worker.ts) the way createNestApp builds the web one. The job runner
// starts once the context is initialised, if config.jobs.enabled.
export async function createWorkerContext(
  config: AppConfig,
  options: { logger?: Logger; clock?: Clock } = {},
): Promise<INestApplicationContext> {
  const logger = options.logger ?? createLogger(config);
  const connection = await DatabaseConnection.open(config, logger);
  const keys = resolveAppKeys(config, logger);
  const context = await NestFactory.createApplicationContext(
    WorkerModule.register(config, keys, logger, connection, options.clock),
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    },
  );
  // SIGTERM/SIGINT close the context: no new claims, the running job finishes, then the pool closes.
  context.enableShutdownHooks();
  return context;
}
