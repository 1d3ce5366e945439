import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Request } from 'playwright-core';
import { TEST_PASSWORD } from './auth.js';
import { screenshot } from './browser.js';
import type { TestApp } from './create-app.js';

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

// The requests each Studio page has under way, so a screen counts as loaded the moment the last one
// ends rather than after networkidle's fixed 500 ms of silence (paid on every screen otherwise).
interface RequestsUnderWay {
  requests: Set<Request>;
  /** Resolves when the next request ends (finished or failed). */
  nextEnd(): Promise<void>;
}
const requestsUnderWay = new WeakMap<Page, RequestsUnderWay>();

function trackRequests(page: Page): void {
  const requests = new Set<Request>();
  let ended: (() => void)[] = [];
  const end = (request: Request) => {
    requests.delete(request);
    const waiting = ended;
    ended = [];
    for (const resolve of waiting) resolve();
  };
  page.on('request', (request) => requests.add(request));
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  requestsUnderWay.set(page, { requests, nextEnd: () => new Promise((resolve) => ended.push(resolve)) });
}

export interface StudioPage {
  context: BrowserContext;
  page: Page;
}

export interface OpenStudioOptions extends BrowserContextOptions {
  /**
   * Signed in as this user before the Studio loads, through the API's login (the refresh cookie lands in
   * the context's cookie jar, as the form's login leaves it): for tests whose point is not the sign-in
   * form, which keyboard-only tests of its own cover. The Studio opens on its Articles screen.
   */
  signedInAs?: string;
}

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;

/** A browser context of its own (its own cookies: one person) on the Studio of this app. */
export async function openStudio(t: TestApp, browser: Browser, options: OpenStudioOptions = {}): Promise<StudioPage> {
  const { signedInAs, ...contextOptions } = options;
  const context = await browser.newContext({ baseURL: t.baseUrl, viewport: { width: 1366, height: 900 }, ...contextOptions });
  // The page's timers run as usual; autosaveNow() moves its time past the autosave delay at once.
  await context.clock.install();
  if (signedInAs) {
    const response = await context.request.post('/admin/graphql', {
      data: { query: LOGIN, variables: { input: { email: signedInAs, password: TEST_PASSWORD, session: 'COOKIE' } } },
    });
    const body = await response.json();
    if (!body.data?.login) throw new Error(`Signing in ${signedInAs} failed: ${JSON.stringify(body.errors)}`);
  }
  const page = await context.newPage();
  trackRequests(page);
  await page.goto('/studio/');
  if (signedInAs) await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
  return { context, page };
}

// The editor's pause before an autosave (AUTOSAVE_DELAY_MS in studio/src/editor/use-article-editor.ts).
const AUTOSAVE_DELAY_MS = 1500;

/**
 * The autosave of an edit just made, without waiting out its delay: once the editor shows the edit as
 * unsaved (its autosave timer is set), the page's clock jumps past the delay, as if the writer paused.
 * The save itself is the editor's own (a test still waits for what it leads to).
 */
export async function autosaveNow(page: Page): Promise<void> {
  const unsaved = page.getByText('Unsaved changes', { exact: true });
  await unsaved.waitFor();
  // The timer of the last keystroke is set when React runs its effect, which may come just after the
  // state first reads "Unsaved changes" (an earlier keystroke's): jump again until a save has begun.
  for (let jump = 0; jump < 20; jump++) {
    await page.clock.fastForward(AUTOSAVE_DELAY_MS);
    const started = await unsaved.waitFor({ state: 'hidden', timeout: 250 }).then(
      () => true,
      () => false,
    );
    if (started) return;
  }
  throw new Error('The editor did not autosave: it still shows "Unsaved changes"');
}

/**
 * Opens a screen of the Studio already loaded in this page, as its links do (wouter follows the History
 * API): no reload of the app, its scripts and its session for each screen. A screen that is already
 * open is loaded afresh instead (its state, such as the list's filters, starts over). Waits for its h1.
 */
export async function goTo(page: Page, path: string, heading: string): Promise<void> {
  const to = `/studio${path}`;
  const moved = await page.evaluate(async (to) => {
    // Runs in the page (DOM types are not in the test's lib).
    const window = globalThis as any;
    if (new URL(to, window.location.href).pathname === window.location.pathname) return false;
    window.history.pushState(null, '', to);
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    // React renders the new route in a microtask: after a frame the previous screen (and its h1, which
    // the next one may share) is gone, so the wait below is for the new one.
    await new Promise((done) => window.requestAnimationFrame(done));
    return true;
  }, to);
  if (!moved) await page.goto(to);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
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
  // Once per document: several checks of one screen (no navigation between them) share it.
  if (!(await page.evaluate(`typeof axe !== 'undefined'`))) await page.evaluate(`${await axeSource};void 0`);
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
  await settled(page);
  await screenshot(page, `studio-${name}`);
  expect(await seriousViolations(page)).toEqual([]);
}

/**
 * Waits until the page has no request under way across two animation frames: whatever the last
 * response set off (a render, the next request, an image's paint) has happened. Pages not opened
 * by openStudio are not tracked and wait for networkidle instead.
 */
async function settled(page: Page, timeoutMs = 30_000): Promise<void> {
  const tracked = requestsUnderWay.get(page);
  if (!tracked) return page.waitForLoadState('networkidle');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tracked.requests.size === 0) {
      await page.evaluate(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))`);
      if (tracked.requests.size === 0) return;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      const urls = [...tracked.requests].map((request) => request.url()).join(', ');
      throw new Error(`Timed out after ${timeoutMs} ms waiting for these requests to end: ${urls}`);
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([tracked.nextEnd(), new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
    clearTimeout(timer);
  }
}

/** Closes every context of the browser: a describe that shares the file's browser ends its people's sessions. */
export async function closeStudios(browser: Browser): Promise<void> {
  await Promise.all(browser.contexts().map((context) => context.close()));
}
