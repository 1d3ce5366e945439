import { toGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RedisResponseStore } from '../../../src/cache/redis-response-store.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { onPostgres } from '../../utils/on-postgres.js';
import { waitFor } from '../../utils/wait-for.js';

const LATEST = '{ latestArticles(first: 5) { headline slug tags { name } } }';
const ARTICLE = 'query($slug: String!) { article(slug: $slug) { headline dek tags { name } } }';
const TAG_PAGE = 'query($tag: String!) { articles(first: 5, filter: { tag: $tag }) { totalCount edges { node { headline } } } }';

// The public response cache on one instance: hits skip the app, every change the public can see purges
// exactly what it touches, and the next read after a change is never the old answer.
describe('public response cache', () => {
  let t: TestApp;
  let factory: ContentFactory;
  let editor: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp({ RESPONSE_CACHE: 'memory', METRICS_ENABLED: 'true' });
    factory = new ContentFactory(t.prisma);
    editor = await loginAs(t, 'EDITOR');
  });
  afterAll(() => t.close());

  async function read(query: string, variables: Record<string, unknown> = {}) {
    const response = await t.graphql.get({ query, variables: JSON.stringify(variables) });
    return { ...response, cache: response.headers.get('x-cache'), keys: response.headers.get('surrogate-key')?.split(' ') ?? [] };
  }

  async function publishedArticle(input: Record<string, unknown>) {
    const draft = await mutateArticle(editor.admin, 'createArticle', input);
    return mutateArticle(editor.admin, 'publishArticle', { id: draft.id });
  }

  it('answers a repeated GET from the cache, without SQL, with the same body and surrogate keys', async () => {
    const tag = await factory.tag();
    const article = await publishedArticle({ headline: 'Cached once', tagIds: [toGlobalId('Tag', tag.id)] });
    const first = await read(LATEST);
    expect(first.body.errors).toBeUndefined();
    expect(first.cache).toBe('MISS');
    const before = t.queries.total;
    const second = await read(LATEST);
    expect(t.queries.total).toBe(before);
    expect(second.cache).toBe('HIT');
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    const rowId = (await t.prisma.article.findFirstOrThrow({ where: { slug: article.slug } })).id;
    expect(second.keys).toEqual(expect.arrayContaining(['articles', `article:${rowId}`, `tag:${tag.id}`]));
  });

  // Apollo counts every request it starts (metrics/graphql-operation.metrics.ts): a hit it never saw
  // was answered from the raw request line, without GraphQL parsing, validation or execution.
  it('answers a hit before GraphQL runs, keyed on the raw query string in any parameter order', async () => {
    await publishedArticle({ headline: 'Answered early', tagIds: [toGlobalId('Tag', (await factory.tag()).id)] });
    const query = `query Early ${LATEST}`;
    const miss = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent(query)}&variables=%7B%7D`);
    expect(miss.headers.get('x-cache')).toBe('MISS');
    const missBody = await miss.text();
    const operationsBefore = await operationsStarted();
    const statementsBefore = t.queries.total;
    // The miss itself was counted: the counter sees what reaches Apollo.
    expect(operationsBefore).toBeGreaterThan(0);

    const hit = await fetch(`${t.baseUrl}/graphql?variables=%7B%7D&query=${encodeURIComponent(query)}`, {
      headers: { origin: 'https://reader.example' },
    });
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(await hit.text()).toBe(missBody);
    for (const name of ['etag', 'cache-control', 'surrogate-key', 'content-type']) {
      expect(hit.headers.get(name)).toBe(miss.headers.get(name));
    }
    expect(hit.headers.get('access-control-allow-origin')).toBe('*');
    expect(hit.headers.get('x-request-id')).toBeTruthy();
    expect(t.queries.total).toBe(statementsBefore);
    expect(await operationsStarted()).toBe(operationsBefore);

    // A partner key in the query string is never answered from the shared cache.
    const keyed = await fetch(`${t.baseUrl}/graphql?variables=%7B%7D&query=${encodeURIComponent(query)}&key=abc`);
    expect(keyed.headers.get('x-cache')).toBeNull();
    await keyed.arrayBuffer();
  });

  async function operationsStarted(): Promise<number> {
    const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
    return text
      .split('\n')
      .filter((line) => line.startsWith('newsdesk_graphql_operations_total{endpoint="public"'))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
  }

  it('shows an edit of a live article on the very next read once it is published, not before', async () => {
    const article = await publishedArticle({ headline: 'First version of the story' });
    expect((await read(ARTICLE, { slug: article.slug })).body.data?.article.headline).toBe('First version of the story');
    expect((await read(ARTICLE, { slug: article.slug })).cache).toBe('HIT');

    // Saved but not published: the public (and the cache) keep the live version.
    const edited = await mutateArticle(editor.admin, 'updateArticle', {
      id: article.id,
      expectedVersion: article.version,
      headline: 'Second version of the story',
    });
    expect((await read(ARTICLE, { slug: article.slug })).body.data?.article.headline).toBe('First version of the story');

    await mutateArticle(editor.admin, 'publishArticle', { id: article.id, expectedVersion: edited.version });
    const next = await read(ARTICLE, { slug: article.slug });
    expect(next.cache).toBe('MISS');
    expect(next.body.data?.article.headline).toBe('Second version of the story');
    const latest = await read(LATEST);
    expect(latest.body.data?.latestArticles.map((a: { headline: string }) => a.headline)).toContain(
      'Second version of the story',
    );
  });

  it('purges exactly the responses a publish touches: the lists it enters, not unrelated ones', async () => {
    const [entered, untouched] = [await factory.tag(), await factory.tag()];
    const other = await publishedArticle({ headline: 'Unrelated story', tagIds: [toGlobalId('Tag', untouched.id)] });
    await read(TAG_PAGE, { tag: entered.slug });
    await read(TAG_PAGE, { tag: untouched.slug });
    await read(ARTICLE, { slug: other.slug });

    await publishedArticle({ headline: 'Enters the first tag', tagIds: [toGlobalId('Tag', entered.id)] });

    const enteredPage = await read(TAG_PAGE, { tag: entered.slug });
    expect(enteredPage.cache).toBe('MISS');
    expect(enteredPage.body.data?.articles.totalCount).toBe(1);
    expect((await read(TAG_PAGE, { tag: untouched.slug })).cache).toBe('HIT');
    expect((await read(ARTICLE, { slug: other.slug })).cache).toBe('HIT');
  });

  it('drops an unpublished article from its page and its lists at once', async () => {
    const tag = await factory.tag();
    const article = await publishedArticle({ headline: 'Soon withdrawn', tagIds: [toGlobalId('Tag', tag.id)] });
    await read(ARTICLE, { slug: article.slug });
    await read(TAG_PAGE, { tag: tag.slug });

    await mutateArticle(editor.admin, 'unpublishArticle', { id: article.id });

    expect((await read(ARTICLE, { slug: article.slug })).body.data?.article).toBeNull();
    expect((await read(TAG_PAGE, { tag: tag.slug })).body.data?.articles.totalCount).toBe(0);
  });

  it('lets a list shrink when an article leaves a tag through published pending changes', async () => {
    const [kept, dropped] = [await factory.tag(), await factory.tag()];
    const article = await publishedArticle({
      headline: 'Retagged story',
      tagIds: [toGlobalId('Tag', kept.id), toGlobalId('Tag', dropped.id)],
    });
    expect((await read(TAG_PAGE, { tag: dropped.slug })).body.data?.articles.totalCount).toBe(1);

    const edited = await mutateArticle(editor.admin, 'updateArticle', {
      id: article.id,
      expectedVersion: article.version,
      tagIds: [toGlobalId('Tag', kept.id)],
    });
    await mutateArticle(editor.admin, 'publishArticle', { id: article.id, expectedVersion: edited.version });

    expect((await read(TAG_PAGE, { tag: dropped.slug })).body.data?.articles.totalCount).toBe(0);
  });

  it('shows a renamed tag on the articles that carry it', async () => {
    const tag = await factory.tag({ name: 'old name' });
    const article = await publishedArticle({ headline: 'Tagged story', tagIds: [toGlobalId('Tag', tag.id)] });
    await read(ARTICLE, { slug: article.slug });

    const renamed = await editor.admin.post('mutation($input: UpdateTagInput!) { updateTag(input: $input) { tag { name } } }', {
      input: { id: toGlobalId('Tag', tag.id), name: 'new name' },
    });
    expect(renamed.body.errors).toBeUndefined();

    expect((await read(ARTICLE, { slug: article.slug })).body.data?.article.tags).toEqual([{ name: 'new name' }]);
  });

  it('never stores previews, errors or POST requests', async () => {
    const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Draft under review' });
    const token = await editor.admin.post(
      'mutation($input: CreatePreviewTokenInput!) { createPreviewToken(input: $input) { token } }',
      {
        input: { id: draft.id },
      },
    );
    const previewToken = token.body.data?.createPreviewToken.token as string;
    const preview = 'query($slug: String!, $token: String) { article(slug: $slug, previewToken: $token) { headline } }';
    for (let i = 0; i < 2; i += 1) {
      const response = await read(preview, { slug: draft.slug, token: previewToken });
      expect(response.body.data?.article.headline).toBe('Draft under review');
      expect(response.cache).toBe('MISS');
    }
    for (let i = 0; i < 2; i += 1) expect((await read('{ articles(first: 1000) { totalCount } }')).cache).toBe('MISS');
    const posted = await t.graphql.post(LATEST);
    expect(posted.headers.get('x-cache')).toBeNull();
  });

  it('caches feeds, answers conditional hits with 304 and purges them on publish', async () => {
    const tag = await factory.tag();
    await publishedArticle({ headline: 'Feed item one', tagIds: [toGlobalId('Tag', tag.id)] });
    const url = `${t.baseUrl}/feeds/tags/${tag.slug}/rss.xml`;
    const first = await fetch(url);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(first.headers.get('surrogate-key')).toContain(`articles:tag:${tag.slug}`);
    const conditional = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(conditional.status).toBe(304);
    expect(conditional.headers.get('x-cache')).toBe('HIT');

    await publishedArticle({ headline: 'Feed item two', tagIds: [toGlobalId('Tag', tag.id)] });
    const after = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Feed item two');
  });
});

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const HEADLINE = 'query($slug: String!) { article(slug: $slug) { headline } }';
// Two instances need two sessions on one database, which the embedded test database cannot give.
const onServer = onPostgres(describe, 'response cache across two instances');

async function readHeadline(t: TestApp, slug: string) {
  const response = await t.graphql.get({ query: HEADLINE, variables: JSON.stringify({ slug }) });
  return { headline: response.body.data?.article?.headline as string | undefined, cache: response.headers.get('x-cache') };
}

// The cache is never stale across instances. With Redis every instance reads the one cache that the
// writer purged before it answered, so the very next read anywhere is fresh. With the default memory
// store each other instance purges its own memory when the change's pg_notify reaches its listener,
// milliseconds after the commit (longer on a loaded machine): the reader is given that long, bounded.
onServer('public response cache across instances', () => {
  for (const store of ['memory', 'redis'] as const) {
    describe(`with the ${store} store`, () => {
      let database: TestDatabase;
      let writer: TestApp;
      let reader: TestApp;

      beforeAll(async () => {
        database = await createTestDatabase();
        const env = { RESPONSE_CACHE: store, REDIS_URL, REDIS_KEY_PREFIX: `test-${randomUUID()}:` };
        writer = await createTestApp(env, database);
        reader = await createTestApp({ ...env, APP_SECRET: writer.config.appSecret! }, database);
      });
      afterAll(async () => {
        await reader?.close();
        await writer?.close();
        await database?.drop();
      });

      // The reader's view once the purge has reached it (at once with Redis; see the top of the file).
      async function readOnReader(slug: string, expected: string | undefined) {
        if (store === 'memory') {
          await waitFor(
            async () => (await readHeadline(reader, slug)).headline === expected,
            10_000,
            `the reader's purge of ${slug}`,
          );
        }
        return readHeadline(reader, slug);
      }

      it('shows an edit made on one instance on the next read from the other', async () => {
        const editor = await loginAs(writer, 'EDITOR');
        const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Version one' });
        let article = await mutateArticle(editor.admin, 'publishArticle', { id: draft.id });
        expect((await readHeadline(reader, article.slug)).headline).toBe('Version one');
        expect((await readHeadline(reader, article.slug)).cache).toBe('HIT');

        for (const headline of ['Version two', 'Version three', 'Version four']) {
          article = await mutateArticle(editor.admin, 'updateArticle', {
            id: article.id,
            expectedVersion: article.version,
            headline,
          });
          article = await mutateArticle(editor.admin, 'publishArticle', { id: article.id, expectedVersion: article.version });
          expect((await readHeadline(writer, article.slug)).headline).toBe(headline);
          expect((await readOnReader(article.slug, headline)).headline).toBe(headline);
        }

        await mutateArticle(editor.admin, 'unpublishArticle', { id: article.id });
        expect((await readHeadline(writer, article.slug)).headline).toBeUndefined();
        expect((await readOnReader(article.slug, undefined)).headline).toBeUndefined();
      });

      if (store === 'redis') {
        it('shares entries: one instance answers from what the other computed', async () => {
          const editor = await loginAs(writer, 'EDITOR');
          const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Computed once' });
          const article = await mutateArticle(editor.admin, 'publishArticle', { id: draft.id });
          expect((await readHeadline(writer, article.slug)).cache).toBe('MISS');
          expect(await readHeadline(reader, article.slug)).toEqual({ headline: 'Computed once', cache: 'HIT' });
        });
      }
    });
  }
});

describe('Redis response store', () => {
  const store = new RedisResponseStore(REDIS_URL, `test-${randomUUID()}:`, 60);
  afterAll(() => store.close());
  const response = (keys: string[]) => ({
    status: 200,
    headers: { 'content-type': 'text/plain' },
    body: Buffer.from('body'),
    keys,
  });

  it('refuses to store an answer computed while a purge went by', async () => {
    const { generation } = await store.get('computed-during-purge');
    await store.purge(['article:unrelated']);
    expect(await store.set('computed-during-purge', response(['article:a']), generation)).toBe(false);
    expect((await store.get('computed-during-purge')).hit).toBeUndefined();
  });

  it('purges exactly the entries tagged with a purged key', async () => {
    const { generation } = await store.get('first');
    await store.set('first', response(['article:1', 'articles']), generation);
    await store.set('second', response(['article:2']), generation);
    await store.purge(['article:1']);
    expect((await store.get('first')).hit).toBeUndefined();
    expect((await store.get('second')).hit?.body.toString()).toBe('body');
  });
});

describe('CDN purge hook', () => {
  let t: TestApp;
  const received: { headers: IncomingHttpHeaders; body: { surrogate_keys: string[] } }[] = [];
  const cdn = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(body) });
      res.end('{"status":"ok"}');
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    const { port } = cdn.address() as AddressInfo;
    t = await createTestApp({ CDN_PURGE_URL: `http://127.0.0.1:${port}/purge`, CDN_PURGE_HEADER: 'Fastly-Key: test-token' });
  });
  afterAll(async () => {
    await t.close();
    cdn.close();
  });

  it('is called with the surrogate keys of a published article', async () => {
    const editor = await loginAs(t, 'EDITOR');
    const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Purge me at the edge' });
    await mutateArticle(editor.admin, 'publishArticle', { id: draft.id });
    const row = await t.prisma.article.findFirstOrThrow({ where: { slug: draft.slug } });

    const deadline = Date.now() + 10_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['fastly-key']).toBe('test-token');
    expect(received[0]!.body.surrogate_keys).toEqual(expect.arrayContaining([`article:${row.id}`, 'articles']));
  });
});
