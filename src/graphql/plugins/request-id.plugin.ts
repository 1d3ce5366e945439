import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { DomainError } from '../../common/domain-error.js';
import { clientErrorCode } from '../format-error.js';

interface RequestIdContext {
  req?: { id?: unknown };
}

// Every error in a response carries the request id, so a user's report can be matched to the log
// line; unexpected errors are logged in full here, while the client sees only a generic message.
export function requestIdPlugin(logger: Logger): ApolloServerPlugin<RequestIdContext> {
  return {
    async requestDidStart({ contextValue }) {
      const requestId = contextValue.req?.id === undefined ? undefined : String(contextValue.req.id);
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (unwrapResolverError(error) instanceof DomainError || clientErrorCode(error)) continue;
            logger.error({ err: error.originalError ?? error, requestId, path: error.path }, 'GraphQL resolver failed');
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !requestId) return;
          for (const error of response.body.singleResult.errors ?? []) {
            (error.extensions as Record<string, unknown>).requestId = requestId;
          }
        },
      };
    },
  };
}
