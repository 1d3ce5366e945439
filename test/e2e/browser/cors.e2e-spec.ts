import type { IncomingMessage } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { ContentFactory } from '../../factories/content.factory.js';
import { loginAs } from '../../utils/auth.js';
import { launchBrowser, screenshot } from '../../utils/browser.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { serveForeignPage, type ForeignPage } from '../../utils/foreign-page.js';

interface CallResult {
  ok: boolean;
  status?: number;
  etag?: string | null;
  requestId?: string | null;
  body?: string;
  error?: string;
}

const LATEST = '{ latestArticles(first: 3) { headline } }';

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
      const result = await call(page, 'GET /graphql', `${t.baseUrl}/graphql?query=${encodeURIComponent(LATEST)}`);
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
        body: JSON.stringify({ operationName: 'Latest', query: `query Latest ${LATEST}` }),
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
