import { buildSchema, printSchema } from 'graphql';
import { pruneSchema } from './prune-schema.js';

// What Nest's code-first builder hands each endpoint: every type any model in the process refers to,
// reachable from this endpoint's operations or not.
const BUILT = buildSchema(`
  interface Node { id: ID! }
  type Article implements Node { id: ID! headline: String! }
  type Image implements Node { id: ID! url: String! }
  type AdminArticle { id: ID! draftHeadline: String! }
  input UpdateArticleInput { id: ID! headline: String }
  enum ArticleStatus { DRAFT PUBLISHED }
  type Query { article(slug: String!): Article node(id: ID!): Node }
`);

describe('pruneSchema', () => {
  const pruned = pruneSchema(BUILT);

  it('drops the types this endpoint cannot reach (the admin ones leaked by code-first)', () => {
    for (const name of ['AdminArticle', 'UpdateArticleInput', 'ArticleStatus']) expect(pruned.getType(name)).toBeUndefined();
  });

  it('keeps the reachable types, and implementations of reachable interfaces reached only through node(id)', () => {
    for (const name of ['Query', 'Article', 'Node', 'Image']) expect(pruned.getType(name)).toBeDefined();
    expect(printSchema(pruned)).toContain('type Image implements Node');
  });
});
