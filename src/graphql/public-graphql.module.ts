import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { DynamicModule, Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { ResponseKeys } from '../common/response-keys.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { LOGGER } from '../logging/logging.module.js';
import { formatGraphqlError } from './format-error.js';
import { pruneSchema } from './prune-schema.js';
import { buildSchemaOptions } from './build-schema-options.js';
import type { PublicContext } from '../graphql-types/public-context.js';
import { cachePolicyPlugin } from './plugins/cache-policy.plugin.js';
import { complexityPlugin } from './plugins/complexity.plugin.js';
import { nulCharactersPlugin } from './plugins/nul-characters.plugin.js';
import { requestIdPlugin } from './plugins/request-id.plugin.js';
import { validationRules } from './validation/validation-rules.js';
import { GraphqlOperationMetrics } from '../metrics/graphql-operation.metrics.js';
import { PassThroughRegistry } from '../graphql-types/pass-through-registry.js';
import { passThroughPlugin, stringifyResult } from './pass-through/pass-through.plugin.js';

export const PUBLIC_GRAPHQL_PATH = '/graphql';

// The public endpoint. GET and POST both work for any standard client: GET is what a CDN caches, and
// CSRF preflight rules would protect nothing, as no request carries cookies and the one mutation
// (newsletter signup, double opt-in and rate limited) is POST-only and harmless to forge.
// `api` is the one module whose resolvers make the schema; which features it holds is decided by the
// composition root (app.module.ts), so this edge imports no feature. It exports the PassThroughRegistry
// its features fill (pass-through/).
export function publicGraphqlEndpoint(api: Type<unknown>): DynamicModule {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    imports: [api],
    inject: [APP_CONFIG, LOGGER, GraphqlOperationMetrics, PassThroughRegistry],
    useFactory: (
      config: AppConfig,
      logger: Logger,
      metrics: GraphqlOperationMetrics,
      passThrough: PassThroughRegistry,
    ): ApolloDriverConfig => ({
      path: PUBLIC_GRAPHQL_PATH,
      include: [api],
      autoSchemaFile: true,
      sortSchema: true,
      transformSchema: pruneSchema,
      buildSchemaOptions: buildSchemaOptions(),
      introspection: config.graphql.introspection,
      csrfPrevention: false,
      playground: false,
      includeStacktraceInErrorResponses: config.graphql.includeStacktrace,
      validationRules: validationRules(config.graphql.maxDepth),
      formatError: formatGraphqlError(config.graphql.includeStacktrace),
      // Writes a pass-through's JSON text as it is; any other result as Apollo would.
      stringifyResult,
      plugins: [
        // First: in verify mode its willSendResponse turns a difference into an error before the others look.
        passThroughPlugin(config.graphql.passThrough, passThrough, logger, config.telemetry.endpoint !== undefined),
        // Apollo installs its cache-control plugin unless told otherwise; ours replaces it.
        ApolloServerPluginCacheControlDisabled(),
        cachePolicyPlugin(config.http.publicMaxAge),
        complexityPlugin(config.graphql.maxComplexity),
        nulCharactersPlugin(),
        requestIdPlugin(logger),
        metrics.plugin('public'),
        // Apollo's landing page loads its sandbox from a CDN; GraphiQL is served from here instead (graphql-ide.middleware.ts).
        ApolloServerPluginLandingPageDisabled(),
      ],
      context: ({ req }: { req: PublicContext['req'] }): PublicContext => ({ req, keys: ResponseKeys.of(req) }),
    }),
  });
}
