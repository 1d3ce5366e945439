import { GraphQLError } from 'graphql';
import { clientErrorCode, formatGraphqlError } from './format-error.js';

const format = formatGraphqlError(false);
const formatted = (error: GraphQLError) =>
  format({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);

describe('formatGraphqlError', () => {
  it('keeps a codeless request error that Apollo answers with a 4xx status, as BAD_REQUEST', () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(clientErrorCode(error)).toBe('BAD_REQUEST');
    expect(formatted(error)).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });

  it('keeps known client codes and hides everything else', () => {
    const validation = new GraphQLError('Cannot query field "nope"', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatted(validation).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const error of [
      new GraphQLError('relation "x" does not exist'),
      new GraphQLError('boom', { extensions: { http: { status: 500 } } }),
      new GraphQLError('odd', { extensions: { code: 'SOMETHING_ELSE', http: { status: 400 } } }),
    ]) {
      expect(clientErrorCode(error)).toBeUndefined();
      expect(formatted(error)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    }
  });
});
