import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../../common/pagination/page-request.js';

// Lists cost their children times the number of items asked for (or the default page size of a
// connection), so a wide page of deep objects is as expensive as the SQL and JSON it causes.
const pageSizeEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  const requested = (args.first ?? args.last) as unknown;
  if (typeof requested === 'number') return 1 + childComplexity * Math.max(requested, 1);
  if (getNamedType(field.type).name.endsWith('Connection')) return 1 + childComplexity * DEFAULT_PAGE_SIZE;
  return undefined;
};

export function complexityPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart({ schema }: { schema: GraphQLSchema }) {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Variables that do not fit their types: execution reports them as BAD_USER_INPUT with the path.
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (complexity > maxComplexity) {
            throw new GraphQLError(
              `Query is too complex: ${complexity} exceeds the budget of ${maxComplexity}. Ask for fewer items or fields.`,
              {
                extensions: { code: 'QUERY_TOO_COMPLEX', complexity, maxComplexity, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
