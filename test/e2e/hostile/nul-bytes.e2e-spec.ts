import { JPEG } from '../../fixtures/images.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import type { GraphqlClient } from '../../utils/graphql-client.js';
import { createMediaSandbox, uploadImage, type MediaSandbox } from '../../utils/media.js';
import { createPartner } from '../../utils/syndication.js';

// PostgreSQL text (and jsonb) cannot hold U+0000, so a NUL that reached a query failed there, as an
// INTERNAL_SERVER_ERROR. Every entry point must refuse it up front as bad input (or 404 for a path).
const NUL = '\u0000';

type Door = 'public' | 'admin';
interface GraphqlCase {
  name: string;
  door: Door;
  query: string;
  variables?: Record<string, unknown>;
  partner?: boolean;
}

const GRAPHQL_CASES: GraphqlCase[] = [
  { name: 'article(slug) literal', door: 'public', query: `{ article(slug: "a\\u0000b") { id } }` },
  {
    name: 'article(slug) variable',
    door: 'public',
    query: 'query($s: String!) { article(slug: $s) { id } }',
    variables: { s: `a${NUL}` },
  },
  {
    name: 'article(previewToken)',
    door: 'public',
    query: 'query($t: String) { article(slug: "x", previewToken: $t) { id } }',
    variables: { t: `${NUL}` },
  },
  {
    name: 'articles(filter: { search })',
    door: 'public',
    query: 'query($f: ArticleFilter) { articles(filter: $f) { totalCount } }',
    variables: { f: { search: `junta${NUL}` } },
  },
  {
    name: 'articles(filter: { tag }) literal',
    door: 'public',
    query: `{ articles(filter: { tag: "x\\u0000" }) { totalCount } }`,
  },
  {
    name: 'articles(after)',
    door: 'public',
    query: 'query($a: String) { articles(after: $a) { totalCount } }',
    variables: { a: NUL },
  },
  { name: 'tag(slug)', door: 'public', query: 'query($s: String!) { tag(slug: $s) { id } }', variables: { s: NUL } },
  { name: 'author(slug)', door: 'public', query: 'query($s: String!) { author(slug: $s) { id } }', variables: { s: NUL } },
  { name: 'section(slug)', door: 'public', query: 'query($s: String!) { section(slug: $s) { id } }', variables: { s: NUL } },
  {
    name: 'seriesBySlug(slug)',
    door: 'public',
    query: 'query($s: String!) { seriesBySlug(slug: $s) { id } }',
    variables: { s: NUL },
  },
  { name: 'node(id)', door: 'public', query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: `QXJ0aWNsZTo${NUL}` } },
  {
    name: 'subscribeToNewsletter(email)',
    door: 'public',
    query: 'mutation($e: String!) { subscribeToNewsletter(input: { email: $e }) { ok } }',
    variables: { e: `reader${NUL}@example.com` },
  },
  {
    name: 'syndicationChanges(since)',
    door: 'public',
    partner: true,
    query: 'query($s: String) { syndicationChanges(since: $s) { edges { cursor } } }',
    variables: { s: `1${NUL}` },
  },
  {
    name: 'login(email)',
    door: 'admin',
    query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
    variables: { i: { email: `admin${NUL}@newsdesk.local`, password: 'whatever it is' } },
  },
  {
    name: 'createArticle(headline)',
    door: 'admin',
    query: 'mutation($i: CreateArticleInput!) { createArticle(input: $i) { article { id } } }',
    variables: { i: { headline: `Mali${NUL}` } },
  },
  {
    name: 'createArticle(body) JSON text',
    door: 'admin',
    query: 'mutation($i: CreateArticleInput!) { createArticle(input: $i) { article { id } } }',
    variables: { i: { headline: 'Mali', body: [{ type: 'paragraph', text: `plain${NUL}text` }] } },
  },
  {
    name: 'createArticle(body) JSON key',
    door: 'admin',
    query: 'mutation($i: CreateArticleInput!) { createArticle(input: $i) { article { id } } }',
    variables: { i: { headline: 'Mali', body: [{ type: 'paragraph', text: 'ok', [`x${NUL}`]: 1 }] } },
  },
  {
    name: 'createTag(name) literal',
    door: 'admin',
    query: `mutation { createTag(input: { name: "Sahel\\u0000" }) { tag { id } } }`,
  },
  {
    name: 'createUser(email)',
    door: 'admin',
    query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }',
    variables: { i: { email: `new${NUL}@newsroom.test`, name: 'New', password: 'a long enough password', role: 'EDITOR' } },
  },
  {
    name: 'createWebhookEndpoint(description)',
    door: 'admin',
    query: 'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }',
    variables: { i: { url: 'https://example.com/hook', events: ['article.published'], description: NUL } },
  },
  {
    name: 'adminArticles(search)',
    door: 'admin',
    query: 'query($s: String) { adminArticles(search: $s) { totalCount } }',
    variables: { s: `junta${NUL}` },
  },
  { name: 'adminAuthors(search)', door: 'admin', query: `{ adminAuthors(search: "a\\u0000") { totalCount } }` },
  { name: 'adminArticle(id)', door: 'admin', query: 'query($id: ID!) { adminArticle(id: $id) { id } }', variables: { id: NUL } },
];

describe('NUL bytes in any string argument', () => {
  let t: TestApp;
  let media: MediaSandbox;
  let admin: LoggedIn;
  let partnerKey: string;

  const rowCounts = async () => ({
    articles: await t.prisma.article.count(),
    tags: await t.prisma.tag.count(),
    users: await t.prisma.user.count(),
    images: await t.prisma.image.count(),
    webhooks: await t.prisma.webhookEndpoint.count(),
    subscribers: await t.prisma.newsletterSubscriber.count(),
    loginAttempts: await t.prisma.loginAttempt.count(),
    jobs: await t.prisma.job.count(),
  });

  beforeAll(async () => {
    media = await createMediaSandbox();
    t = await createTestApp({ MEDIA_DIR: media.mediaDir });
    await new ContentFactory(t.prisma).article({ slug: 'nul-subject' });
    admin = await loginAs(t, 'ADMIN');
    partnerKey = (await createPartner(admin, { name: 'NUL partner' })).key;
  });
  afterAll(async () => {
    await t.close();
    await media.remove();
  });

  it.each(GRAPHQL_CASES.map((c) => [c.name, c] as const))('GraphQL %s: BAD_USER_INPUT, nothing written', async (_name, c) => {
    const before = await rowCounts();
    const client: GraphqlClient =
      c.door === 'admin' ? admin.admin : c.partner ? t.graphql.with({ 'x-partner-key': partnerKey }) : t.graphql;
    const response = await client.post(c.query, c.variables);
    const error = response.body.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(error)).toMatch(/NUL/);
    expect(response.status).toBeLessThan(500);
    expect(await rowCounts()).toEqual(before);
  });

  it('GraphQL: the issues name the argument or variable path, and the answer is a 400', async () => {
    const literal = await t.graphql.post(
      `{ a: article(slug: "x\\u0000") { id } ...F } fragment F on Query { tag(slug: "\\u0000") { id } }`,
    );
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0]?.extensions?.issues).toEqual([
      { path: 'a.slug', message: 'must not contain NUL (U+0000) characters' },
      { path: 'tag.slug', message: 'must not contain NUL (U+0000) characters' },
    ]);
    const variable = await admin.admin.post('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email: `a${NUL}`, password: 'whatever it is' },
    });
    expect(variable.body.errors?.[0]?.extensions?.issues).toEqual([
      { path: '$input.email', message: 'must not contain NUL (U+0000) characters' },
    ]);
  });

  it('GraphQL over GET: a NUL in a variable is bad input', async () => {
    const response = await t.graphql.get({ query: 'query($s: String!) { article(slug: $s) { id } }', variables: { s: NUL } });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['/feeds/tags/a%00b/rss.xml'],
    ['/feeds/sections/%00/atom.xml'],
    ['/feeds/authors/x%00/feed.json'],
    ['/feeds/%00'],
    ['/sitemaps/articles-1%00.xml'],
    ['/media/2026/01/x%00.jpg'],
  ])('REST path %s: 404', async (path) => {
    const response = await fetch(`${t.baseUrl}${path}`);
    expect(response.status).toBe(404);
  });

  it.each([['since=1%00'], ['limit=1%00'], ['since=%00&limit=5']])(
    'REST /syndication/changes?%s: 400 BAD_USER_INPUT',
    async (query) => {
      const response = await fetch(`${t.baseUrl}/syndication/changes?${query}`, { headers: { 'x-partner-key': partnerKey } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_USER_INPUT');
    },
  );

  it.each([['caption'], ['credit'], ['altText']])('multipart upload %s: 400 BAD_USER_INPUT, nothing stored', async (field) => {
    const before = await rowCounts();
    const response = await uploadImage(t, admin.accessToken, JPEG, { [field]: `Photo${NUL}` });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BAD_USER_INPUT');
    expect(response.body.error.issues).toEqual([{ path: field, message: expect.stringMatching(/NUL/) }]);
    expect(await rowCounts()).toEqual(before);
  });

  it('newsletter links with a NUL token answer 400 like any bad token', async () => {
    expect((await fetch(`${t.baseUrl}/newsletter/confirm?token=%00`)).status).toBe(400);
    expect((await fetch(`${t.baseUrl}/newsletter/unsubscribe?token=a%00b`, { method: 'POST' })).status).toBe(400);
  });
});
