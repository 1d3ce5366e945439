import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import { ArticlesAdminModule } from './articles/admin/articles-admin.module.js';
import { ArticlesModule } from './articles/articles.module.js';
import { ArticleResolver } from './articles/public/article.resolver.js';
import { ArticlePassThrough } from './articles/public/article.pass-through.js';
import { ArticlesPassThrough } from './articles/public/articles.pass-through.js';
import { LatestArticlesPassThrough } from './articles/public/latest-articles.pass-through.js';
import { PassThroughRegistry } from './graphql-types/pass-through-registry.js';
import { ImageUrlPassThrough } from './media/public/image-url.pass-through.js';
import { NESTED_ARTICLES_RESOLVERS } from './articles/public/nested-articles.resolver.js';
import { AuditAdminModule } from './audit/admin/audit-admin.module.js';
import { AuthAdminModule } from './auth/admin/auth-admin.module.js';
import { AuthorizationGuard } from './auth/authorization.guard.js';
import { AuthorsAdminModule } from './authors/admin/authors-admin.module.js';
import { AuthorsModule } from './authors/authors.module.js';
import { AuthorResolver } from './authors/public/author.resolver.js';
import { ResponseCacheHttpModule } from './cache/response-cache-http.module.js';
import type { Clock } from './common/clock/clock.js';
import { AppExceptionFilter } from './common/exception.filter.js';
import type { AppConfig } from './config/app-config.js';
import { AppKeys } from './config/app-secret.js';
import { coreModules, JOB_HANDLER_MODULES } from './core.modules.js';
import type { DatabaseConnection } from './database/database-connection.js';
import { DocsModule } from './docs/docs.module.js';
import { FeedsModule } from './feeds/feeds.module.js';
import { adminGraphqlEndpoint } from './graphql/admin-graphql.module.js';
import { NodeResolver } from './graphql/node/node.resolver.js';
import { publicGraphqlEndpoint } from './graphql/public-graphql.module.js';
import { HealthModule } from './health/health.module.js';
import { MediaAdminModule } from './media/admin/media-admin.module.js';
import { MediaHttpModule } from './media/http/media-http.module.js';
import { MediaModule } from './media/media.module.js';
import { ImageResolver } from './media/public/image.resolver.js';
import { NewsletterAdminModule } from './newsletter/admin/newsletter-admin.module.js';
import { NewsletterHttpModule } from './newsletter/http/newsletter-http.module.js';
import { NewsletterModule } from './newsletter/newsletter.module.js';
import { NewsletterResolver } from './newsletter/public/newsletter.resolver.js';
import { SectionsAdminModule } from './sections/admin/sections-admin.module.js';
import { SectionResolver } from './sections/public/section.resolver.js';
import { SectionsModule } from './sections/sections.module.js';
import { SeriesAdminModule } from './series/admin/series-admin.module.js';
import { SeriesResolver } from './series/public/series.resolver.js';
import { SeriesModule } from './series/series.module.js';
import { ChangesModule } from './syndication/changes/changes.module.js';
import { SyndicationChangeResolver } from './syndication/changes/public/syndication-change.resolver.js';
import { PartnersAdminModule } from './syndication/partners/admin/partners-admin.module.js';
import { PartnersModule } from './syndication/partners/partners.module.js';
import { SyndicationModule } from './syndication/syndication.module.js';
import { TagsAdminModule } from './tags/admin/tags-admin.module.js';
import { TagResolver } from './tags/public/tag.resolver.js';
import { TagsModule } from './tags/tags.module.js';
import { InitialAdminModule } from './users/initial-admin.module.js';
import { UsersAdminModule } from './users/admin/users-admin.module.js';
import { WebhooksAdminModule } from './webhooks/admin/webhooks-admin.module.js';

// This file is the composition root: it alone decides which features make which endpoint, and
// features never import it. src/graphql/ is the edge (Apollo, plugins, errors) and imports no feature module.

// Everything the public /graphql schema is built from: public resolvers only. Admin resolvers live in
// their own modules and endpoint, so no draft field can leak into this schema.
@Module({
  imports: [
    ArticlesModule,
    AuthorsModule,
    TagsModule,
    SectionsModule,
    SeriesModule,
    MediaModule,
    PartnersModule,
    ChangesModule,
    NewsletterModule,
  ],
  providers: [
    ArticleResolver,
    ...NESTED_ARTICLES_RESOLVERS,
    AuthorResolver,
    TagResolver,
    SectionResolver,
    SeriesResolver,
    NodeResolver,
    ImageResolver,
    SyndicationChangeResolver,
    NewsletterResolver,
    // Root fields (and fields within them) the endpoint may answer with PostgreSQL's JSON text (graphql/pass-through/).
    PassThroughRegistry,
    LatestArticlesPassThrough,
    ArticlesPassThrough,
    ArticlePassThrough,
    ImageUrlPassThrough,
  ],
  exports: [PassThroughRegistry],
})
export class PublicApiModule {}

// Everything the admin /admin/graphql schema is built from. Each feature contributes one admin module
// holding its admin resolvers; public resolvers never appear here and admin ones never in /graphql.
export const ADMIN_FEATURE_MODULES = [
  ArticlesAdminModule,
  AuditAdminModule,
  AuthAdminModule,
  UsersAdminModule,
  AuthorsAdminModule,
  TagsAdminModule,
  SectionsAdminModule,
  SeriesAdminModule,
  MediaAdminModule,
  PartnersAdminModule,
  WebhooksAdminModule,
  NewsletterAdminModule,
];

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
        // Imported here, not only through the endpoints, so their job handlers and listeners run in this role too.
        ...JOB_HANDLER_MODULES,
        HealthModule,
        ResponseCacheHttpModule,
        publicGraphqlEndpoint(PublicApiModule),
        adminGraphqlEndpoint(ADMIN_FEATURE_MODULES),
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
