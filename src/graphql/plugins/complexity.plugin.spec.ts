import type { GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, buildSchema, parse, type DocumentNode } from 'graphql';
import { complexityPlugin } from './complexity.plugin.js';

const SCHEMA = buildSchema(`
  type Article { id: ID! headline: String! related(first: Int): [Article!]! }
  type ArticleEdge { node: Article! }
  type ArticleConnection { edges: [ArticleEdge!]! }
  type Query { articles(first: Int, last: Int): ArticleConnection! article: Article }
`);

// One page item costs 4: edges 1 + node 1 + id 1 + headline 1.
const PAGE = 'edges { node { id headline } }';

async function check(
  budget: number,
  query: string | DocumentNode,
  variables: Record<string, unknown> = {},
): Promise<GraphQLError | undefined> {
  const listener = (await complexityPlugin(budget).requestDidStart!({
    schema: SCHEMA,
  } as never)) as GraphQLRequestListener<never>;
  try {
    await listener.didResolveOperation!({
      request: { variables },
      document: typeof query === 'string' ? parse(query) : query,
    } as never);
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

describe('complexityPlugin', () => {
  it('charges a list its children times the items asked for, plus one', async () => {
    expect(await check(41, `{ articles(first: 10) { ${PAGE} } }`)).toBeUndefined();
    const refused = await check(40, `{ articles(first: 10) { ${PAGE} } }`);
    expect(refused?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', complexity: 41, maxComplexity: 40 });
    expect(refused?.extensions.http).toEqual({ status: 400 });
  });

  it('charges a connection without first or last for a default page of 20', async () => {
    expect((await check(80, `{ articles { ${PAGE} } }`))?.extensions.complexity).toBe(81);
    expect((await check(20, `{ articles(last: 5) { ${PAGE} } }`))?.extensions.complexity).toBe(21);
  });

  it('reads page sizes from variables, and multiplies nested lists', async () => {
    const query = 'query ($n: Int) { article { related(first: $n) { id related(first: 3) { id } } } }';
    // related(first: 3) { id } = 1 + 1 * 3 = 4; each outer item: id 1 + 4 = 5; outer: 1 + 5 * n; article: 1 + that.
    expect((await check(0, query, { n: 10 }))?.extensions.complexity).toBe(52);
    expect((await check(0, query, { n: 0 }))?.extensions.complexity).toBe(7);
  });

  it('leaves variables of the wrong type to execution, which reports them as bad input', async () => {
    expect(await check(1, 'query ($n: Int) { articles(first: $n) { edges { node { id } } } }', { n: 'many' })).toBeUndefined();
  });

  // The figure is kept with the parsed document (Apollo reuses it for every request with the same text).
  it('keeps a figure per page-size variable value, whatever the other variables are', async () => {
    const document = parse('query ($n: Int, $slug: String) { article { related(first: $n) { id headline } } }');
    // article 1 + related (1 + 2n).
    expect((await check(0, document, { n: 10, slug: 'a' }))?.extensions.complexity).toBe(22);
    expect((await check(0, document, { n: 10, slug: 'b' }))?.extensions.complexity).toBe(22);
    expect(await check(22, document, { n: 10, slug: 'c' })).toBeUndefined();
    // A larger page is refused at once, never let through on the smaller page's figure.
    expect((await check(22, document, { n: 11, slug: 'c' }))?.extensions.complexity).toBe(24);
    expect(await check(22, document, { n: 10, slug: 'd' })).toBeUndefined();
  });

  it('tells an absent page-size variable (its default) from an explicit null', async () => {
    const document = parse('query ($n: Int = 5) { article { related(first: $n) { id } } }');
    expect((await check(0, document, {}))?.extensions.complexity).toBe(7);
    // first: null is no page size: the simple estimator's 1 + child.
    expect((await check(0, document, { n: null }))?.extensions.complexity).toBe(3);
    expect((await check(0, document, {}))?.extensions.complexity).toBe(7);
  });

  it('reads @include and @skip conditions from their variables, kept or not', async () => {
    const document = parse('query ($all: Boolean!) { article { id related(first: 10) @include(if: $all) { id } } }');
    expect((await check(0, document, { all: true }))?.extensions.complexity).toBe(13);
    expect((await check(0, document, { all: false }))?.extensions.complexity).toBe(2);
    expect((await check(0, document, { all: true }))?.extensions.complexity).toBe(13);
  });

  it('refuses the same over-budget document every time, with the exact figure', async () => {
    const document = parse('query ($n: Int) { articles(first: $n) { edges { node { id } } } }');
    for (let i = 0; i < 3; i++) expect((await check(10, document, { n: 50 }))?.extensions.complexity).toBe(151);
    expect(await check(10, document, { n: 'many' })).toBeUndefined();
  });
});
