import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Clock } from './common/clock/clock.js';
import type { AppConfig } from './config/app-config.js';
import { coreModules, JOB_HANDLER_MODULES } from './core.modules.js';
import type { AppKeys } from './config/app-secret.js';
import type { DatabaseConnection } from './database/database-connection.js';

// The worker role: the application's services and job handlers, without GraphQL or an HTTP server.
@Module({})
export class WorkerModule {
  static register(
    config: AppConfig,
    keys: AppKeys,
    logger: Logger,
    connection: DatabaseConnection,
    clock?: Clock,
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...coreModules(config, keys, logger, connection, clock), ...JOB_HANDLER_MODULES],
    };
  }
}
