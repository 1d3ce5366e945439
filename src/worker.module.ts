import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { ArticlesModule } from './articles/articles.module.js';
import type { Clock } from './common/clock/clock.js';
import type { AppConfig } from './config/app-config.js';
import { coreModules } from './core.modules.js';
import type { AppKeys } from './config/app-secret.js';
import type { DatabaseConnection } from './database/database-connection.js';
import { NewsletterModule } from './newsletter/newsletter.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

// The feature modules whose providers register job handlers. The web app reaches them through its
// GraphQL modules; the worker imports them directly.
export const JOB_HANDLER_MODULES = [ArticlesModule, NewsletterModule, WebhooksModule];

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
