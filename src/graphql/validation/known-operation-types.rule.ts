import { GraphQLError, type ValidationRule } from 'graphql';

// An operation whose type the schema lacks (a subscription: neither endpoint has any) is invalid,
// as graphql 17's KnownOperationTypesRule says; graphql 16 only noticed while executing, and that
// error had no code, so it went out as INTERNAL_SERVER_ERROR.
export const KnownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(new GraphQLError(`This endpoint does not support ${node.operation} operations.`, { nodes: node }));
  },
});
