import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import depthLimit from 'graphql-depth-limit';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { ResponseKeys } from '../cache/response-keys.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { LOGGER } from '../logging/logging.module.js';
import { formatGraphqlError } from './format-error.js';
import { pruneSchema } from './prune-schema.js';
import { PublicLoadersFactory } from './loaders/public-loaders.js';
import { complexityPlugin } from './plugins/complexity.plugin.js';
import { requestIdPlugin } from './plugins/request-id.plugin.js';
import { PublicApiModule } from './public-api.module.js';
import { GraphqlOperationMetrics } from '../metrics/graphql-operation.metrics.js';
import { DateTimeScalar } from './scalars/date-time.scalar.js';

export const PUBLIC_GRAPHQL_PATH = '/graphql';

// The public endpoint. GET and POST both work for any standard client: GET is what a CDN caches, and
// CSRF preflight rules would protect nothing, as no request carries cookies and the one mutation
// (newsletter signup, double opt-in and rate limited) is POST-only and harmless to forge.
export const PublicGraphqlModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [PublicApiModule],
  inject: [APP_CONFIG, LOGGER, PublicLoadersFactory, GraphqlOperationMetrics],
  useFactory: (
    config: AppConfig,
    logger: Logger,
    loaders: PublicLoadersFactory,
    metrics: GraphqlOperationMetrics,
  ): ApolloDriverConfig => ({
    path: PUBLIC_GRAPHQL_PATH,
    include: [PublicApiModule],
    autoSchemaFile: true,
    sortSchema: true,
    transformSchema: pruneSchema,
    buildSchemaOptions: { dateScalarMode: 'isoDate', scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    introspection: config.graphql.introspection,
    csrfPrevention: false,
    playground: false,
    includeStacktraceInErrorResponses: config.graphql.includeStacktrace,
    validationRules: [depthLimit(config.graphql.maxDepth)],
    formatError: formatGraphqlError(config.graphql.includeStacktrace),
    plugins: [
      ApolloServerPluginCacheControl({ defaultMaxAge: config.graphql.cacheMaxAge }),
      complexityPlugin(config.graphql.maxComplexity),
      requestIdPlugin(logger),
      metrics.plugin('public'),
      config.env === 'production' ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault(),
    ],
    context: ({ req }: { req: Request }) => {
      const keys = ResponseKeys.of(req);
      return { req, keys, loaders: loaders.create(keys) };
    },
  }),
});
