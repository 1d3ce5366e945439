import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { DynamicModule, Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { AuthenticatorService } from '../auth/authenticator.service.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { LOGGER } from '../logging/logging.module.js';
import type { AdminContext } from '../access/admin-context.js';
import { formatGraphqlError } from './format-error.js';
import { pruneSchema } from './prune-schema.js';
import { buildSchemaOptions } from './build-schema-options.js';
import { adminAuthPlugin } from './plugins/admin-auth.plugin.js';
import { complexityPlugin } from './plugins/complexity.plugin.js';
import { nulCharactersPlugin } from './plugins/nul-characters.plugin.js';
import { requestIdPlugin } from './plugins/request-id.plugin.js';
import { validationRules } from './validation/validation-rules.js';
import { GraphqlOperationMetrics } from '../metrics/graphql-operation.metrics.js';
export const ADMIN_GRAPHQL_PATH = '/admin/graphql';

async function buildContext(
  authenticator: AuthenticatorService,
  req: Request & { id?: string },
  res: Response,
): Promise<AdminContext> {
  const origin = { ip: req.ip ?? null, requestId: req.id === undefined ? null : String(req.id) };
  try {
    return { req, res, actor: await authenticator.authenticate(req.headers.authorization, origin) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { req, res, actor: null, authError: error.message };
  }
}

// The editors' endpoint: its own schema, authenticated per request, and Apollo's CSRF prevention on
// (browsers cannot send it a "simple" cross-site request), unlike the public read-only endpoint.
// `features` are the admin modules whose resolvers make the schema, chosen by the composition root
// (app.module.ts). Each is listed in `include` because Nest scans only the modules named there.
export function adminGraphqlEndpoint(features: Type<unknown>[]): DynamicModule {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    imports: features,
    inject: [APP_CONFIG, LOGGER, AuthenticatorService, GraphqlOperationMetrics],
    useFactory: (
      config: AppConfig,
      logger: Logger,
      authenticator: AuthenticatorService,
      metrics: GraphqlOperationMetrics,
    ): ApolloDriverConfig => ({
      path: ADMIN_GRAPHQL_PATH,
      include: features,
      autoSchemaFile: true,
      sortSchema: true,
      transformSchema: pruneSchema,
      buildSchemaOptions: buildSchemaOptions(),
      introspection: true,
      csrfPrevention: true,
      playground: false,
      includeStacktraceInErrorResponses: config.graphql.includeStacktrace,
      validationRules: validationRules(config.graphql.maxDepth),
      formatError: formatGraphqlError(config.graphql.includeStacktrace),
      plugins: [
        adminAuthPlugin(),
        complexityPlugin(config.graphql.maxComplexity),
        nulCharactersPlugin(),
        requestIdPlugin(logger),
        metrics.plugin('admin'),
        // Apollo's landing page loads its sandbox from a CDN; GraphiQL is served from here instead (graphql-ide.middleware.ts).
        ApolloServerPluginLandingPageDisabled(),
      ],
      context: ({ req, res }: { req: Request & { id?: string }; res: Response }) => buildContext(authenticator, req, res),
    }),
  });
}
