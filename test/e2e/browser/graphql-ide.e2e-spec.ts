import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ContentFactory } from '../../factories/content.factory.js';
import { launchBrowser, screenshot } from '../../utils/browser.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { ensureIdeBuilt } from '../../utils/ide-assets.js';

// GraphiQL at /graphql in a Chromium that may reach nothing but this app: every other request is
// aborted and recorded, and the test fails if one was even attempted.
describe('GraphiQL at /graphql, offline', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  const requested: string[] = [];
  const blocked: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    ensureIdeBuilt();
    t = await createTestApp();
    await new ContentFactory(t.prisma).article({ headline: 'Found with GraphiQL' });
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
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

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
