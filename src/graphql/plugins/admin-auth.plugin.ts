import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { AdminContext } from '../admin-context.js';

// Operations that must work with a stale Authorization header still attached (clients refresh or
// log in again precisely because their token expired).
const CREDENTIAL_OPERATIONS = new Set(['login', 'refreshSession', '__typename']);

function rootFields(document: DocumentNode, operationName: string | null | undefined): string[] {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
  );
  return (operation?.selectionSet.selections ?? []).flatMap((selection) =>
    selection.kind === Kind.FIELD ? [selection.name.value] : ['…'],
  );
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
        async didResolveOperation({ document, request, contextValue }) {
          const fields = rootFields(document, request.operationName);
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
