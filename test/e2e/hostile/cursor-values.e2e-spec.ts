import { toGlobalId } from '../../../src/common/global-id.js';
import { encodeCursor } from '../../../src/common/pagination/keyset.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

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

describe('cursors with values of the wrong type', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let articleId: string;
  let endpointId: string;

  beforeAll(async () => {
    // Loopback endpoint: the target check is not what this file is about.
    t = await createTestApp({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
    admin = await loginAs(t, 'ADMIN');
    const factory = new ContentFactory(t.prisma);
    await factory.article({ tags: [await factory.tag({ slug: 'cursor-tag' })] });
    articleId = (await mutateArticle(admin.admin, 'createArticle', { headline: 'Cursor subject' })).id;
    const { createWebhookEndpoint } = await admin.admin.data(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`,
      { input: { url: 'http://127.0.0.1:9/x', events: ['article.published'] } },
    );
    endpointId = createWebhookEndpoint.endpoint.id;
  });
  afterAll(() => t.close());

  const publicConnections: [string, string][] = [
    ['articles', `query($after: String) { articles(after: $after) { edges { cursor } } }`],
    ['articles by tag', `query($after: String) { articles(filter: { tag: "cursor-tag" }, after: $after) { edges { cursor } } }`],
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
