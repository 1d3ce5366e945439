import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

// Introspection hidden behind fragments must be seen as introspection: the admin schema stays
// private to logged-in users, however the selection is spelled.
const INTROSPECTION_QUERIES: [string, string][] = [
  ['a named fragment', '{ ...F } fragment F on Query { __schema { types { name } } }'],
  ['an inline fragment', '{ ... on Query { __schema { types { name } } } }'],
  ['an untyped inline fragment', '{ ... { __schema { queryType { name } } } }'],
  ['nested fragments', '{ ... on Query { ...F } } fragment F on Query { ... { __schema { queryType { name } } } }'],
  ['__type in a named fragment', '{ ...F } fragment F on Query { __type(name: "AdminArticle") { fields { name } } }'],
  ['__type in an inline fragment', '{ ... on Query { __type(name: "AdminArticle") { name } } }'],
  ['a fragment next to __typename', '{ __typename ...F } fragment F on Query { __type(name: "Query") { name } }'],
  [
    'the named operation of two',
    'query A { __typename } query B { ...F } fragment F on Query { __schema { queryType { name } } }',
  ],
];

describe.each([['test'], ['production']])('admin API introspection through fragments (NODE_ENV=%s)', (env) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: env });
  });
  afterAll(() => t.close());

  it.each(INTROSPECTION_QUERIES)('refuses it without a login: %s', async (_name, query) => {
    const operationName = query.startsWith('query A') ? 'B' : undefined;
    const response = await fetch(t.admin.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, operationName }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(response.status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it('allows it with a login', async () => {
    const { admin } = await loginAs(t, 'CONTRIBUTOR');
    const data = await admin.data('{ ...F } fragment F on Query { __type(name: "AdminArticle") { name } }');
    expect(data).toEqual({ __type: { name: 'AdminArticle' } });
  });

  it('still answers __typename through a fragment without a login', async () => {
    const response = await t.admin.post('{ ...F } fragment F on Query { __typename }');
    expect(response.body).toEqual({ data: { __typename: 'Query' } });
  });
});

// The public endpoint's switch is graphql-js' own validation rule, which sees every field: a guard.
describe('public API introspection switched off, through fragments', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'false' });
  });
  afterAll(() => t.close());

  it.each(INTROSPECTION_QUERIES.filter(([name]) => !name.includes('two')))('refuses %s', async (_name, query) => {
    const response = await t.graphql.post(query.replace('AdminArticle', 'Article'));
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.body.data).toBeUndefined();
  });
});
