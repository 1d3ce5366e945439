import { fromGlobalId, toGlobalId } from '../../../src/common/global-id.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createPartner, readChanges } from '../../utils/syndication.js';
import { waitFor } from '../../utils/wait-for.js';
import { JPEG } from '../../fixtures/images.js';
import { ContentFactory } from '../../factories/content.factory.js';
import type { GraphqlClient } from '../../utils/graphql-client.js';
import { createMediaSandbox, uploadImage, type MediaSandbox } from '../../utils/media.js';
import { createHash } from 'node:crypto';
import { encodeCursor } from '../../../src/common/pagination/keyset.js';

const YOUTUBE = 'https://www.youtube.com/embed/abc';
const SANDBOX = 'sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"';

// Embed code as an editor (or a stolen editor account) might paste it.
const HOSTILE_EMBEDS = [
  {
    type: 'embed',
    url: 'https://youtu.be/abc',
    provider: 'youtube',
    html:
      `<iframe src="${YOUTUBE}" width="99999" height="315" onload="steal()" ` +
      `allow="camera; microphone; geolocation; autoplay; fullscreen"></iframe><script>steal()</script>`,
  },
  { type: 'embed', url: 'https://evil.example/', html: '<iframe src="https://evil.example/phish"></iframe>' },
  {
    type: 'embed',
    url: 'https://x.com/a/status/1',
    provider: 'x',
    html: '<blockquote class="twitter-tweet" onmouseover="steal()"><a href="javascript:steal()">t</a></blockquote><img src=x onerror=steal()>',
  },
];

const UNSAFE = /<script|onload|onerror|onmouseover|javascript:|evil\.example\/phish|camera|microphone|geolocation|99999/;

const PUBLIC_ARTICLE = 'query($slug: String!) { article(slug: $slug) { body bodyHtml } }';

function expectSafe(json: unknown) {
  const text = JSON.stringify(json);
  expect(text).not.toMatch(UNSAFE);
  expect(text).toContain(`<iframe src=\\"${YOUTUBE}\\" width=\\"2000\\" height=\\"315\\" allow=\\"autoplay; fullscreen\\"`);
  expect(text).toContain(SANDBOX.replaceAll('"', '\\"'));
}

describe('embed HTML is sanitised when saved', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'ADMIN');
  });
  afterAll(() => t.close());

  const publish = async (headline: string, body: unknown[]) => {
    const draft = await mutateArticle(admin.admin, 'createArticle', { headline, body });
    return mutateArticle(admin.admin, 'publishArticle', { id: draft.id });
  };

  it('stores and serves only the sanitised embed: admin body, public body and bodyHtml', async () => {
    const article = await publish('Embeds on write', HOSTILE_EMBEDS);
    expectSafe(article.body);
    const row = await t.prisma.article.findUniqueOrThrow({ where: { id: fromGlobalId(article.id)!.id } });
    expectSafe(row.body);
    const { article: pub } = await t.graphql.data(PUBLIC_ARTICLE, { slug: article.slug });
    expectSafe(pub.body);
    expectSafe(pub.bodyHtml);
    // The embed whose only iframe was refused keeps its URL, so it renders as a link.
    expect(pub.body[1]).toEqual({ type: 'embed', url: 'https://evil.example/' });
  });

  it('sanitises pending edits of a live article, and the change feed carries the clean body', async () => {
    const partner = await createPartner(admin, { name: 'Full text mirror', fullText: true });
    const live = await publish('Embeds pending', [{ type: 'paragraph', text: 'First version' }]);
    const pending = await mutateArticle(admin.admin, 'updateArticle', {
      id: live.id,
      expectedVersion: live.version,
      body: HOSTILE_EMBEDS,
    });
    const row = await t.prisma.article.findUniqueOrThrow({ where: { id: fromGlobalId(live.id)!.id } });
    expectSafe(row.pendingChanges);
    await mutateArticle(admin.admin, 'publishArticle', { id: live.id, expectedVersion: pending.version });
    const { changes } = await waitFor(async () => {
      const read = await readChanges(t, partner.key);
      return read.changes.some((change) => change.action === 'updated' && change.id === live.id) && read;
    });
    const updated = changes.filter((change) => change.id === live.id).at(-1)!;
    expectSafe(updated.article.body);
    expectSafe(updated.article.bodyHtml);
  });

  it('re-sanitises bodies stored before, once, through the job the migration enqueued', async () => {
    // The migration's job already ran on this fresh database (it found nothing to do).
    const fromMigration = await waitFor(() =>
      t.prisma.job.findFirst({ where: { name: 'article.sanitize-stored-embeds', completedAt: { not: null } } }),
    );
    expect(fromMigration.failedAt).toBeNull();
    const article = await publish('Stored before the fix', [{ type: 'paragraph', text: 'x' }]);
    const id = fromGlobalId(article.id)!.id;
    const updatedAt = new Date('2026-01-02T03:04:05.000Z');
    await t.prisma.article.update({ where: { id }, data: { body: HOSTILE_EMBEDS, updatedAt } });
    expect(JSON.stringify((await t.graphql.data(PUBLIC_ARTICLE, { slug: article.slug })).article.body)).toMatch(/<script/);

    const job = await t.prisma.job.create({ data: { name: 'article.sanitize-stored-embeds', payload: {} } });
    await waitFor(async () => (await t.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).completedAt, 10_000);
    const row = await t.prisma.article.findUniqueOrThrow({ where: { id } });
    expectSafe(row.body);
    // A data repair, not a content change: the public "updated" time stays.
    expect(row.updatedAt).toEqual(updatedAt);
    expectSafe((await t.graphql.data(PUBLIC_ARTICLE, { slug: article.slug })).article.body);
  });
});

describe('EMBED_HOSTS', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp({ EMBED_HOSTS: 'charts.example.org, Maps.Example.org' });
    admin = await loginAs(t, 'ADMIN');
  });
  afterAll(() => t.close());

  it('replaces the default providers', async () => {
    const article = await mutateArticle(admin.admin, 'createArticle', {
      headline: 'Own chart host',
      body: [
        { type: 'embed', url: 'https://youtu.be/abc', html: `<iframe src="${YOUTUBE}"></iframe>` },
        { type: 'embed', url: 'https://charts.example.org/1', html: '<iframe src="https://charts.example.org/1"></iframe>' },
        { type: 'embed', url: 'https://maps.example.org/1', html: '<iframe src="https://maps.example.org/1"></iframe>' },
      ],
    });
    expect(article.body).toEqual([
      { type: 'embed', url: 'https://youtu.be/abc' },
      {
        type: 'embed',
        url: 'https://charts.example.org/1',
        html: `<iframe src="https://charts.example.org/1" ${SANDBOX}></iframe>`,
      },
      { type: 'embed', url: 'https://maps.example.org/1', html: `<iframe src="https://maps.example.org/1" ${SANDBOX}></iframe>` },
    ]);
  });
});

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
