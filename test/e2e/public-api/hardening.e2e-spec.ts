import { createHash } from 'node:crypto';
import { ContentFactory } from '../../factories/content.factory.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { RESPONSE_STORE, type ResponseStore } from '../../../src/cache/response-store.js';

// Booted once for the file: the hardening tests and the conditional GETs without the response cache
// (the test default) both run on it; its depth and complexity limits are far above those GETs' queries.
let hardened: TestApp;
beforeAll(async () => {
  hardened = await createTestApp({ GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_COMPLEXITY: '1500' });
});
afterAll(() => hardened.close());

describe('public API: hardening and HTTP behaviour', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = hardened;
    await new ContentFactory(t.prisma).article({ headline: 'Hardening subject', slug: 'hardening-subject' });
  });

  it('rejects a query deeper than the limit with status 400 and a clear message', async () => {
    const deep = `{ articles { edges { node { tags { articles { edges { node { slug } } } } } } } }`;
    const response = await t.graphql.post(deep);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toMatch(/exceeds maximum operation depth of 6/);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects a query over the complexity budget with status 400', async () => {
    const wide = `{ articles(first: 100) { edges { node { slug headline dek teaser authors { name slug bio } tags { name slug } section { name } } } } }`;
    const response = await t.graphql.post(wide);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxComplexity: 1500 });
    expect((await t.graphql.post(`{ articles(first: 10) { edges { node { slug } } } }`)).status).toBe(200);
  });

  it('caps the page size and rejects forged cursors as bad input', async () => {
    const tooMany = await t.graphql.post(`{ articles(first: 101) { edges { node { slug } } } }`);
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(tooMany.body.errors?.[0]?.extensions?.issues).toEqual([{ path: 'first', message: 'must be at most 100' }]);
    const forged = await t.graphql.post(`{ articles(after: "bm90IGEgY3Vyc29y") { edges { node { slug } } } }`);
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'after', message: 'is not a valid cursor' }],
    });
    const both = await t.graphql.post(`{ articles(first: 1, last: 1) { edges { node { slug } } } }`);
    expect(both.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers plain GET requests from any client (no preflight header) with CDN cache headers', async () => {
    const response = await t.graphql.get({ query: '{ article(slug: "hardening-subject") { headline } }' });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ article: { headline: 'Hardening subject' } });
    expect(response.headers.get('cache-control')).toBe('max-age=60, public');
  });

  it('supports Automatic Persisted Queries over POST and GET', async () => {
    const query = '{ article(slug: "hardening-subject") { slug } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    const unknown = await t.graphql.get({ extensions });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = await fetch(t.graphql.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions }),
    });
    expect(register.status).toBe(200);
    const byHash = await t.graphql.get({ extensions });
    expect(byHash.body.data).toEqual({ article: { slug: 'hardening-subject' } });
  });

  it('tags every response with a request id, and echoes a sane incoming one', async () => {
    const fresh = await t.graphql.post('{ __typename }');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await t.graphql.post('{ __typename }', undefined, { 'x-request-id': 'edge-abc.123' });
    expect(echoed.headers.get('x-request-id')).toBe('edge-abc.123');
  });

  it('turns unexpected failures into INTERNAL_SERVER_ERROR with a request id and no SQL or stack', async () => {
    await t.prisma.$executeRawUnsafe('ALTER TABLE sections RENAME COLUMN name TO name_broken');
    try {
      const response = await t.graphql.post('{ sections { name } }');
      const error = response.body.errors?.[0];
      expect(error?.message).toBe('Internal server error');
      expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error?.extensions?.requestId).toBe(response.headers.get('x-request-id'));
      expect(JSON.stringify(response.body)).not.toMatch(/name_broken|SELECT|stacktrace|at .*\.js/);
    } finally {
      await t.prisma.$executeRawUnsafe('ALTER TABLE sections RENAME COLUMN name_broken TO name');
    }
  });
});

describe('public API: production settings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'false' });
  });
  afterAll(() => t.close());

  it('refuses introspection when disabled and never includes stack traces', async () => {
    const response = await t.graphql.post('{ __schema { types { name } } }');
    expect(response.body.errors?.[0]?.message).toMatch(/introspection/i);
    const bad = await t.graphql.post('{ nope }');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain('stacktrace');
  });
});

const STRONG_ETAG = /^"[A-Za-z0-9_-]{43}"$/;
const query = (headline: string) => `{ articles(first: 5, filter: { search: "${headline}" }) { edges { node { headline } } } }`;

// GraphQL over GET is what browsers and CDNs cache; revalidating must cost a 304, not the whole body.
// fetch() sends "Cache-Control: no-cache" with every conditional request, as browsers do.
describe.each([
  ['without the response cache', 'off'],
  ['with the response cache', 'memory'],
])('conditional GET of /graphql %s', (_name, cache) => {
  let t: TestApp;
  let factory: ContentFactory;
  const url = (q: string) => `${t.graphql.endpoint}?query=${encodeURIComponent(q)}`;

  beforeAll(async () => {
    t = cache === 'off' ? hardened : await createTestApp({ RESPONSE_CACHE: cache });
    factory = new ContentFactory(t.prisma);
  });
  afterAll(async () => {
    if (t !== hardened) await t.close();
  });

  it('sends a strong ETag and answers If-None-Match with it by 304, without a body', async () => {
    // Not ASCII: the ETag and Content-Length are of the UTF-8 bytes sent, not of a string's length.
    await factory.article({ headline: `Revalidated ${cache} in Zürich — “quoted”` });
    const first = await fetch(url(query(`Revalidated ${cache}`)));
    const bytes = Buffer.from(await first.clone().arrayBuffer());
    const body = await first.text();
    expect(body).toContain(`Revalidated ${cache} in Zürich — “quoted”`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(STRONG_ETAG);
    expect(etag).toBe(`"${createHash('sha256').update(bytes).digest('base64url')}"`);
    expect(first.headers.get('content-length')).toBe(String(bytes.length));
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await fetch(url(query(`Revalidated ${cache}`)), { headers: { 'if-none-match': ifNoneMatch } });
      expect([ifNoneMatch, again.status]).toEqual([ifNoneMatch, 304]);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toMatch(/public/);
      if (cache === 'memory') expect(again.headers.get('x-cache')).toBe('HIT');
    }
    const stale = await fetch(url(query(`Revalidated ${cache}`)), { headers: { 'if-none-match': '"stale"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(body);
  });

  it('answers 200 with a new ETag once the answer changes', async () => {
    const q = `{ article(slug: "conditional-${cache}") { headline } }`;
    const missing = await fetch(url(q));
    const etag = missing.headers.get('etag')!;
    expect(await missing.json()).toEqual({ data: { article: null } });
    await factory.article({ slug: `conditional-${cache}`, headline: 'Now it exists' });
    // Factories write past the purge; the cache (when on) is cleared as a missed purge would be.
    if (cache === 'memory') await t.app.get<ResponseStore>(RESPONSE_STORE).clear();
    const changed = await fetch(url(q), { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toMatch(STRONG_ETAG);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.json()).toEqual({ data: { article: { headline: 'Now it exists' } } });
  });

  it('sends no ETag on POST, which is never cached', async () => {
    const posted = await t.graphql.post('{ latestArticles(first: 1) { id } }');
    expect(posted.status).toBe(200);
    expect(posted.headers.get('etag') ?? '').not.toMatch(STRONG_ETAG);
  });
});
