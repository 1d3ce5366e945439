import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext, type GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values.js';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Tracer } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { ResponseKeys } from '../../common/response-keys.js';
import type { ShapedField } from '../../database/projection/shaped-json.js';
import type { PassThroughRegistry } from '../../graphql-types/pass-through-registry.js';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { compilePlan, type PassThroughPlan } from './pass-through-plan.js';

// The public endpoint's pass-through: for a query whose whole `data` PostgreSQL writes in GraphQL's
// response shape (pass-through-plan.ts), the statement's text is the response body, with no
// JSON.parse, no graphql-js completion and no JSON.stringify of the result. It answers in
// responseForOperation, after parsing, validation and the didResolveOperation checks (complexity,
// NUL characters), so every refusal happens as before; anything it does not answer runs as before.

/** The `data` of a response as JSON text; toJSON keeps any other serialiser correct. */
export class PassThroughData {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/**
 * ApolloServer's stringifyResult: what Apollo's own (prettyJSONStringify in runHttpQuery.js) writes,
 * JSON.stringify of { errors, data, extensions } and a newline, with a pass-through's text in place.
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  if (result.data instanceof PassThroughData && result.errors === undefined && result.extensions === undefined) {
    return `{"data":${result.data.text}}\n`;
  }
  return `${JSON.stringify(result)}\n`;
}

export type PassThroughMode = 'on' | 'off' | 'verify';

// Apollo hands the same DocumentNode to every request with the same text: plans are kept with it.
const plans = new WeakMap<DocumentNode, Map<string | undefined, PassThroughPlan | null>>();

function planOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, registry: PassThroughRegistry) {
  let known = plans.get(document);
  if (!known) plans.set(document, (known = new Map()));
  let plan = known.get(operationName);
  if (plan === undefined) known.set(operationName, (plan = compilePlan(schema, document, operationName, registry)));
  return plan;
}

/** The response's `data` text, or null when the request must run as before (bad variables or arguments). */
async function dataText(
  plan: PassThroughPlan,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  keys: ResponseKeys,
): Promise<string | null> {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return null;
  const parts: (string | Promise<string>)[] = [];
  for (const root of plan.roots) {
    if ('typename' in root) {
      parts.push(`"${root.key}":"${root.typename}"`);
      continue;
    }
    let args: Record<string, unknown>;
    const fieldArgs = new Map<ShapedField, Record<string, unknown>>();
    try {
      args = getArgumentValues(root.field, root.node, coerced.coerced);
      for (const { entry, field, node } of root.argumentFields)
        fieldArgs.set(entry, getArgumentValues(field, node, coerced.coerced));
    } catch {
      return null;
    }
    const text = root.read.read(args, root.shape, keys, fieldArgs);
    if (text === null) return null;
    parts.push(text.then((value) => `"${root.key}":${value}`));
  }
  return `{${(await Promise.all(parts)).join(',')}}`;
}

function served(data: string): GraphQLResponse {
  return {
    body: { kind: 'single', singleResult: { data: new PassThroughData(data) as never } },
    http: { headers: new HeaderMap() },
  };
}

type Context = GraphQLRequestContext<PublicContext>;

// With tracing on, graphql-js's instrumentation makes a span of each execution; a pass-through skips
// execution, so it makes the span itself, with the same operation attributes, around its SQL.
function traced(tracer: Tracer | undefined, operation: OperationDefinitionNode, work: () => Promise<string | null>) {
  if (!tracer) return work();
  const attributes = { 'graphql.operation.type': operation.operation, 'graphql.operation.name': operation.name?.value ?? '' };
  return tracer.startActiveSpan('graphql.pass-through', { attributes }, (span) => work().finally(() => span.end()));
}

export function passThroughPlugin(
  mode: PassThroughMode,
  registry: PassThroughRegistry,
  logger: Logger,
  tracing: boolean,
): ApolloServerPlugin<PublicContext> {
  if (mode === 'off') return {};
  let tracer: Tracer | undefined;
  const prepare = (ctx: Context, keys: ResponseKeys): Promise<string | null> | null => {
    const { schema, document, operation, request } = ctx;
    if (!document || !operation) return null;
    const plan = planOf(schema, document, request.operationName ?? undefined, registry);
    return plan ? traced(tracer, operation, () => dataText(plan, schema, operation, request.variables ?? {}, keys)) : null;
  };
  return {
    // Loaded only with tracing on, as telemetry/telemetry.ts loads OpenTelemetry.
    async serverWillStart() {
      if (tracing) tracer = (await import('@opentelemetry/api')).trace.getTracer('newsdesk-graphql-pass-through');
    },
    async requestDidStart() {
      // verify: the pass-through's text and keys, compared with what the normal path sends.
      let shadow: { data: string; keys: ResponseKeys } | undefined;
      return {
        async responseForOperation(ctx) {
          if (mode === 'on') {
            const data = await prepare(ctx, ctx.contextValue.keys);
            if (data === null) return null;
            registry.served += 1;
            return served(data);
          }
          const keys = ctx.contextValue.keys.sibling();
          const data = await prepare(ctx, keys);
          if (data !== null) shadow = { data, keys };
          return null;
        },
        async willSendResponse({ response, contextValue }) {
          if (!shadow || response.body.kind !== 'single') return;
          registry.served += 1;
          const expected = stringifyResult(response.body.singleResult);
          const actual = stringifyResult({ data: new PassThroughData(shadow.data) as never });
          const expectedKeys = contextValue.keys.values().join(' ');
          const actualKeys = shadow.keys.values().join(' ');
          if (expected === actual && expectedKeys === actualKeys) return;
          logger.error({ expected, actual, expectedKeys, actualKeys }, 'GraphQL pass-through differs from graphql-js');
          response.http.status = 500;
          response.body.singleResult = {
            errors: [{ message: 'GraphQL pass-through differs from graphql-js', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
          };
        },
      };
    },
  };
}
