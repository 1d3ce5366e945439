import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import type { IncomingMessage } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { ContentFactory } from '../../factories/content.factory.js';
import { launchBrowser, screenshot } from '../../utils/browser.js';
import { serveForeignPage, type ForeignPage } from '../../utils/foreign-page.js';

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

// The exact CORS headers, over plain HTTP; the Chromium describe below checks that a real browser accepts them.
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

interface CallResult {
  ok: boolean;
  status?: number;
  etag?: string | null;
  requestId?: string | null;
  body?: string;
  error?: string;
}

const BROWSER_LATEST = '{ latestArticles(first: 3) { headline } }';

// A page on another origin calls the API from a real Chromium. No page.route() here: once Playwright
// intercepts requests it answers CORS preflights itself, permissively, and this test would prove nothing.
describe('the API from a page on another origin, in Chromium', () => {
  let browser: Browser;
  let foreign: ForeignPage;
  const requested: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    foreign = await serveForeignPage();
  });
  afterAll(async () => {
    await browser?.close();
    await foreign?.close();
    // Everything the browser asked for stayed on this machine.
    expect(requested.filter((url) => !url.startsWith('http://127.0.0.1:'))).toEqual([]);
  });

  async function openPage(): Promise<Page> {
    const page = await browser.newPage();
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(foreign.origin);
    return page;
  }

  const call = (page: Page, label: string, url: string, init: RequestInit = {}) =>
    page.evaluate(([l, u, i]) => (globalThis as any).call(l, u, i), [label, url, init] as const) as Promise<CallResult>;

  // What reached the API, method and path, so the test sees the preflights the browser sent.
  function recordServerRequests(t: TestApp): string[] {
    const seen: string[] = [];
    t.app.getHttpServer().on('request', (req: IncomingMessage) => seen.push(`${req.method} ${req.url?.split('?')[0]}`));
    return seen;
  }

  describe('by default', () => {
    let t: TestApp;
    let page: Page;
    let seen: string[];

    beforeAll(async () => {
      t = await createTestApp();
      await new ContentFactory(t.prisma).article({ headline: 'Read from another origin' });
      seen = recordServerRequests(t);
      page = await openPage();
    });
    afterAll(async () => {
      await screenshot(page, 'cors-public-default');
      await page.close();
      await t.close();
    });

    it('reads /graphql with GET, and the ETag and request id it was sent', async () => {
      const result = await call(page, 'GET /graphql', `${t.baseUrl}/graphql?query=${encodeURIComponent(BROWSER_LATEST)}`);
      expect(result).toMatchObject({ ok: true, status: 200 });
      expect(JSON.parse(result.body!).data.latestArticles[0].headline).toBe('Read from another origin');
      expect(result.etag).toMatch(/^"[\w-]{43}"$/);
      expect(result.requestId).toBeTruthy();
      expect(seen).not.toContain('OPTIONS /graphql'); // a "simple" request: no preflight needed
    });

    it('POSTs JSON with Apollo Client’s headers to /graphql, after a preflight the browser accepts', async () => {
      const result = await call(page, 'POST /graphql', `${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          'apollographql-client-name': 'web',
          'apollographql-client-version': '1.0.0',
          'x-apollo-operation-name': 'Latest',
        },
        body: JSON.stringify({ operationName: 'Latest', query: `query Latest ${BROWSER_LATEST}` }),
      });
      expect(result).toMatchObject({ ok: true, status: 200 });
      expect(JSON.parse(result.body!).data.latestArticles).toHaveLength(1);
      expect(seen).toEqual(expect.arrayContaining(['OPTIONS /graphql', 'POST /graphql']));
    });

    it('reads a feed', async () => {
      const result = await call(page, 'GET /feeds/feed.json', `${t.baseUrl}/feeds/feed.json`);
      expect(result).toMatchObject({ ok: true, status: 200 });
      expect(JSON.parse(result.body!).items.map((item: any) => item.title)).toEqual(['Read from another origin']);
    });

    it('is refused the admin API', async () => {
      const editor = await loginAs(t, 'EDITOR');
      const result = await call(page, 'POST /admin/graphql', `${t.baseUrl}/admin/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${editor.accessToken}` },
        body: JSON.stringify({ query: '{ me { role } }' }),
      });
      expect(result.ok).toBe(false);
      expect(result.error).toMatch(/Failed to fetch/);
    });
  });

  describe('with ADMIN_CORS_ORIGINS naming the page', () => {
    let t: TestApp;
    let page: Page;

    beforeAll(async () => {
      t = await createTestApp({ ADMIN_CORS_ORIGINS: foreign.origin });
      page = await openPage();
    });
    afterAll(async () => {
      await screenshot(page, 'cors-admin-allowed');
      await page.close();
      await t.close();
    });

    it('calls the admin API with credentials', async () => {
      const editor = await loginAs(t, 'EDITOR');
      const result = await call(page, 'POST /admin/graphql (credentials)', `${t.baseUrl}/admin/graphql`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${editor.accessToken}` },
        body: JSON.stringify({ query: '{ me { role } }' }),
      });
      expect(result).toMatchObject({ ok: true, status: 200 });
      expect(JSON.parse(result.body!)).toEqual({ data: { me: { role: 'EDITOR' } } });
    });
  });
});
