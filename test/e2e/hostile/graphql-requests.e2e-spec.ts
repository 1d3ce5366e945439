import { createHash } from 'node:crypto';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface RawResponse {
  status: number;
  requestId: string | null;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

// Requests that are wrong in the way an attacker (or a buggy client) makes them wrong: each must get
// a typed 4xx-class answer with the request id, on both endpoints, never an INTERNAL_SERVER_ERROR.
describe.each([['public'], ['admin']])('hostile GraphQL requests on the %s endpoint', (door) => {
  let t: TestApp;
  const endpoint = () => (door === 'admin' ? t.admin.endpoint : t.graphql.endpoint);
  const post = async (body: Record<string, unknown>): Promise<RawResponse> => {
    const response = await fetch(endpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      requestId: response.headers.get('x-request-id'),
      body: (await response.json()) as RawResponse['body'],
    };
  };
  const get = async (params: Record<string, string>): Promise<RawResponse> => {
    const response = await fetch(`${endpoint()}?${new URLSearchParams(params)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    return {
      status: response.status,
      requestId: response.headers.get('x-request-id'),
      body: (await response.json()) as RawResponse['body'],
    };
  };
  const expectClientError = (response: RawResponse, code: string, status = 400) => {
    expect({ status: response.status, code: response.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
    expect(response.body.errors?.[0]?.extensions?.requestId).toBe(response.requestId);
    expect(response.body.data).toBeUndefined();
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['two fragments spreading each other', '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'],
    ['a fragment spreading itself', '{ ...A } fragment A on Query { __typename ...A }'],
    ['a cycle below a field', '{ __typename ...A } fragment A on Query { ... on Query { ...A } }'],
    ['an unknown fragment', '{ ...Missing }'],
  ])('refuses %s as GRAPHQL_VALIDATION_FAILED', async (_name, query) => {
    expectClientError(await post({ query }), 'GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses an APQ hash that does not match the query', async () => {
    const query = '{ __typename }';
    const response = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } } });
    expectClientError(response, 'BAD_REQUEST');
  });

  it.each([
    ['a string', 'nonsense'],
    ['an unknown version', { version: 2, sha256Hash: sha256('{ __typename }') }],
    ['a hash that is not a string', { version: 1, sha256Hash: 42 }],
    ['no hash', { version: 1 }],
  ])('refuses a persistedQuery extension that is %s', async (_name, persistedQuery) => {
    const response = await post({ query: '{ __typename }', extensions: { persistedQuery } });
    expect(response.status).toBe(400);
    expect(['BAD_REQUEST', 'PERSISTED_QUERY_NOT_SUPPORTED']).toContain(response.body.errors?.[0]?.extensions?.code);
    expect(response.body.errors?.[0]?.extensions?.requestId).toBe(response.requestId);
  });

  // Without a query there is nothing to compare a hash with: an unknown one, however odd, is "not
  // found" (status 200 by the APQ protocol, so clients send the query), never a server error.
  it.each([
    ['a number', 7],
    ['an object', { a: 1 }],
    ['a long string', 'f'.repeat(5000)],
  ])('answers a GET whose hash is %s with a typed error', async (_name, sha256Hash) => {
    const response = await get({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }) });
    expect(response.status).toBeLessThan(500);
    expect(['BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND']).toContain(response.body.errors?.[0]?.extensions?.code);
    expect(response.body.errors?.[0]?.extensions?.requestId).toBe(response.requestId);
  });

  it.each([
    ['a subscription', 'subscription { __typename }'],
    ['a named subscription', 'subscription Live { articles { totalCount } }'],
  ])('refuses %s operation', async (_name, query) => {
    const response = await post({ query });
    expect(response.status).toBe(400);
    expect(['BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED']).toContain(response.body.errors?.[0]?.extensions?.code);
    expect(response.body.errors?.[0]?.extensions?.requestId).toBe(response.requestId);
  });
});
