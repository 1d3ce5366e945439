import { GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLString, type GraphQLInputType } from 'graphql';
import { z } from 'zod';
import { VALID_INPUT, type ValidInputRecord } from '../graphql-types/valid-input.decorator.js';
import { adminOperations, committedAdminSchema } from '../../test/utils/admin-operations.js';
import { inputShapeDiff } from '../../test/utils/input-shape-diff.js';

// Article mutations still call parseInput by hand (src/articles/ is being reworked); each one moved
// to @ValidInput comes off this list, and the list must end empty.
const NOT_YET_ON_VALID_INPUT = [
  'createArticle',
  'createPreviewToken',
  'discardPendingChanges',
  'publishArticle',
  'purgeArticle',
  'restoreArticle',
  'restoreArticleRevision',
  'scheduleArticle',
  'trashArticle',
  'unpublishArticle',
  'updateArticle',
];

describe('every admin input is declared once for GraphQL and once for zod, and the two agree', () => {
  const schema = committedAdminSchema();
  const mutations = schema.getMutationType()!.getFields();
  const records = new Map(
    adminOperations()
      .filter((operation) => operation.root === 'Mutation')
      .map((operation) => [operation.field, Reflect.getMetadata(VALID_INPUT, operation.method) as ValidInputRecord | undefined]),
  );

  it('takes the input of each mutation through @ValidInput', () => {
    const withInput = Object.values(mutations).filter((field) => field.args.some((arg) => arg.name === 'input'));
    const missing = withInput.map((field) => field.name).filter((name) => !records.get(name));
    expect(missing.sort()).toEqual(NOT_YET_ON_VALID_INPUT);
  });

  it('has the same fields, lists, nullability and scalar kinds in the input type and its zod schema', () => {
    const issues = [...records].flatMap(([name, record]) => {
      if (!record) return [];
      const arg = mutations[name]!.args.find((candidate) => candidate.name === record.arg)!;
      return inputShapeDiff(arg.type, record.schema, `${name}(${record.arg})`);
    });
    expect(issues).toEqual([]);
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
