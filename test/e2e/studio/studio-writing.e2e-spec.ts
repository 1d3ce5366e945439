import { jest } from '@jest/globals';
import { TestClock } from '../../utils/clock.js';
import type { Browser } from 'playwright-core';
import { toGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { createUser } from '../../utils/auth.js';
import { launchBrowser } from '../../utils/browser.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { checkScreen, openStudio, signIn } from '../../utils/studio.js';
import { waitFor } from '../../utils/wait-for.js';

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

// The app's time, which the test moves forward instead of waiting for the schedule.
const clock = new TestClock();

describe('Studio: write, illustrate and schedule a story in a browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp({}, undefined, { clock });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

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
    const publishAt = new Date(Math.ceil((Date.now() + 3_600_000) / 1000) * 1000);
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
