import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../common/domain-error.js';

// Errors Apollo and graphql-js raise for bad requests; their messages are safe to show.
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  // Domain codes raised outside resolvers (e.g. authentication while building the context).
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
]);

/**
 * The code a client sees for an error that is not a DomainError, or undefined when it is a server
 * fault. Apollo raises some request errors (an APQ hash that does not match its query, an unknown
 * persisted-query version) with an HTTP 4xx status but no code, which Apollo's default would make
 * INTERNAL_SERVER_ERROR: they are the client's, so BAD_REQUEST.
 */
export function clientErrorCode(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const { code, http } = error.extensions as { code?: unknown; http?: { status?: unknown } };
  if (code !== undefined) return typeof code === 'string' && CLIENT_ERROR_CODES.has(code) ? code : undefined;
  const status = typeof http?.status === 'number' ? http.status : 0;
  return status >= 400 && status < 500 ? 'BAD_REQUEST' : undefined;
}

// The one place errors become client responses: domain errors keep their code and details, known
// client errors pass through, and anything else is an opaque INTERNAL_SERVER_ERROR (never a stack
// trace or SQL outside development).
export function formatGraphqlError(includeStacktrace: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return { message: original.message, path: formatted.path, extensions: { code: original.code, ...original.details } };
    }
    const code = clientErrorCode(error);
    if (code) {
      const { stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code, ...(includeStacktrace ? { stacktrace } : {}) } };
    }
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(includeStacktrace ? { detail: String(original) } : {}) },
    };
  };
}
