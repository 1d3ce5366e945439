import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { toGlobalId } from '../../../src/common/global-id.js';
import { STUDIO_CSP } from '../../../src/studio/studio-static.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { createUser, loginAs, type LoggedIn } from '../../utils/auth.js';
import { launchBrowser } from '../../utils/browser.js';
import { TestClock } from '../../utils/clock.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { autosaveNow, checkScreen, closeStudios, goTo, openStudio, signIn } from '../../utils/studio.js';
import { waitFor } from '../../utils/wait-for.js';
import { WebhookReceiver } from '../../utils/webhook-receiver.js';

// Browser flows take longer than the API specs' default.
jest.setTimeout(120_000);

// The editor's time zone: New York, so the schedule must travel with its UTC offset to be right.
const TIME_ZONE = 'America/New_York';

/** The datetime-local value (YYYY-MM-DDTHH:mm:ss) of an instant, as a clock in TIME_ZONE shows it. */
function wallClock(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

// The app's time, moved forward instead of waiting for a schedule. The describes below share it, so
// each schedules from clock.now() (the app's present after the moves before it), not Date.now().
const clock = new TestClock();

// One app and one browser for the file (booting each costs seconds); each describe below opens a
// browser context per person, as a separate file would, and closes them when it ends.
describe('Studio: served by the API and driven in a browser, on an app with a clock of its own', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    // Webhooks go to a receiver on 127.0.0.1, which production refuses.
    t = await createTestApp({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' }, undefined, { clock });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  // The API serves the built Studio (global setup builds it when its sources changed).
  describe('the Studio at /studio', () => {
    let assets: string[];

    beforeAll(async () => {
      assets = await readdir(join('studio', 'dist', 'assets'));
    });

    const get = (path: string, init?: RequestInit) => fetch(`${t.baseUrl}${path}`, { redirect: 'manual', ...init });

    it('GET / sends browsers to the Studio', async () => {
      const response = await get('/');
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/studio/');
    });

    it('serves index.html uncached, with the CSP, for the app and every client route', async () => {
      for (const path of ['/studio/', '/studio', '/studio/articles/some-id', '/studio/taxonomy/tags']) {
        const response = await get(path);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        expect(response.headers.get('cache-control')).toBe('no-cache');
        expect(response.headers.get('content-security-policy')).toBe(STUDIO_CSP);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        const html = await response.text();
        expect(html).toContain('<div id="root"></div>');
        expect(html).toMatch(/<script type="module" crossorigin src="\/studio\/assets\/index-[\w-]+\.js"><\/script>/);
      }
      expect(STUDIO_CSP).toContain("script-src 'self'");
      expect(STUDIO_CSP).toContain("frame-ancestors 'none'");
    });

    it('serves hashed assets as immutable for a year, and a missing one as 404 (never the app)', async () => {
      const script = assets.find((file) => /^index-.*\.js$/.test(file))!;
      const response = await get(`/studio/assets/${script}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/javascript/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const missing = await get('/studio/assets/index-doesnotexist.js');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^text\/plain/);
      expect((await get('/studio/', { method: 'POST' })).status).toBe(404);
    });

    it('loads nothing from the internet: no CDN, no web fonts', async () => {
      const html = await (await get('/studio/')).text();
      expect(html).not.toMatch(/https?:\/\//);
      for (const file of assets.filter((name) => name.endsWith('.css'))) {
        const css = await readFile(join('studio', 'dist', 'assets', file), 'utf8');
        expect(css).not.toMatch(/@font-face|@import|url\(\s*['"]?https?:/);
      }
    });

    it('keeps the first screen under 300 KB of compressed JavaScript, with the editor in a chunk of its own', () => {
      const report = JSON.parse(execFileSync(process.execPath, ['scripts/studio-size.mjs', '--json'], { encoding: 'utf8' }));
      expect(report.firstScreenScriptGzipBytes).toBeLessThan(300 * 1024);
      expect(report.firstScreen.some((row: { file: string }) => row.file.includes('editor-screen'))).toBe(false);
      expect(report.lazy.some((row: { file: string }) => row.file.includes('editor-screen'))).toBe(true);
    });
  });

  describe('Studio: write, illustrate and schedule a story in a browser', () => {
    afterAll(() => closeStudios(browser));

    it('signs in, writes a story with a heading, a link and a library image, schedules it, and it goes live in the API and RSS', async () => {
      const factory = new ContentFactory(t.prisma);
      const section = await factory.section({ name: 'Africa' });
      const byline = await factory.author({ name: 'Amina Diallo' });
      const photo = await factory.image({
        caption: 'Bamako market at dawn',
        credit: 'Photo: Studio Test',
        altText: 'Stalls at dawn',
      });
      const cover = await factory.image({ caption: 'Delegates leave the hall', width: 1600, height: 900 });
      const editor = await createUser(t, 'EDITOR');
      const { page } = await openStudio(t, browser, { timezoneId: TIME_ZONE });

      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await checkScreen(page, 'sign-in');
      await signIn(page, editor.email);
      await checkScreen(page, 'articles');

      // The writing flow, with the keyboard: focus moves by Tab, Enter presses buttons.
      await page.getByRole('button', { name: 'New article' }).press('Enter');
      await page.getByLabel('Headline').waitFor();
      await page.getByLabel('Headline').press('Control+a');
      await page.keyboard.type('Mali junta digs in as talks stall');
      await page.keyboard.press('Tab');
      await page.keyboard.type('The colonels extend their rule');
      // Autosave creates the draft, then the address is the article's own.
      await autosaveNow(page);
      await page.waitForURL(/\/studio\/articles\/[^/]+$/);
      await page.getByText('All changes saved').waitFor();

      const body = page.getByRole('textbox', { name: 'Body' });
      await body.focus();
      await page.keyboard.type('Talks in Bamako stalled on Monday.');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Heading 2' }).press('Enter');
      // The toolbar hands the focus back to the body on the next frame: type once it is there.
      await page.waitForFunction(() => (globalThis as any).document.activeElement?.classList.contains('ProseMirror'));
      await page.keyboard.type('What comes next');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Read the ');
      await page.keyboard.type('report');
      // Select the word just typed, as a keyboard user does. ProseMirror takes a DOM selection in on the
      // next selectionchange event, and ignores it once the editor has lost focus: wait until it has it.
      await page.keyboard.press('Control+Shift+ArrowLeft');
      await page.waitForFunction(() => {
        // TipTap hangs its editor on the editable element.
        const editor = (globalThis as any).document.querySelector('.ProseMirror').editor;
        const { from, to } = editor.state.selection;
        return editor.state.doc.textBetween(from, to) === 'report';
      });
      await page.getByRole('button', { name: 'Link', exact: true }).press('Enter');
      // The link form takes the focus: select its "https://" and type over it.
      await page.getByLabel('Link URL').waitFor();
      await page.keyboard.press('Control+a');
      await page.keyboard.type('https://example.com/report');
      await page.keyboard.press('Enter');
      await body.press('End');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Image', exact: true }).press('Enter');
      await page.getByRole('dialog', { name: 'Insert an image' }).waitFor();
      await checkScreen(page, 'image-picker');
      await page.getByRole('button', { name: 'Choose: Bamako market at dawn' }).press('Enter');
      // The block shows the library's picture and texts while writing.
      await page.locator('.body-editor figure.body-image img[alt="Stalls at dawn"]').waitFor();

      // The featured image, from the library, with its texts and focal point set by keyboard.
      await page.getByRole('button', { name: 'Choose featured image' }).press('Enter');
      await page.getByRole('dialog', { name: 'Choose the featured image' }).waitFor();
      await page.getByRole('button', { name: 'Choose: Delegates leave the hall' }).press('Enter');
      const texts = page.getByRole('complementary', { name: 'Article details' }).getByRole('group', { name: 'Image texts' });
      await texts.getByLabel('Credit').focus();
      await page.keyboard.type('Photo: Wire');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Delegates walk out of the conference hall');
      await texts.getByLabel('Across (% from the left)').focus();
      await page.keyboard.type('30');
      await page.keyboard.press('Tab');
      await page.keyboard.type('25');
      await texts.getByRole('button', { name: 'Save image texts' }).press('Enter');
      await texts.getByText('Image texts saved').waitFor();

      // A focused select picks by typing, as with any keyboard.
      await page.getByLabel('Label', { exact: true }).focus();
      await page.keyboard.type('Exclusive');
      await page.getByLabel('Section').focus();
      await page.keyboard.type('Africa');
      await page.getByRole('combobox', { name: 'Add a byline' }).focus();
      await page.keyboard.type('Amina');
      await page.getByRole('option', { name: 'Amina Diallo' }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      await page.getByRole('combobox', { name: 'Add a tag' }).focus();
      await page.keyboard.type('Sahel');
      await page.getByRole('option', { name: 'Create “Sahel”' }).waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Remove Sahel' }).waitFor();
      await page.getByRole('button', { name: 'Save', exact: true }).press('Enter');
      await page.getByText('All changes saved').waitFor();
      await checkScreen(page, 'editor');

      const id = decodeURIComponent(page.url().split('/articles/')[1]!);
      const stored = await t.prisma.article.findFirstOrThrow({ where: { headline: 'Mali junta digs in as talks stall' } });
      expect(stored.dek).toBe('The colonels extend their rule');
      expect(stored.label).toBe('Exclusive');
      expect(stored.sectionId).toBe(section.id);
      expect(stored.body).toEqual([
        { type: 'paragraph', text: 'Talks in Bamako stalled on Monday.' },
        { type: 'heading', level: 2, text: 'What comes next' },
        { type: 'paragraph', children: [{ text: 'Read the ' }, { text: 'report', href: 'https://example.com/report' }] },
        // By reference: file, size and texts come from the library when the body is rendered.
        { type: 'image', imageId: toGlobalId('Image', photo.id) },
      ]);
      expect(stored.featuredImageId).toBe(cover.id);
      expect(await t.prisma.image.findUniqueOrThrow({ where: { id: cover.id } })).toMatchObject({
        caption: 'Delegates leave the hall',
        credit: 'Photo: Wire',
        altText: 'Delegates walk out of the conference hall',
        focalX: 0.3,
        focalY: 0.25,
      });
      const links = await t.prisma.articleAuthor.findMany({ where: { articleId: stored.id } });
      // A new story starts under its writer's own byline; the one picked is added after it.
      expect(links.sort((a, b) => a.position - b.position).map((link) => link.authorId)).toEqual([editor.authorId, byline.id]);
      expect(id).toEqual(expect.any(String));

      // Schedule an hour ahead, typed as New York wall-clock time; then the app's clock moves on an hour.
      const publishAt = new Date(Math.ceil((clock.now().getTime() + 3_600_000) / 1000) * 1000);
      await page.getByLabel(`Publish at (${TIME_ZONE})`).fill(wallClock(publishAt));
      await page.getByRole('button', { name: 'Schedule', exact: true }).press('Enter');
      await page.getByText('Goes live').waitFor();
      const scheduled = await t.prisma.article.findUniqueOrThrow({ where: { id: stored.id } });
      expect(scheduled.status).toBe('SCHEDULED');
      expect(scheduled.scheduledAt?.toISOString()).toBe(publishAt.toISOString());

      clock.advance(3_600_000 + 1000);
      const live = await waitFor(
        async () => {
          const response = await t.graphql.post(
            `{ article(slug: "${stored.slug}") { headline bodyHtml tags { name } authors { name }
              featuredImage { caption credit altText focalX focalY } } }`,
          );
          return response.body.data?.article;
        },
        10_000,
        'the scheduled article to go live',
      );
      expect(live.headline).toBe('Mali junta digs in as talks stall');
      expect(live.bodyHtml).toContain('<h2>What comes next</h2>');
      expect(live.bodyHtml).toContain('<a href="https://example.com/report" rel="noopener noreferrer">report</a>');
      // The library image's texts, rendered from the reference.
      expect(live.bodyHtml).toContain('Stalls at dawn');
      expect(live.bodyHtml).toContain('Bamako market at dawn');
      expect(live.bodyHtml).toContain('Photo: Studio Test');
      expect(live.featuredImage).toEqual({
        caption: 'Delegates leave the hall',
        credit: 'Photo: Wire',
        altText: 'Delegates walk out of the conference hall',
        focalX: 0.3,
        focalY: 0.25,
      });
      expect(live.tags).toEqual([{ name: 'Sahel' }]);
      expect(live.authors).toEqual([{ name: editor.name }, { name: 'Amina Diallo' }]);
      const rss = await (await fetch(`${t.baseUrl}/feeds/rss.xml`)).text();
      expect(rss).toContain('Mali junta digs in as talks stall');

      await page.reload();
      await page.getByText('Published', { exact: true }).first().waitFor();
    });
  });

  // The points of issue 13 that studio/README.md listed as done but not covered by a browser test.
  describe('Studio: formatting, slug history, series and SEO, schedules, webhooks, partners, "Only mine"', () => {
    let page: Page;
    let api: LoggedIn;

    beforeAll(async () => {
      api = await loginAs(t, 'EDITOR');
      const admin = await createUser(t, 'ADMIN');
      // Signed in through the API: the form's sign-in is the writing test's, above.
      page = (await openStudio(t, browser, { signedInAs: admin.email })).page;
    });
    afterAll(() => closeStudios(browser));

    const go = (path: string, heading: string) => goTo(page, path, heading);
    const publicArticle = async (slug: string, fields: string) =>
      (await t.graphql.post(`query($slug: String!) { article(slug: $slug) { ${fields} } }`, { slug })).body.data?.article;

    /** A new article with this headline (and a line of body, if given), saved; the page is then on its address. */
    async function newArticle(headline: string, text?: string) {
      await go('/', 'Articles');
      await page.getByRole('button', { name: 'New article' }).press('Enter');
      await page.getByLabel('Headline').fill(headline);
      await autosaveNow(page);
      await page.waitForURL(/\/studio\/articles\/[^/]+$/);
      // The new draft is saved and its editor shown on the new address before the body is typed into.
      await page.getByText('All changes saved').waitFor();
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

    it('a new article keeps its editing session through its first save: typing goes on in the same field', async () => {
      await go('/', 'Articles');
      await page.getByRole('button', { name: 'New article' }).press('Enter');
      const headline = page.getByLabel('Headline');
      await headline.focus();
      await page.keyboard.type('Storm reaches');
      await autosaveNow(page);
      // The first save creates the article and gives the editor its address: the editor stays as it was
      // (focus, draft), rather than reloading the article and dropping what is typed meanwhile.
      await page.waitForURL(/\/studio\/articles\/[^/]+$/);
      await page.keyboard.type(' the coast');
      expect(await headline.inputValue()).toBe('Storm reaches the coast');
      await autosaveNow(page);
      await page.getByText('All changes saved').waitFor();
      const stored = await t.prisma.article.findMany({ where: { headline: { startsWith: 'Storm reaches' } } });
      expect(stored.map((article) => [article.headline, article.version])).toEqual([['Storm reaches the coast', 2]]);
    });

    it('slug: derived from the headline, editable, and the previous one shown (and still leading there) once live', async () => {
      const { id } = await newArticle('Floods hit Lagos again', 'Water rose overnight.');
      const slug = page.getByLabel('Slug');
      expect(await slug.getAttribute('placeholder')).toBe('floods-hit-lagos-again');
      expect((await t.prisma.article.findUniqueOrThrow({ where: { id } })).slug).toBe('floods-hit-lagos-again');

      await publish();
      await slug.fill('lagos-floods');
      await autosaveNow(page);
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
      const publishAt = new Date(clock.now().getTime() + 3_600_000).toISOString();
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
      const { page: own } = await openStudio(t, browser, { signedInAs: contributor.email });
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

  describe('Studio: roles decide which buttons exist, and the API has the last word', () => {
    afterAll(() => closeStudios(browser));

    async function writeDraft(email: string, headline: string) {
      const { page } = await openStudio(t, browser, { signedInAs: email });
      await page.getByRole('button', { name: 'New article' }).press('Enter');
      await page.getByLabel('Headline').fill(headline);
      await autosaveNow(page);
      await page.waitForURL(/\/studio\/articles\/[^/]+$/);
      await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
      await page.getByText('All changes saved').waitFor();
      return page;
    }

    it('a contributor is offered no Publish, Schedule or Unpublish, and sees no admin screens', async () => {
      const contributor = await createUser(t, 'CONTRIBUTOR');
      const page = await writeDraft(contributor.email, 'A contributor draft');
      await checkScreen(page, 'editor-contributor');
      for (const name of ['Publish', 'Schedule', 'Unpublish', 'Publish changes']) {
        expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
      }
      expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(1);
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link', { name: 'People' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
      const stored = await t.prisma.article.findFirstOrThrow({ where: { headline: 'A contributor draft' } });
      expect(stored).toMatchObject({ status: 'DRAFT', createdById: contributor.id });
    });

    it('shows FORBIDDEN clearly when the API refuses a publish the screen still offered (role lowered meanwhile)', async () => {
      const author = await createUser(t, 'AUTHOR');
      const page = await writeDraft(author.email, 'An author story');
      const publish = page.getByRole('button', { name: 'Publish', exact: true });
      await publish.waitFor();
      // An admin demotes the author while the editor is open: the button is still there.
      await t.prisma.user.update({ where: { id: author.id }, data: { role: 'CONTRIBUTOR' } });
      await publish.press('Enter');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/Not allowed \(FORBIDDEN\): Your role \(contributor\) may not publish/);
      await checkScreen(page, 'editor-forbidden');
      const stored = await t.prisma.article.findFirstOrThrow({ where: { headline: 'An author story' } });
      expect(stored.status).toBe('DRAFT');
    });
  });
});
