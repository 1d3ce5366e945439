import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, Kind, visit } from 'graphql';
import type { AdminContext } from '../admin-context.js';

function asksForIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
    [Kind.FRAGMENT_DEFINITION]: undefined,
  });
  return found;
}

// The admin schema describes drafts, users and tokens: only logged-in clients may read it.
export function adminIntrospectionPlugin(): ApolloServerPlugin<AdminContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!contextValue.actor && asksForIntrospection(document)) {
            throw new GraphQLError('Log in to introspect the admin schema', {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
        },
      };
    },
  };
}
