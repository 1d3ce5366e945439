import {
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { z } from 'zod';
import { VALID_INPUT, type ValidInputRecord } from '../graphql-types/valid-input.decorator.js';
import {
  adminOperations,
  committedSchema,
  publicOperations,
  type ResolverOperation,
} from '../../test/utils/resolver-operations.js';
import { inputShapeDiff } from '../../test/utils/input-shape-diff.js';

// Paging arguments go to toPageRequest, which has its own schema.
const PAGING_ARGS = new Set(['first', 'after', 'last', 'before']);

// The arguments of a field as one input object, for an @ArgsType checked with @ValidArgs: the
// arguments its schema does not name must be paging ones.
function argsAsInput(field: GraphQLField<unknown, unknown>, named: Set<string>): GraphQLInputType {
  const args = field.args.filter((arg) => named.has(arg.name) || !PAGING_ARGS.has(arg.name));
  return new GraphQLNonNull(
    new GraphQLInputObjectType({
      name: `${field.name}Args`,
      fields: Object.fromEntries(args.map((arg) => [arg.name, { type: arg.type }])),
    }),
  );
}

// The argument names an args schema parses; a schema with a .transform() is a pipe from its object.
function shapeKeys(schema: z.ZodType): Set<string> {
  const def = schema._zod.def as unknown as { shape?: Record<string, unknown>; in?: z.ZodType };
  if (!def.shape && def.in) return shapeKeys(def.in);
  return new Set(Object.keys(def.shape ?? {}));
}

// The pairs of one endpoint, each compared field by field with the committed SDL of that endpoint.
function shapeIssues(endpoint: 'public' | 'admin', operations: ResolverOperation[]) {
  const schema = committedSchema(endpoint);
  const roots = { Query: schema.getQueryType()!.getFields(), Mutation: schema.getMutationType()!.getFields() };
  return operations.flatMap(({ root, field: name, method }) => {
    const record = Reflect.getMetadata(VALID_INPUT, method) as ValidInputRecord | undefined;
    if (!record) return [];
    const field = roots[root as keyof typeof roots][name]!;
    if (record.arg === undefined) return inputShapeDiff(argsAsInput(field, shapeKeys(record.schema)), record.schema, name);
    const arg = field.args.find((candidate) => candidate.name === record.arg)!;
    return inputShapeDiff(arg.type, record.schema, `${name}(${record.arg})`);
  });
}

describe('every admin input is declared once for GraphQL and once for zod, and the two agree', () => {
  const schema = committedSchema('admin');
  const mutations = schema.getMutationType()!.getFields();
  const operations = adminOperations().map((operation) => ({
    ...operation,
    record: Reflect.getMetadata(VALID_INPUT, operation.method) as ValidInputRecord | undefined,
  }));

  it('takes the input of each mutation through @ValidInput', () => {
    const validated = new Set(operations.filter((operation) => operation.record).map((operation) => operation.field));
    const withInput = Object.values(mutations).filter((field) => field.args.some((arg) => arg.name === 'input'));
    expect(
      withInput
        .map((field) => field.name)
        .filter((name) => !validated.has(name))
        .sort(),
    ).toEqual([]);
  });

  it('has the same fields, lists, nullability and scalar kinds in each GraphQL input or args type and its zod schema', () => {
    expect(shapeIssues('admin', adminOperations())).toEqual([]);
  });

  it('checks the argument types of queries too', () => {
    // Guards the spec itself: the filters of the audit log and the media library are among those compared.
    const checked = operations.filter((operation) => operation.root === 'Query' && operation.record).map((o) => o.field);
    expect(checked).toEqual(
      expect.arrayContaining(['auditEntries', 'adminImages', 'webhookDeliveries', 'adminTags', 'adminTag', 'adminArticles']),
    );
  });
});

describe('every public argument with a zod schema agrees with its GraphQL declaration', () => {
  it('has the same fields, lists, nullability and scalar kinds', () => {
    expect(shapeIssues('public', publicOperations())).toEqual([]);
  });

  it('compares the public pairs (articles, latestArticles, subscribeToNewsletter, syndicationChanges)', () => {
    const checked = publicOperations()
      .filter((operation) => Reflect.hasMetadata(VALID_INPUT, operation.method))
      .map((operation) => operation.field);
    expect(checked).toEqual(
      expect.arrayContaining(['articles', 'latestArticles', 'subscribeToNewsletter', 'syndicationChanges']),
    );
  });
});

describe('inputShapeDiff', () => {
  const input = (fields: Record<string, GraphQLInputType>) =>
    new GraphQLNonNull(
      new GraphQLInputObjectType({
        name: 'ExampleInput',
        fields: Object.fromEntries(Object.entries(fields).map(([name, type]) => [name, { type }])),
      }),
    );

  it('accepts a matching pair', () => {
    const type = input({ name: new GraphQLNonNull(GraphQLString), tags: new GraphQLList(new GraphQLNonNull(GraphQLString)) });
    const schema = z.object({ name: z.string().trim(), tags: z.array(z.string()).nullish() });
    expect(inputShapeDiff(type, schema, 'input')).toEqual([]);
  });

  it('names a field declared on one side only, and a nullability or list-ness that differs', () => {
    const type = input({ name: GraphQLString, tags: new GraphQLNonNull(GraphQLString), extra: GraphQLString });
    const schema = z.object({ name: z.string(), tags: z.array(z.string()), other: z.string().nullish() });
    expect(inputShapeDiff(type, schema, 'input').sort()).toEqual([
      'input.extra: only in GraphQL',
      'input.name: GraphQL says nullable, zod says required',
      'input.other: only in zod',
      'input.tags: a list in only one of GraphQL and zod',
    ]);
  });
});
