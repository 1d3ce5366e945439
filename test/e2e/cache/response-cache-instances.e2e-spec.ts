import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RedisResponseStore } from '../../../src/cache/redis-response-store.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { onPostgres } from '../../utils/on-postgres.js';
import { waitFor } from '../../utils/wait-for.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ARTICLE = 'query($slug: String!) { article(slug: $slug) { headline } }';
// Two instances need two sessions on one database, which the embedded test database cannot give.
const onServer = onPostgres(describe, 'response cache across two instances');

async function read(t: TestApp, slug: string) {
  const response = await t.graphql.get({ query: ARTICLE, variables: JSON.stringify({ slug }) });
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
          await waitFor(async () => (await read(reader, slug)).headline === expected, 10_000, `the reader's purge of ${slug}`);
        }
        return read(reader, slug);
      }

      it('shows an edit made on one instance on the next read from the other', async () => {
        const editor = await loginAs(writer, 'EDITOR');
        const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Version one' });
        let article = await mutateArticle(editor.admin, 'publishArticle', { id: draft.id });
        expect((await read(reader, article.slug)).headline).toBe('Version one');
        expect((await read(reader, article.slug)).cache).toBe('HIT');

        for (const headline of ['Version two', 'Version three', 'Version four']) {
          article = await mutateArticle(editor.admin, 'updateArticle', {
            id: article.id,
            expectedVersion: article.version,
            headline,
          });
          article = await mutateArticle(editor.admin, 'publishArticle', { id: article.id, expectedVersion: article.version });
          expect((await read(writer, article.slug)).headline).toBe(headline);
          expect((await readOnReader(article.slug, headline)).headline).toBe(headline);
        }

        await mutateArticle(editor.admin, 'unpublishArticle', { id: article.id });
        expect((await read(writer, article.slug)).headline).toBeUndefined();
        expect((await readOnReader(article.slug, undefined)).headline).toBeUndefined();
      });

      if (store === 'redis') {
        it('shares entries: one instance answers from what the other computed', async () => {
          const editor = await loginAs(writer, 'EDITOR');
          const draft = await mutateArticle(editor.admin, 'createArticle', { headline: 'Computed once' });
          const article = await mutateArticle(editor.admin, 'publishArticle', { id: draft.id });
          expect((await read(writer, article.slug)).cache).toBe('MISS');
          expect(await read(reader, article.slug)).toEqual({ headline: 'Computed once', cache: 'HIT' });
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
