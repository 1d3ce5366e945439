import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import type { Clock } from './common/clock/clock.js';
import type { AppConfig } from './config/app-config.js';
import { coreModules } from './core.modules.js';
import type { DatabaseConnection } from './database/database-connection.js';
import { AppExceptionFilter } from './common/exception.filter.js';
import { AuthorizationGuard } from './auth/authorization.guard.js';
import { AppKeys } from './config/app-secret.js';
import { AdminGraphqlModule } from './graphql/admin-graphql.module.js';
import { PublicGraphqlModule } from './graphql/public-graphql.module.js';
import { HealthModule } from './health/health.module.js';
import { ResponseCacheHttpModule } from './cache/response-cache-http.module.js';
import { FeedsModule } from './feeds/feeds.module.js';
import { MediaHttpModule } from './media/http/media-http.module.js';
import { NewsletterHttpModule } from './newsletter/http/newsletter-http.module.js';
import { SyndicationModule } from './syndication/syndication.module.js';
import { InitialAdminModule } from './users/initial-admin.module.js';
import { DocsModule } from './docs/docs.module.js';

@Module({})
export class AppModule {
  static register(
    config: AppConfig,
    keys: AppKeys,
    logger: Logger,
    connection: DatabaseConnection,
    clock?: Clock,
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...coreModules(config, keys, logger, connection, clock),
        HealthModule,
        ResponseCacheHttpModule,
        PublicGraphqlModule,
        AdminGraphqlModule,
        MediaHttpModule,
        NewsletterHttpModule,
        FeedsModule,
        SyndicationModule,
        InitialAdminModule,
        DocsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        // Every operation's @Requires, checked before it runs; undeclared admin operations are refused.
        { provide: APP_GUARD, useClass: AuthorizationGuard },
      ],
    };
  }
}
