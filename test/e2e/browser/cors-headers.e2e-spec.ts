import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

const PAGE = 'https://app.example.com';
const LATEST = '{ latestArticles(first: 2) { headline } }';
// What Apollo Client, urql and graphql-request put on a cross-origin POST, and a partner's key.
const CLIENT_HEADERS = [
  'content-type',
  'accept',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-partner-key',
];

function preflight(t: TestApp, path: string, origin: string, headers = CLIENT_HEADERS, method = 'POST') {
  return fetch(`${t.baseUrl}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers.join(',') },
  });
}

const listOf = (value: string | null) => (value ?? '').split(',').map((item) => item.trim().toLowerCase());
const graphqlGet = (query: string) => `/graphql?query=${encodeURIComponent(query)}`;

// The exact CORS headers, over plain HTTP; cors.e2e-spec.ts checks that a real browser accepts them.
describe('CORS headers', () => {
  describe('by default', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('answers a preflight of /graphql with 204, any origin, GET and POST and the GraphQL clients’ headers', async () => {
      const response = await preflight(t, '/graphql', PAGE);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(listOf(response.headers.get('access-control-allow-methods'))).toEqual(['get', 'post']);
      expect(listOf(response.headers.get('access-control-allow-headers'))).toEqual(expect.arrayContaining(CLIENT_HEADERS));
      expect(response.headers.get('access-control-max-age')).toBe('86400');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary') ?? '').not.toMatch(/origin/i);
    });

    it('lets any origin read every public surface, and exposes the headers a front-end reads', async () => {
      for (const path of [graphqlGet(LATEST), '/feeds/feed.json', '/feeds/rss.xml', '/sitemap.xml', '/sitemaps/news.xml']) {
        const response = await fetch(`${t.baseUrl}${path}`, { headers: { origin: PAGE } });
        expect([path, response.status]).toEqual([path, 200]);
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        expect(listOf(response.headers.get('access-control-expose-headers'))).toEqual(
          expect.arrayContaining(['etag', 'x-request-id', 'x-cache', 'retry-after']),
        );
      }
      // Errors too, so a page can tell "not found" or "key required" from a network failure.
      for (const [path, status] of [
        ['/media/2026/12/missing.jpg', 404],
        ['/syndication/changes', 401],
      ] as const) {
        const response = await fetch(`${t.baseUrl}${path}`, { headers: { origin: PAGE } });
        expect([path, response.status, response.headers.get('access-control-allow-origin')]).toEqual([path, status, '*']);
      }
      expect((await preflight(t, '/syndication/changes', PAGE, ['x-partner-key'], 'GET')).status).toBe(204);
    });

    it('gives no origin the admin API, and none of the operational routes', async () => {
      for (const path of ['/admin/graphql', '/admin/media', '/admin/newsletter/subscribers.csv']) {
        const response = await preflight(t, path, PAGE, ['content-type', 'authorization']);
        expect([path, response.headers.get('access-control-allow-origin')]).toEqual([path, null]);
        expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      }
      const editor = await loginAs(t, 'EDITOR');
      const posted = await editor.admin.post('{ me { role } }', undefined, { origin: PAGE });
      expect(posted.body.errors).toBeUndefined();
      expect(posted.headers.get('access-control-allow-origin')).toBeNull();
      for (const path of ['/health', '/health/ready']) {
        const response = await fetch(`${t.baseUrl}${path}`, { headers: { origin: PAGE } });
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
      }
    });
  });

  describe('with CORS_ORIGINS and ADMIN_CORS_ORIGINS', () => {
    const SITE = 'https://www.example.com';
    const STUDIO = 'https://studio.example.com';
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({
        CORS_ORIGINS: `${SITE},${PAGE}`,
        ADMIN_CORS_ORIGINS: STUDIO,
        RESPONSE_CACHE: 'memory',
      });
    });
    afterAll(() => t.close());

    it('reflects only listed origins on public reads, with Vary: Origin', async () => {
      const listed = await preflight(t, '/graphql', SITE);
      expect(listed.status).toBe(204);
      expect(listed.headers.get('access-control-allow-origin')).toBe(SITE);
      expect(listOf(listed.headers.get('vary'))).toContain('origin');
      const other = await preflight(t, '/graphql', 'https://evil.example.net');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();

      const feed = await fetch(`${t.baseUrl}/feeds/feed.json`, { headers: { origin: PAGE } });
      expect(feed.headers.get('access-control-allow-origin')).toBe(PAGE);
      expect(listOf(feed.headers.get('vary'))).toEqual(expect.arrayContaining(['origin', 'x-partner-key']));
    });

    it('answers cache hits with the CORS headers of the request in hand, never those stored with the entry', async () => {
      const url = `${t.baseUrl}${graphqlGet('{ latestArticles(first: 3) { slug } }')}`;
      const read = (origin: string) => fetch(url, { headers: { origin } });
      const first = await read(SITE);
      expect([first.headers.get('x-cache'), first.headers.get('access-control-allow-origin')]).toEqual(['MISS', SITE]);
      const second = await read(PAGE);
      expect([second.headers.get('x-cache'), second.headers.get('access-control-allow-origin')]).toEqual(['HIT', PAGE]);
      const stranger = await read('https://evil.example.net');
      expect([stranger.headers.get('x-cache'), stranger.headers.get('access-control-allow-origin')]).toEqual(['HIT', null]);
      for (const response of [first, second, stranger]) {
        expect(listOf(response.headers.get('vary')).filter((name) => name === 'origin')).toHaveLength(1);
      }
      expect(await second.text()).toBe(await first.text());
    });

    it('lets ADMIN_CORS_ORIGINS call the admin API with credentials, and no other origin', async () => {
      for (const path of ['/admin/graphql', '/admin/media']) {
        const response = await preflight(t, path, STUDIO, ['content-type', 'authorization', 'apollo-require-preflight']);
        expect(response.status).toBe(204);
        expect(response.headers.get('access-control-allow-origin')).toBe(STUDIO);
        expect(response.headers.get('access-control-allow-credentials')).toBe('true');
        expect(listOf(response.headers.get('access-control-allow-headers'))).toEqual(
          expect.arrayContaining(['content-type', 'authorization']),
        );
        expect(listOf(response.headers.get('vary'))).toContain('origin');
        expect((await preflight(t, path, SITE)).headers.get('access-control-allow-origin')).toBeNull();
      }
      const editor = await loginAs(t, 'EDITOR');
      const posted = await editor.admin.post('{ me { role } }', undefined, { origin: STUDIO });
      expect(posted.body.data?.me.role).toBe('EDITOR');
      expect(posted.headers.get('access-control-allow-origin')).toBe(STUDIO);
      expect(posted.headers.get('access-control-allow-credentials')).toBe('true');
      // The public endpoint stays credential-free even for the studio's origin.
      expect((await preflight(t, '/graphql', STUDIO)).headers.get('access-control-allow-credentials')).toBeNull();
    });
  });
});
