import { RESPONSE_STORE, type ResponseStore } from '../../../src/cache/response-store.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

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
    t = await createTestApp({ RESPONSE_CACHE: cache });
    factory = new ContentFactory(t.prisma);
  });
  afterAll(() => t.close());

  it('sends a strong ETag and answers If-None-Match with it by 304, without a body', async () => {
    await factory.article({ headline: `Revalidated ${cache}` });
    const first = await fetch(url(query(`Revalidated ${cache}`)));
    const body = await first.text();
    expect(body).toContain(`Revalidated ${cache}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(STRONG_ETAG);

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
