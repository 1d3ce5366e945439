import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { PurgeNotificationListener } from '../../../src/cache/purge-notification.listener.js';
import { RedisResponseStore } from '../../../src/cache/redis-response-store.js';
import { ReadRouter } from '../../../src/database/replicas/read-router.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { TestClock } from '../../utils/clock.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createPartner, feedSettled, readChanges } from '../../utils/syndication.js';
import { replicaUnavailableReason, startStreamingReplica, type StreamingReplica } from '../../utils/streaming-replica.js';
import type { TestDatabase } from '../../utils/test-database.js';
import { waitFor } from '../../utils/wait-for.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const unavailable = replicaUnavailableReason();
if (unavailable) console.warn(`Skipping the read replica tests against a real streaming replica: ${unavailable}`);
const withReplica = unavailable ? describe.skip : describe;

// Every read asks with a query text of its own, so it is a cache miss unless the test repeats it.
let variant = 0;
const TAG_MUTATION = 'mutation($input: CreateTagInput!) { createTag(input: $input) { tag { id } } }';
const PREVIEW_TOKEN_MUTATION = 'mutation($input: CreatePreviewTokenInput!) { createPreviewToken(input: $input) { token } }';
const ARTICLE = (name: string) => `query ${name}($slug: String!) { article(slug: $slug) { headline } }`;

async function read(t: TestApp, slug: string, name = `Fresh${++variant}`) {
  const response = await t.graphql.get({ query: ARTICLE(name), variables: JSON.stringify({ slug }) });
  return { headline: response.body.data?.article?.headline as string | undefined, cache: response.headers.get('x-cache') };
}

async function metric(t: TestApp, line: string): Promise<number> {
  const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
  const found = text.split('\n').find((candidate) => candidate.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

async function publish(editor: LoggedIn, headline: string) {
  const draft = await mutateArticle(editor.admin, 'createArticle', { headline });
  return mutateArticle(editor.admin, 'publishArticle', { id: draft.id });
}

async function publishEdit(editor: LoggedIn, article: any, headline: string) {
  const edited = await mutateArticle(editor.admin, 'updateArticle', {
    id: article.id,
    expectedVersion: article.version,
    headline,
  });
  return mutateArticle(editor.admin, 'publishArticle', { id: edited.id, expectedVersion: edited.version });
}

// Until the app's router has seen the replica replay everything written so far.
async function settled(t: TestApp) {
  const router = t.app.get(ReadRouter);
  await waitFor(async () => router.status().every((replica) => replica.state === 'up'), 30_000, 'the replica to answer');
  expect(await router.awaitReplay(30_000)).toBe(true);
}

withReplica('read replicas (a real streaming replica made with initdb and pg_basebackup)', () => {
  let cluster: StreamingReplica;
  let database: TestDatabase;
  let t: TestApp;
  let editor: LoggedIn;
  const clock = new TestClock();
  const logs: { msg: string }[] = [];
  const purges: string[][] = [];
  const cdn = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      purges.push((JSON.parse(body) as { surrogate_keys: string[] }).surrogate_keys);
      res.end('{"status":"ok"}');
    });
  });
  // Rows written straight to the primary: no purge, so only the server a read went to decides what it shows.
  const writeOnPrimaryOnly = (slug: string, headline: string) =>
    t.prisma.$executeRaw`UPDATE articles SET headline = ${headline} WHERE slug = ${slug}`;

  beforeAll(async () => {
    cluster = await startStreamingReplica();
    database = { url: cluster.primaryUrl, poolSize: 5, singleSession: false, drop: async () => undefined };
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as { msg: string }) });
    t = await createTestApp(
      {
        MIGRATE_ON_START: 'true',
        DATABASE_READ_URLS: cluster.replicaUrl,
        RESPONSE_CACHE: 'memory',
        METRICS_ENABLED: 'true',
        CDN_PURGE_URL: `http://127.0.0.1:${(cdn.address() as AddressInfo).port}/purge`,
        // A purge gives up on a paused replica after this, not the production 2 s.
        CDN_PURGE_REPLAY_WAIT_MS: '100',
      },
      database,
      { logger, clock },
    );
    editor = await loginAs(t, 'EDITOR');
  }, 120_000);
  afterEach(async () => {
    cluster.startReplica();
    await cluster.resumeReplay();
  });
  afterAll(async () => {
    await t?.close();
    cdn.close();
    await cluster?.stop();
  });

  it('serves public reads from the replica, and previews, the change feed and the admin API from the primary', async () => {
    const admin = await loginAs(t, 'ADMIN');
    const { key } = await createPartner(admin, { name: 'Mirror' });
    await feedSettled(t);
    const { cursor } = await readChanges(t, key);
    const article = await publish(editor, 'As replicated');
    const tagSlug = `tag-${randomUUID()}`;
    const { createTag } = await editor.admin.data(TAG_MUTATION, { input: { name: 'Tag as replicated', slug: tagSlug } });
    const draft = await mutateArticle(editor.admin, 'createArticle', {
      headline: 'Draft under review',
      tagIds: [createTag.tag.id],
    });
    const { createPreviewToken } = await editor.admin.data(PREVIEW_TOKEN_MUTATION, { input: { id: draft.id } });
    await settled(t);
    const replicaReads = await metric(t, 'newsdesk_database_reads_total{target="replica"}');

    await cluster.pauseReplay();
    await writeOnPrimaryOnly(article.slug, 'Only on the primary');
    await t.prisma.$executeRaw`UPDATE tags SET name = 'Tag renamed on the primary' WHERE slug = ${tagSlug}`;

    // Public reads, cached or not, see the replica.
    expect(await read(t, article.slug)).toEqual({ headline: 'As replicated', cache: 'MISS' });
    const posted = await t.graphql.post(ARTICLE('Posted'), { slug: article.slug });
    expect(posted.body.data?.article.headline).toBe('As replicated');
    const tag = await t.graphql.get({
      query: 'query($slug: String!) { tag(slug: $slug) { name } }',
      variables: JSON.stringify({ slug: tagSlug }),
    });
    expect(tag.body.data?.tag.name).toBe('Tag as replicated');
    expect(await metric(t, 'newsdesk_database_reads_total{target="replica"}')).toBeGreaterThanOrEqual(replicaReads + 3);

    // What must show the latest commit sees the primary.
    const adminRead = await editor.admin.data('query($id: ID!) { adminArticle(id: $id) { headline } }', { id: article.id });
    expect(adminRead.adminArticle.headline).toBe('Only on the primary');
    const preview = await t.graphql.get({
      query: 'query($slug: String!, $token: String) { article(slug: $slug, previewToken: $token) { headline tags { name } } }',
      variables: JSON.stringify({ slug: draft.slug, token: createPreviewToken.token }),
    });
    expect(preview.body.data?.article).toEqual({
      headline: 'Draft under review',
      tags: [{ name: 'Tag renamed on the primary' }],
    });
    await feedSettled(t);
    const { changes } = await readChanges(t, key, cursor);
    expect(changes.find((change) => change.id === article.id)?.article.headline).toBe('Only on the primary');
  });

  it('never serves nor caches what a paused replica shows once a change is published', async () => {
    let article = await publish(editor, 'Before the edit');
    await settled(t);
    const list = `{ articles(first: 50) { edges { node { headline } } } }`;
    const headlines = async () => {
      const response = await t.graphql.get({ query: list });
      return {
        headlines: response.body.data?.articles.edges.map((edge: any) => edge.node.headline),
        cache: response.headers.get('x-cache'),
      };
    };
    expect(await read(t, article.slug, 'Cached')).toEqual({ headline: 'Before the edit', cache: 'MISS' });
    expect(await read(t, article.slug, 'Cached')).toEqual({ headline: 'Before the edit', cache: 'HIT' });
    expect((await headlines()).headlines).toContain('Before the edit');
    expect((await headlines()).cache).toBe('HIT');

    await cluster.pauseReplay();
    article = await publishEdit(editor, article, 'After the edit');

    expect(await read(t, article.slug, 'Cached')).toEqual({ headline: 'After the edit', cache: 'MISS' });
    expect(await read(t, article.slug, 'Cached')).toEqual({ headline: 'After the edit', cache: 'HIT' });
    const afterEdit = await headlines();
    expect(afterEdit.headlines).toContain('After the edit');
    expect(afterEdit.headlines).not.toContain('Before the edit');
    expect((await headlines()).cache).toBe('HIT');
    expect(await metric(t, 'newsdesk_database_replica_fallbacks_total{reason="lagging"}')).toBeGreaterThan(0);
  });

  it('returns to the replica once it has replayed the change', async () => {
    let article = await publish(editor, 'First version');
    await cluster.pauseReplay();
    article = await publishEdit(editor, article, 'Second version');
    expect((await read(t, article.slug)).headline).toBe('Second version');

    await cluster.resumeReplay();
    await settled(t);
    await cluster.pauseReplay();
    await writeOnPrimaryOnly(article.slug, 'Only on the primary');
    expect((await read(t, article.slug)).headline).toBe('Second version');
  });

  it('holds the CDN purge until the replica has replayed the change', async () => {
    await settled(t);
    await cluster.pauseReplay();
    const article = await publish(editor, 'Purge me at the edge');
    const { id } = await t.prisma.article.findFirstOrThrow({ where: { slug: article.slug } });
    const purged = () => purges.some((keys) => keys.includes(`article:${id}`));

    const failure = await waitFor(
      async () => {
        const [job] = await t.prisma.$queryRaw<{ lastError: string | null }[]>`
          SELECT last_error AS "lastError" FROM jobs
          WHERE name = 'cache.cdn-purge' AND payload->'keys' ? ${`article:${id}`} AND last_error IS NOT NULL`;
        return job?.lastError;
      },
      30_000,
      'a CDN purge attempt to give up waiting for the replica',
    );
    expect(failure).toMatch(/Read replicas have not replayed the change/);
    expect(purged()).toBe(false);

    await cluster.resumeReplay();
    await settled(t);
    // The retry is due after the queue's backoff (2 s ± 20% after a first attempt): move time past it.
    clock.advance(2 * 1200 + 1000);
    await waitFor(async () => purged(), 30_000, 'the CDN purge');
  });

  it('falls back to the primary while the replica is down, says so once, and returns to it', async () => {
    const article = await publish(editor, 'Served whatever happens');
    await settled(t);
    const count = (text: RegExp) => logs.filter((line) => text.test(line.msg)).length;
    const [downBefore, upBefore] = [count(/is unreachable/), count(/is serving public reads/)];

    cluster.stopReplica();
    for (let i = 0; i < 5; i++) expect((await read(t, article.slug)).headline).toBe('Served whatever happens');
    expect(count(/is unreachable/)).toBe(downBefore + 1);
    expect(t.app.get(ReadRouter).status()[0]!.state).toBe('down');

    cluster.startReplica();
    await settled(t);
    expect(count(/is serving public reads/)).toBe(upBefore + 1);
    await cluster.pauseReplay();
    await writeOnPrimaryOnly(article.slug, 'Only on the primary');
    expect((await read(t, article.slug)).headline).toBe('Served whatever happens');
  });

  describe('with a Redis cache shared by instances', () => {
    let writer: TestApp;
    let reader: TestApp;

    beforeAll(async () => {
      const env = {
        DATABASE_READ_URLS: cluster.replicaUrl,
        RESPONSE_CACHE: 'redis',
        REDIS_URL,
        REDIS_KEY_PREFIX: `test-${randomUUID()}:`,
        APP_SECRET: t.config.appSecret!,
      };
      writer = await createTestApp(env, database);
      reader = await createTestApp(env, database);
      // The reader never hears the writer's purges: all it learns of them is what Redis holds.
      await reader.app.get(PurgeNotificationListener).onApplicationShutdown();
    }, 60_000);
    afterAll(async () => {
      await reader?.close();
      await writer?.close();
    });

    it('serves an instance that has not heard of a purge from the primary until the replica replays it', async () => {
      const writerEditor = await loginAs(writer, 'EDITOR');
      let article = await publish(writerEditor, 'Shared before');
      await settled(reader);
      expect(await read(reader, article.slug, 'Shared')).toEqual({ headline: 'Shared before', cache: 'MISS' });
      expect(await read(reader, article.slug, 'Shared')).toEqual({ headline: 'Shared before', cache: 'HIT' });

      await cluster.pauseReplay();
      article = await publishEdit(writerEditor, article, 'Shared after');
      expect(await read(reader, article.slug, 'Shared')).toEqual({ headline: 'Shared after', cache: 'MISS' });
      expect(await read(writer, article.slug, 'Shared')).toEqual({ headline: 'Shared after', cache: 'HIT' });
    });
  });
});

describe('Redis response store replay floor', () => {
  let store: RedisResponseStore;
  beforeAll(() => void (store = new RedisResponseStore(REDIS_URL, `test-${randomUUID()}:`, 60)));
  afterAll(() => store.close());

  it('keeps the highest floor of its purges and clears, beyond what a double holds exactly', async () => {
    expect((await store.get('any')).replayFloor).toBeUndefined();
    const high = 2n ** 60n + 1n;
    await store.purge(['article:a'], high);
    await store.purge(['article:b'], high - 1n);
    await store.purge(['article:c']);
    expect((await store.get('any')).replayFloor).toBe(high);
    await store.clear(high + 2n ** 33n);
    expect((await store.get('any')).replayFloor).toBe(high + 2n ** 33n);
  });
});
