import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { ensureIdeBuilt } from '../../utils/ide-assets.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ContentFactory } from '../../factories/content.factory.js';
import { launchBrowser, screenshot } from '../../utils/browser.js';

// What a browser's address bar sends, and what GraphQL clients send.
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const CLIENT_ACCEPT = 'application/graphql-response+json, application/json;q=0.9';
const QUERY = `?query=${encodeURIComponent('{ latestArticles(first: 1) { id } }')}`;

const get = (t: TestApp, path: string, accept: string) => fetch(`${t.baseUrl}${path}`, { headers: { accept } });

// Outside production (the default), over HTTP and in a real browser: one app for both (booting one
// costs seconds). The describe after it boots an app per setting that turns the IDE off or on.
describe('the GraphQL IDE outside production (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    ensureIdeBuilt();
    t = await createTestApp();
    // What the browser test finds with GraphiQL.
    await new ContentFactory(t.prisma).article({ headline: 'Found with GraphiQL' });
  });
  afterAll(() => t?.close());

  describe('over HTTP', () => {
    it('gives browsers GraphiQL under a strict CSP, with every file from this server', async () => {
      for (const path of ['/graphql', '/admin/graphql']) {
        const page = await get(t, path, BROWSER_ACCEPT);
        expect([path, page.status]).toEqual([path, 200]);
        expect(page.headers.get('content-type')).toMatch(/^text\/html/);
        const csp = page.headers.get('content-security-policy')!;
        expect(csp).toMatch(/default-src 'none'/);
        expect(csp).toMatch(/script-src 'self'(;|$)/);
        expect(csp).not.toMatch(/unsafe-eval|https?:/);
        const html = await page.text();
        expect(html).toContain(`data-endpoint="${path}"`);
        // No address outside this origin, and no inline script.
        expect(html).not.toMatch(/https?:\/\//);
        expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
        for (const [, asset] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
          const response = await fetch(`${t.baseUrl}${asset}`);
          expect([asset, response.status]).toEqual([asset, 200]);
        }
      }
    });

    it('serves the bundle and Monaco’s workers with their types, and nothing else under /ide/assets', async () => {
      for (const [file, type] of [
        ['graphiql.js', /javascript/],
        ['graphiql.css', /css/],
        ['editor.worker.js', /javascript/],
        ['json.worker.js', /javascript/],
        ['graphql.worker.js', /javascript/],
      ] as const) {
        const response = await fetch(`${t.baseUrl}/ide/assets/${file}`);
        expect([file, response.status]).toEqual([file, 200]);
        expect(response.headers.get('content-type')).toMatch(type);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      }
      for (const path of ['/ide/assets/.build-stamp', '/ide/assets/..%2Fmain.js', '/ide/assets/missing.js']) {
        expect([path, (await fetch(`${t.baseUrl}${path}`)).status]).toEqual([path, 404]);
      }
    });

    it('leaves GraphQL requests alone, whatever they accept', async () => {
      // The same answer as a POST gives: the app's one article.
      const posted = (await t.graphql.post('{ latestArticles(first: 1) { id } }')).body;
      expect(posted).toEqual({ data: { latestArticles: [{ id: expect.any(String) }] } });
      for (const accept of [CLIENT_ACCEPT, '*/*']) {
        const response = await get(t, `/graphql${QUERY}`, accept);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/json/);
        expect(await response.json()).toEqual(posted);
      }
    });
  });

  // GraphiQL at /graphql in a Chromium that may reach nothing but this app: every other request is
  // aborted and recorded, and the test fails if one was even attempted.
  describe('GraphiQL at /graphql, offline', () => {
    let browser: Browser;
    let context: BrowserContext;
    const requested: string[] = [];
    const blocked: string[] = [];
    const problems: string[] = [];

    beforeAll(async () => {
      browser = await launchBrowser();
      context = await browser.newContext();
      await context.route('**/*', (route) => {
        const url = route.request().url();
        requested.push(url);
        if (url.startsWith(`${t.baseUrl}/`)) return route.continue();
        blocked.push(url);
        return route.abort('internetdisconnected');
      });
    });
    afterAll(() => browser?.close());

    async function open(path: string): Promise<Page> {
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`page error: ${error.message.slice(0, 300)}`));
      page.on('console', (message) => {
        // Chromium reports CSP violations, failed loads and script errors on the console.
        if (message.type() === 'error') problems.push(`console: ${message.text().slice(0, 300)}`);
      });
      const response = await page.goto(`${t.baseUrl}${path}`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
      return page;
    }

    it('runs a query typed into the editor and shows the result', async () => {
      const page = await open('/graphql');
      const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
      await editor.waitFor();
      // The schema arrived (the docs explorer needs it) before typing, so completion does not interfere.
      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText('{ latestArticles(first: 1) { headline } }');
      await page.locator('.graphiql-execute-button').click();
      const response = page.locator('.graphiql-response');
      await response.getByText('Found with GraphiQL').waitFor();
      expect(await response.innerText()).toContain('"latestArticles"');
      await screenshot(page, 'graphiql-public-query');

      expect(blocked).toEqual([]);
      expect(requested.length).toBeGreaterThan(3);
      expect(requested.some((url) => url.endsWith('.worker.js'))).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('serves the same IDE for the admin endpoint, pointed at it', async () => {
      const page = await open('/admin/graphql');
      await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
      await page.getByText('mutation Login').first().waitFor();
      await screenshot(page, 'graphiql-admin');
      expect(blocked).toEqual([]);
      // Without a token the admin schema is not shown: its introspection is answered 401.
      expect(problems.filter((problem) => !problem.includes('status of 401'))).toEqual([]);
      await page.close();
    });
  });
});

// Who gets the IDE, over HTTP, when a setting says otherwise.
describe('the GraphQL IDE over HTTP', () => {
  describe.each([
    ['in production', { NODE_ENV: 'production' }],
    ['with GRAPHQL_IDE=false', { GRAPHQL_IDE: 'false' }],
  ])('%s', (_name, env) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(env);
    });
    afterAll(() => t.close());

    it('serves no IDE and no landing page, only GraphQL', async () => {
      for (const path of ['/graphql', '/admin/graphql']) {
        const page = await get(t, path, BROWSER_ACCEPT);
        expect(page.headers.get('content-type') ?? '').not.toMatch(/html/);
        expect(await page.text()).not.toMatch(/<html/i);
      }
      expect((await fetch(`${t.baseUrl}/ide/assets/graphiql.js`)).status).toBe(404);
      expect((await get(t, `/graphql${QUERY}`, CLIENT_ACCEPT)).status).toBe(200);
    });
  });

  it('can be turned on in production with GRAPHQL_IDE=true', async () => {
    ensureIdeBuilt();
    const t = await createTestApp({ NODE_ENV: 'production', GRAPHQL_IDE: 'true' });
    try {
      const page = await get(t, '/graphql', BROWSER_ACCEPT);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('id="graphiql"');
    } finally {
      await t.close();
    }
  });
});
