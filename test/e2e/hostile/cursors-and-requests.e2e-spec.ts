import { createHash } from 'node:crypto';
import { toGlobalId } from '../../../src/common/global-id.js';
import { encodeCursor } from '../../../src/common/pagination/keyset.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createPartner } from '../../utils/syndication.js';

// Change-feed cursors carry (txid, id): txid is an xid8 (unsigned 64-bit) and id a bigint (signed
// 64-bit). Well-shaped cursors with numbers past those bounds reached the SQL cast and failed there.
const FORGED_CHANGE_CURSORS: [string, string, string][] = [
  ['a 20-digit txid past xid8', '99999999999999999999', '1'],
  ['a txid of 2^64', '18446744073709551616', '1'],
  ['a 20-digit id', '1', '99999999999999999999'],
  ['an id of 2^63', '1', '9223372036854775808'],
];

// Cursors of the right shape with values of the wrong type once went straight into SQL casts and
// Prisma filters (INTERNAL_SERVER_ERROR). Every connection, public and admin, now checks each value
// against its column (common/pagination/keyset.ts): BAD_USER_INPUT naming the argument.
const WRONG = [
  encodeCursor(['garbage', 'garbage']),
  encodeCursor(['a', 'garbage']),
  encodeCursor(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
  encodeCursor(['garbage']),
  encodeCursor(['x', 3, 'garbage']),
  encodeCursor(['99999999999999999999', '1']),
];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface RawResponse {
  status: number;
  requestId: string | null;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

// Hostile cursors and requests share one app in the default configuration: each case only reads
// or is refused, so none can disturb another.
describe('hostile cursors and GraphQL requests', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('change feed: cursors with out-of-range numbers', () => {
    let key: string;

    beforeAll(async () => {
      key = (await createPartner(await loginAs(t, 'ADMIN'), { name: 'Cursor prober' })).key;
    });

    it.each(FORGED_CHANGE_CURSORS)('REST /syndication/changes refuses %s as BAD_USER_INPUT', async (_name, txid, id) => {
      const since = encodeCursor([txid, id]);
      const response = await fetch(`${t.baseUrl}/syndication/changes?since=${since}`, { headers: { 'x-partner-key': key } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: unknown }).error).toMatchObject({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'since', message: 'is not a valid cursor' }],
      });
    });

    it.each(FORGED_CHANGE_CURSORS)('GraphQL syndicationChanges refuses %s as BAD_USER_INPUT', async (_name, txid, id) => {
      const response = await t.graphql.post(
        'query($since: String) { syndicationChanges(since: $since) { edges { cursor } } }',
        { since: encodeCursor([txid, id]) },
        { 'x-partner-key': key },
      );
      expect(response.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'since', message: 'is not a valid cursor' }],
      });
    });

    it('still reads from the largest valid position', async () => {
      const since = encodeCursor(['18446744073709551615', '9223372036854775807']);
      const response = await fetch(`${t.baseUrl}/syndication/changes?since=${since}`, { headers: { 'x-partner-key': key } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ changes: [], hasMore: false });
    });
  });

  describe('cursors with values of the wrong type', () => {
    let admin: LoggedIn;
    let articleId: string;
    let endpointId: string;

    beforeAll(async () => {
      admin = await loginAs(t, 'ADMIN');
      const factory = new ContentFactory(t.prisma);
      await factory.article({ tags: [await factory.tag({ slug: 'cursor-tag' })] });
      articleId = (await mutateArticle(admin.admin, 'createArticle', { headline: 'Cursor subject' })).id;
      const { createWebhookEndpoint } = await admin.admin.data(
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`,
        // A public address, allowed in the default configuration; nothing is published, so nothing is sent.
        { input: { url: 'https://93.184.216.34/x', events: ['article.published'] } },
      );
      endpointId = createWebhookEndpoint.endpoint.id;
    });

    const publicConnections: [string, string][] = [
      ['articles', `query($after: String) { articles(after: $after) { edges { cursor } } }`],
      [
        'articles by tag',
        `query($after: String) { articles(filter: { tag: "cursor-tag" }, after: $after) { edges { cursor } } }`,
      ],
      [
        'articles by relevance',
        `query($after: String) { articles(filter: { search: "body" }, orderBy: RELEVANCE, after: $after) { edges { cursor } } }`,
      ],
      ['tags', `query($after: String) { tags(after: $after) { edges { cursor } } }`],
      ['authors', `query($after: String) { authors(after: $after) { edges { cursor } } }`],
      ['tag articles', `query($after: String) { tag(slug: "cursor-tag") { articles(after: $after) { edges { cursor } } } }`],
    ];

    it.each(publicConnections)('public %s', async (_name, query) => {
      for (const after of WRONG) {
        const response = await t.graphql.post(query, { after });
        expect(response.status).toBeLessThan(500);
        expect(response.body.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          issues: [{ path: 'after', message: 'is not a valid cursor' }],
        });
      }
    });

    const adminConnections = (): [string, string, Record<string, unknown>][] => [
      ['adminArticles', `query($after: String) { adminArticles(after: $after) { edges { cursor } } }`, {}],
      ['apiTokens', `query($after: String) { apiTokens(after: $after) { edges { cursor } } }`, {}],
      ['users', `query($after: String) { users(after: $after) { edges { cursor } } }`, {}],
      ['auditEntries', `query($after: String) { auditEntries(after: $after) { edges { cursor } } }`, {}],
      ['adminImages', `query($after: String) { adminImages(after: $after) { edges { cursor } } }`, {}],
      ['adminTags', `query($after: String) { adminTags(after: $after) { edges { cursor } } }`, {}],
      ['adminAuthors', `query($after: String) { adminAuthors(after: $after) { edges { cursor } } }`, {}],
      ['newsletterSubscribers', `query($after: String) { newsletterSubscribers(after: $after) { edges { cursor } } }`, {}],
      [
        'articleRevisions',
        `query($id: ID!, $after: String) { articleRevisions(id: $id, after: $after) { edges { cursor } } }`,
        { id: articleId },
      ],
      [
        'webhookDeliveries',
        `query($id: ID!, $after: String) { webhookDeliveries(endpointId: $id, after: $after) { edges { cursor } } }`,
        { id: endpointId },
      ],
    ];

    it('admin connections', async () => {
      for (const [name, query, variables] of adminConnections()) {
        for (const after of WRONG) {
          const response = await admin.admin.post(query, { ...variables, after });
          expect({ name, status: response.status < 500, code: response.body.errors?.[0]?.extensions?.code }).toEqual({
            name,
            status: true,
            code: 'BAD_USER_INPUT',
          });
        }
      }
    });

    it('still pages with the cursors it hands out', async () => {
      const first = await t.graphql.data(`{ articles(first: 1) { edges { cursor } pageInfo { endCursor } } }`);
      const next = await t.graphql.post(`query($after: String) { articles(first: 1, after: $after) { edges { cursor } } }`, {
        after: first.articles.pageInfo.endCursor,
      });
      expect(next.body.errors).toBeUndefined();
      expect(toGlobalId('Article', '00000000-0000-0000-0000-000000000000')).toMatch(/^[\w-]+$/);
    });
  });

  // Requests that are wrong in the way an attacker (or a buggy client) makes them wrong: each must get
  // a typed 4xx-class answer with the request id, on both endpoints, never an INTERNAL_SERVER_ERROR.
  describe.each([['public'], ['admin']])('hostile GraphQL requests on the %s endpoint', (door) => {
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
});
