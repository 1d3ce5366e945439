import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, visit, type DocumentNode, type GraphQLSchema, type ValueNode } from 'graphql';
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

// A document's figure depends on its variables only through the estimators above: page sizes
// (`first`, `last`) and the conditions of @include/@skip. A slug, a cursor or a search term never
// changes it. Apollo hands the same DocumentNode to every request with the same text, so the figure
// is kept with it, per operation name and the values of those variables alone, instead of walking
// the document with the schema's type info on every request (1-2% of an uncached tag page's CPU).
// A figure over the budget is computed again, so a refusal is always the exact one, and a client
// sending ever new page sizes keeps at most MAX_KEPT figures per document.
const MAX_KEPT = 32;
const SIZING_ARGUMENTS = new Set(['first', 'last']);
const kept = new WeakMap<DocumentNode, { variables: readonly string[]; figures: Map<string, number> }>();

/** The variables an estimator reads: in page-size arguments and in directives' arguments. */
function sizingVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (value: ValueNode) =>
    visit(value, {
      Variable(node) {
        names.add(node.name.value);
      },
    });
  visit(document, {
    Field(node) {
      for (const argument of node.arguments ?? []) if (SIZING_ARGUMENTS.has(argument.name.value)) collect(argument.value);
    },
    Directive(node) {
      for (const argument of node.arguments ?? []) collect(argument.value);
    },
  });
  return [...names].sort();
}

function complexityOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  budget: number,
) {
  let entry = kept.get(document);
  if (!entry) kept.set(document, (entry = { variables: sizingVariables(document), figures: new Map() }));
  // An absent variable (its default applies) and an explicit null are different keys.
  const values = entry.variables.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : []));
  const key = JSON.stringify([operationName ?? null, values]);
  const figure = entry.figures.get(key);
  if (figure !== undefined && figure <= budget) return figure;
  const computed = getComplexity({ schema, query: document, operationName, variables, estimators });
  if (entry.figures.size < MAX_KEPT) entry.figures.set(key, computed);
  return computed;
}

export function complexityPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart({ schema }: { schema: GraphQLSchema }) {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = complexityOf(
              schema,
              document,
              request.operationName ?? undefined,
              request.variables ?? {},
              maxComplexity,
            );
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
