import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ContentFactory } from '../../factories/content.factory.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { createUser, loginAs, type LoggedIn } from '../../utils/auth.js';
import { launchBrowser } from '../../utils/browser.js';
import { TestClock } from '../../utils/clock.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { checkScreen, openStudio, signIn } from '../../utils/studio.js';
import { waitFor } from '../../utils/wait-for.js';
import { WebhookReceiver } from '../../utils/webhook-receiver.js';

// Browser flows take longer than the API specs' default.
jest.setTimeout(120_000);

// The app's time, moved forward instead of waiting for a schedule.
const clock = new TestClock();

// The points of issue 13 that studio/README.md listed as done but not covered by a browser test.
describe('Studio: formatting, slug history, series and SEO, schedules, webhooks, partners, "Only mine"', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let api: LoggedIn;

  beforeAll(async () => {
    // Webhooks go to a receiver on 127.0.0.1, which production refuses.
    t = await createTestApp({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' }, undefined, { clock });
    browser = await launchBrowser();
    api = await loginAs(t, 'EDITOR');
    const admin = await createUser(t, 'ADMIN');
    page = (await openStudio(t, browser)).page;
    await signIn(page, admin.email);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const go = async (path: string, heading: string) => {
    await page.goto(`/studio${path}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  };
  const publicArticle = async (slug: string, fields: string) =>
    (await t.graphql.post(`query($slug: String!) { article(slug: $slug) { ${fields} } }`, { slug })).body.data?.article;

  /** A new article with this headline (and a line of body, if given), saved; the page is then on its address. */
  async function newArticle(headline: string, text?: string) {
    await go('/', 'Articles');
    await page.getByRole('button', { name: 'New article' }).press('Enter');
    await page.getByLabel('Headline').fill(headline);
    await page.waitForURL(/\/studio\/articles\/[^/]+$/);
    if (text) {
      await page.getByRole('textbox', { name: 'Body' }).focus();
      await page.keyboard.type(text);
      await page.getByRole('button', { name: 'Save', exact: true }).press('Enter');
    }
    await page.getByText('All changes saved').waitFor();
    return t.prisma.article.findFirstOrThrow({ where: { headline } });
  }

  // The workflow bar's notice after a step.
  const notice = (text: string) =>
    page.getByRole('group', { name: 'Workflow' }).getByRole('status').filter({ hasText: text }).waitFor();

  /** Publishes the open article with its button; a story may only go public with a body. */
  async function publish() {
    await page.getByRole('button', { name: 'Publish', exact: true }).press('Enter');
    await notice('Published');
  }

  /** Waits until the editor's toolbar has handed the focus back to the body. */
  const bodyFocused = () =>
    page.waitForFunction(() => (globalThis as any).document.activeElement?.classList.contains('ProseMirror'));

  it('body: bold, italic, a quote with attribution, a bulleted list and an embed are stored as their blocks', async () => {
    const { id } = await newArticle('Formatting story');
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.focus();
    await page.keyboard.type('Plain, ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('bold');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' and ');
    await page.getByRole('button', { name: 'Italic', exact: true }).click();
    await bodyFocused();
    await page.keyboard.type('italic');
    await page.keyboard.press('Control+i');
    await page.keyboard.type('.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Quote', exact: true }).click();
    await bodyFocused();
    await page.keyboard.type('We will stay.');
    // The quote's attribution is in the inspector while the cursor is in the quote.
    const inspector = page.getByRole('group', { name: 'Quote details' });
    await inspector.getByLabel('Attribution').fill('The colonel');
    await body.getByText('We will stay.').click();
    await page.keyboard.press('End');
    // Enter on an empty line leaves the quote (and, below, the list).
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Bulleted list', exact: true }).click();
    await bodyFocused();
    await page.keyboard.type('One');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Two');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    const embed = page.getByRole('group', { name: 'Embed' });
    await embed.getByLabel('Embed URL').fill('https://www.youtube.com/watch?v=abc123');
    await embed.getByLabel('Provider').fill('youtube');
    await embed.getByRole('button', { name: 'Insert embed' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).press('Enter');
    await page.getByText('All changes saved').waitFor();
    await checkScreen(page, 'editor-formatting');

    const stored = await t.prisma.article.findUniqueOrThrow({ where: { id } });
    expect(stored.body).toEqual([
      {
        type: 'paragraph',
        children: [
          { text: 'Plain, ' },
          { text: 'bold', marks: ['strong'] },
          { text: ' and ' },
          { text: 'italic', marks: ['em'] },
          { text: '.' },
        ],
      },
      { type: 'quote', text: 'We will stay.', attribution: 'The colonel' },
      { type: 'list', style: 'bulleted', items: ['One', 'Two'] },
      { type: 'embed', url: 'https://www.youtube.com/watch?v=abc123', provider: 'youtube' },
    ]);
  });

  it('slug: derived from the headline, editable, and the previous one shown (and still leading there) once live', async () => {
    const { id } = await newArticle('Floods hit Lagos again', 'Water rose overnight.');
    const slug = page.getByLabel('Slug');
    expect(await slug.getAttribute('placeholder')).toBe('floods-hit-lagos-again');
    expect((await t.prisma.article.findUniqueOrThrow({ where: { id } })).slug).toBe('floods-hit-lagos-again');

    await publish();
    await slug.fill('lagos-floods');
    // On a live article the new slug is a pending change until published.
    await page.getByText('Pending changes: the public still sees the published version').waitFor();
    await page.getByRole('button', { name: 'Publish changes', exact: true }).press('Enter');
    await notice('Changes published');
    await page.getByText('Previous slugs (still lead here): floods-hit-lagos-again').waitFor();
    await checkScreen(page, 'editor-slug-history');

    expect((await t.prisma.article.findUniqueOrThrow({ where: { id } })).slug).toBe('lagos-floods');
    expect(await publicArticle('lagos-floods', 'slug')).toEqual({ slug: 'lagos-floods' });
    // The old address still finds the story, under its new slug.
    expect(await publicArticle('floods-hit-lagos-again', 'slug')).toEqual({ slug: 'lagos-floods' });
  });

  it('dateline, series, teaser and SEO fields: saved from the editor and shown by the public API', async () => {
    const factory = new ContentFactory(t.prisma);
    await factory.series({ name: 'Election 2026' });
    const { id } = await newArticle('Polls open in the north', 'Voting began at dawn.');
    // The dateline sits under the dek and stops at the API's 60 characters.
    const dateline = page.getByLabel('Dateline');
    expect(await dateline.getAttribute('maxlength')).toBe('60');
    await dateline.fill('DAKAR');
    await page.getByLabel('Series').selectOption({ label: 'Election 2026' });
    await page.getByText('Teaser and SEO').click();
    await page.getByLabel('Teaser').fill('Millions vote in the north.');
    await page.getByLabel('SEO title').fill('Polls open: what to know');
    await page.getByLabel('SEO description').fill('Voting began at dawn across the northern states.');
    await page.getByLabel('Canonical URL').fill('https://partner.example/polls-open');
    await page.getByRole('button', { name: 'Save', exact: true }).press('Enter');
    await page.getByText('All changes saved').waitFor();
    await checkScreen(page, 'editor-seo');
    await publish();

    const { slug } = await t.prisma.article.findUniqueOrThrow({ where: { id } });
    expect(await publicArticle(slug, 'dateline teaser seoTitle seoDescription canonicalUrl series { name }')).toEqual({
      dateline: 'DAKAR',
      teaser: 'Millions vote in the north.',
      seoTitle: 'Polls open: what to know',
      seoDescription: 'Voting began at dawn across the northern states.',
      canonicalUrl: 'https://partner.example/polls-open',
      series: { name: 'Election 2026' },
    });
  });

  it('"Cancel schedule" makes a scheduled article a draft again, and its time passes without it going live', async () => {
    const publishAt = new Date(Date.now() + 3_600_000).toISOString();
    const schedule = async (headline: string) => {
      const created = await mutateArticle(api.admin, 'createArticle', { headline });
      return mutateArticle(api.admin, 'scheduleArticle', { id: created.id, publishAt });
    };
    const cancelled = await schedule('A story held back');
    // Scheduled for the same moment: once it is live, the moment has passed for both.
    const control = await schedule('A story that goes out');

    await go(`/articles/${encodeURIComponent(cancelled.id)}`, 'Edit article');
    await page.getByText('Goes live').waitFor();
    await checkScreen(page, 'editor-scheduled');
    await page.getByRole('button', { name: 'Cancel schedule', exact: true }).press('Enter');
    await notice('Schedule cancelled');
    expect(await page.getByText('Goes live').count()).toBe(0);
    await page.getByRole('button', { name: 'Schedule', exact: true }).waitFor();
    const row = () => t.prisma.article.findFirstOrThrow({ where: { headline: 'A story held back' } });
    expect(await row()).toMatchObject({ status: 'DRAFT', scheduledAt: null });

    clock.advance(3_600_000 + 1000);
    await waitFor(async () => publicArticle(control.slug, 'slug'), 10_000, 'the other scheduled story to go live');
    expect(await row()).toMatchObject({ status: 'DRAFT', scheduledAt: null, publishedAt: null });
    expect(await publicArticle(cancelled.slug, 'slug')).toBeNull();
  });

  it('webhooks: deliveries listed with their answer, and "Redeliver" posts the event again', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      await go('/syndication/webhooks', 'Syndication');
      await page.getByLabel('Endpoint URL').fill(receiver.url);
      await page.getByRole('button', { name: 'Create endpoint' }).press('Enter');
      expect(await page.locator('.shown-once code').innerText()).toMatch(/^whsec_/);
      const created = await mutateArticle(api.admin, 'createArticle', { headline: 'Hooked story' });
      await mutateArticle(api.admin, 'publishArticle', { id: created.id });
      await waitFor(async () => receiver.received.length === 1, 10_000, 'the webhook');
      const endpoint = await t.prisma.webhookEndpoint.findFirstOrThrow({ where: { url: receiver.url } });
      await waitFor(
        async () => (await t.prisma.webhookDelivery.findFirst({ where: { endpointId: endpoint.id } }))?.status === 'SUCCEEDED',
        10_000,
        'the delivery to be recorded',
      );

      await page.getByRole('button', { name: `Deliveries to ${receiver.url}` }).press('Enter');
      const deliveries = page.getByRole('table', { name: 'Deliveries, newest first' });
      const first = deliveries.getByRole('row').nth(1);
      await first.getByRole('cell', { name: 'succeeded' }).waitFor();
      expect(await first.getByRole('cell').allInnerTexts()).toEqual(
        expect.arrayContaining(['article.published', 'succeeded', '1', '200']),
      );
      await checkScreen(page, 'syndication-deliveries');

      await first.getByRole('button', { name: 'Redeliver article.published' }).press('Enter');
      await waitFor(async () => receiver.received.length === 2, 10_000, 'the redelivery');
      const [original, again] = receiver.received;
      expect(again!.body).toMatchObject({ event: 'article.published', data: original!.body.data });
    } finally {
      await receiver.close();
    }
  });

  it('partners: the key is shown once, and the requests made with it appear as usage', async () => {
    await go('/syndication/partners', 'Syndication');
    await page.getByLabel('Partner name').fill('Coast Gazette');
    await page.getByRole('button', { name: 'Create partner' }).press('Enter');
    const key = await page.locator('.shown-once code').innerText();
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${t.baseUrl}/syndication/changes`, { headers: { 'x-partner-key': key } });
      expect(response.status).toBe(200);
    }
    await page.reload();
    await page.getByRole('heading', { name: 'Syndication', level: 1 }).waitFor();
    const row = page.getByRole('table', { name: 'Partners' }).getByRole('row').filter({ hasText: 'Coast Gazette' });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    // Columns: name, key prefix, full text, requests (30 days), last pull, key.
    expect(cells[0]).toBe('Coast Gazette');
    expect(key.startsWith(cells[1]!)).toBe(true);
    expect(cells[3]).toBe('3');
    expect(cells[4]).not.toBe('—');
    // Shown once: after the reload the key is nowhere on the page.
    expect(await page.locator('.shown-once').count()).toBe(0);
    expect(await page.content()).not.toContain(key);
    await checkScreen(page, 'syndication-usage');
  });

  it('"Only mine" as a contributor: the list holds their own stories, never a colleague\'s', async () => {
    const factory = new ContentFactory(t.prisma);
    const contributor = await createUser(t, 'CONTRIBUTOR');
    await factory.article({ headline: 'Contributor pitch', createdById: contributor.id, status: 'DRAFT' });
    await factory.article({ headline: 'A colleague draft', createdById: api.user.id, status: 'DRAFT' });
    const { page: own } = await openStudio(t, browser);
    await signIn(own, contributor.email);
    const rows = own.getByRole('table').getByRole('row');
    const onlyRow = async () => {
      await own
        .getByRole('status')
        .filter({ hasText: /^1 article$/ })
        .waitFor();
      expect(await rows.nth(1).getByRole('cell').first().innerText()).toBe('Contributor pitch');
    };
    await onlyRow();
    // The box says what the list is: checked, and not for a contributor to clear.
    const onlyMine = own.getByRole('checkbox', { name: 'Only mine' });
    expect(await onlyMine.isChecked()).toBe(true);
    expect(await onlyMine.isDisabled()).toBe(true);
    expect(await onlyMine.getAttribute('aria-describedby')).toBe('only-mine-hint');
    expect(await own.locator('#only-mine-hint').innerText()).toBe('Your role lists only your own articles');
    await checkScreen(own, 'articles-contributor-mine');
    await own.context().close();
  });
});
