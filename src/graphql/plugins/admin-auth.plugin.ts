import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { AdminContext } from '../../access/admin-context.js';

// Operations that must work with a stale Authorization header still attached (clients refresh or
// log in again precisely because their token expired).
const CREDENTIAL_OPERATIONS = new Set(['login', 'refreshSession', '__typename']);

// The root fields an operation can select, seen through fragment spreads and inline fragments (at the
// root they can only be on Query or Mutation). @skip/@include are ignored: a field that may run counts.
function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const fields = new Set<string>();
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return [...fields];
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

// Authentication failures answer 401 before anything runs: a bad, expired or revoked token (except
// for login/refresh), and introspection of the admin schema without a login.
export function adminAuthPlugin(): ApolloServerPlugin<AdminContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          // Apollo resolves the operation before this hook, or answers 400 itself.
          if (!operation) return;
          const fields = rootFields(operation, document);
          if (contextValue.authError && !fields.every((field) => CREDENTIAL_OPERATIONS.has(field))) {
            throw unauthenticated(contextValue.authError);
          }
          if (!contextValue.actor && fields.some((field) => field === '__schema' || field === '__type')) {
            throw unauthenticated('Log in to introspect the admin schema');
          }
        },
      };
    },
  };
}
