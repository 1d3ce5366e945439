import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, getNamedType, type DocumentNode, type GraphQLSchema } from 'graphql';
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

const estimators = [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })];

// A document without variables costs the same on every request: Apollo hands the same DocumentNode to
// every request with the same text, so its figure is kept with it (per operation name) instead of
// walking the document with the schema's type info each time.
const withoutVariables = new WeakMap<DocumentNode, Map<string | undefined, number>>();

function usesVariables(document: DocumentNode): boolean {
  return document.definitions.some((node) => node.kind === Kind.OPERATION_DEFINITION && node.variableDefinitions?.length);
}

function complexityOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
) {
  const compute = () => getComplexity({ schema, query: document, operationName, variables, estimators });
  let known = withoutVariables.get(document);
  if (!known) {
    if (usesVariables(document)) return compute();
    known = new Map();
    withoutVariables.set(document, known);
  }
  let complexity = known.get(operationName);
  if (complexity === undefined) {
    complexity = compute();
    known.set(operationName, complexity);
  }
  return complexity;
}

export function complexityPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart({ schema }: { schema: GraphQLSchema }) {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = complexityOf(schema, document, request.operationName ?? undefined, request.variables ?? {});
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
