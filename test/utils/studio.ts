import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { TEST_PASSWORD } from './auth.js';
import { screenshot } from './browser.js';
import type { TestApp } from './create-app.js';

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

export interface StudioPage {
  context: BrowserContext;
  page: Page;
}

/** A browser context of its own (its own cookies: one person) on the Studio of this app. */
export async function openStudio(t: TestApp, browser: Browser, options: BrowserContextOptions = {}): Promise<StudioPage> {
  const context = await browser.newContext({ baseURL: t.baseUrl, viewport: { width: 1366, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto('/studio/');
  return { context, page };
}

/**
 * Media URLs name the configured public origin (localhost:3000 by default), but a test app listens on a
 * port of its own: the browser's requests for media go to this app instead, so pictures load.
 */
export async function serveMediaFromApp(t: TestApp, context: BrowserContext): Promise<void> {
  await context.route(/^http:\/\/localhost:3000\/media\//, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${t.baseUrl}${url.pathname}${url.search}` });
    await route.fulfill({ response });
  });
}

/** Signs in with the keyboard only: Tab into the fields, type, Enter. */
export async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.getByLabel('Email').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's serious and critical findings on the page as it is now. Evaluated through the DevTools
 * protocol, which the Studio's CSP (script-src 'self') does not apply to, so the page keeps its CSP.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(`${await axeSource};void 0`);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as (AxeViolation & {
    nodes: { target: string[]; html?: string }[];
  })[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
}

/** Every screen: no serious or critical axe finding, and a screenshot under test-results/screenshots. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, `studio-${name}`);
  expect(await seriousViolations(page)).toEqual([]);
}
