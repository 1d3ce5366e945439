import { jest } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { PNG } from '../../fixtures/images.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { fromGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { createUser, loginAs, TEST_PASSWORD, type LoggedIn } from '../../utils/auth.js';
import { launchBrowser } from '../../utils/browser.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createMediaSandbox, type MediaSandbox } from '../../utils/media.js';
import { autosaveNow, checkScreen, closeStudios, goTo, openStudio, serveMediaFromApp } from '../../utils/studio.js';
import { waitFor } from '../../utils/wait-for.js';

const rowIdOf = (globalId: string) => fromGlobalId(globalId)!.id;

// Browser flows take longer than the API specs' default.
jest.setTimeout(120_000);

// One app and one browser for the file (booting each costs seconds); each describe below opens a
// browser context per person, as a separate file would, and closes them when it ends.
describe('Studio in a browser, on an app with a media library and a front-end preview', () => {
  let t: TestApp;
  let media: MediaSandbox;
  let browser: Browser;

  beforeAll(async () => {
    media = await createMediaSandbox();
    // A front-end with a preview page, so the preview offers to open it.
    t = await createTestApp({
      MEDIA_DIR: media.mediaDir,
      PREVIEW_URL_PATTERN: 'https://site.example/preview/{slug}?token={token}',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await media?.remove();
  });

  describe('Studio: every screen works, passes axe, and leaves a screenshot', () => {
    let page: Page;
    let articleId: string;
    let adminEmail: string;
    let adminId: string;

    beforeAll(async () => {
      const admin = await createUser(t, 'ADMIN', { name: 'Ada Admin' });
      adminEmail = admin.email;
      adminId = admin.id;
      const api = await loginAs(t, 'EDITOR');
      const created = await mutateArticle(api.admin, 'createArticle', {
        headline: 'Revisions story',
        body: [{ type: 'paragraph', text: 'The first text of the story.' }],
      });
      await mutateArticle(api.admin, 'updateArticle', {
        id: created.id,
        expectedVersion: 1,
        headline: 'Revisions story, retitled',
        body: [{ type: 'paragraph', text: 'The second text of the story.' }],
      });
      articleId = created.id;
      // Signed in through the API: the form's keyboard-only sign-in is studio-details' writing test.
      const studio = await openStudio(t, browser, { signedInAs: admin.email });
      await serveMediaFromApp(t, studio.context);
      page = studio.page;
    });
    afterAll(() => closeStudios(browser));

    const go = (path: string, heading: string) => goTo(page, path, heading);

    it('media library: drag and drop uploads with progress, then caption, credit and alt text are edited', async () => {
      await go('/media', 'Media library');
      // A real drop event carrying a file, as a browser delivers it from the desktop.
      const transfer = await page.evaluateHandle(
        ({ bytes, name, type }) => {
          // Runs in the page (DOM types are not in the test's lib).
          const data = new (globalThis as any).DataTransfer();
          data.items.add(new File([new Uint8Array(bytes)], name, { type }));
          return data;
        },
        { bytes: [...PNG.data], name: PNG.name, type: PNG.contentType },
      );
      await page.dispatchEvent('[data-testid="upload-zone"]', 'drop', { dataTransfer: transfer });
      await page.getByRole('progressbar', { name: `Upload of ${PNG.name}` }).waitFor();
      await page.getByText('Uploaded', { exact: true }).waitFor();
      expect(await page.getByRole('progressbar', { name: `Upload of ${PNG.name}` }).getAttribute('value')).toBe('1');

      await page.getByRole('group', { name: 'Image texts' }).getByLabel('Caption').fill('A chart of the vote');
      await page.getByLabel('Credit').fill('Newsdesk graphics');
      await page.getByLabel('Alt text').fill('Bar chart');
      await page.getByRole('button', { name: 'Save image texts' }).press('Enter');
      await page.getByText('Image texts saved').waitFor();
      const image = await t.prisma.image.findFirstOrThrow({ where: { width: PNG.width, height: PNG.height } });
      expect(image).toMatchObject({ caption: 'A chart of the vote', credit: 'Newsdesk graphics', altText: 'Bar chart' });
      await page.getByRole('button', { name: 'Edit: A chart of the vote' }).waitFor();
      // The API searches the library (caption, credit, alt text, file name).
      await page.getByLabel('Search images').fill('zebra');
      await page.getByText('0 shown of 0 images').waitFor();
      await page.getByLabel('Search images').fill('chart');
      await page.getByText('1 shown of 1 image').waitFor();
      expect(await page.getByRole('list', { name: 'Images' }).getByRole('listitem').count()).toBe(1);
      await checkScreen(page, 'media');
    });

    it('revisions: the list, a visual text diff of two versions, and restore', async () => {
      await go(`/articles/${encodeURIComponent(articleId)}/revisions`, 'Revisions');
      const diff = page.getByRole('region', { name: 'Changes from version 1 to version 2' });
      await diff.waitFor();
      expect(await diff.locator('del').allInnerTexts()).toEqual(expect.arrayContaining(['first']));
      expect(await diff.locator('ins').allInnerTexts()).toEqual(expect.arrayContaining(['second', ', retitled']));
      await checkScreen(page, 'revisions');
      await page.getByRole('button', { name: 'Restore version 1' }).press('Enter');
      await page.getByLabel('Headline').waitFor();
      expect(await page.getByLabel('Headline').inputValue()).toBe('Revisions story');
      const stored = await t.prisma.article.findFirstOrThrow({ where: { headline: 'Revisions story' } });
      expect(stored.version).toBe(3);
    });

    it('preview: the working copy rendered by the API in a sandboxed frame', async () => {
      await go(`/articles/${encodeURIComponent(articleId)}`, 'Edit article');
      await page.getByRole('button', { name: 'Preview' }).press('Enter');
      const frame = page.frameLocator('iframe[title="Article preview"]');
      await frame.getByRole('heading', { name: 'Revisions story' }).waitFor();
      expect(await frame.locator('p').first().innerText()).toBe('The first text of the story.');
      // A preview token lets a front-end read the unpublished draft through the public API.
      await page.getByRole('button', { name: 'Create a preview token for the front-end' }).press('Enter');
      const token = await page.getByLabel('Preview token').inputValue();
      const { slug } = await t.prisma.article.findFirstOrThrow({ where: { headline: 'Revisions story' } });
      expect(await page.getByRole('link', { name: 'Open the preview on the site' }).getAttribute('href')).toBe(
        `https://site.example/preview/${slug}?token=${encodeURIComponent(token)}`,
      );
      const query = `query($slug: String!, $token: String) { article(slug: $slug, previewToken: $token) { headline } }`;
      expect((await t.graphql.post(query, { slug, token: null })).body.data?.article).toBeNull();
      expect((await t.graphql.post(query, { slug, token })).body.data?.article).toEqual({ headline: 'Revisions story' });
      await checkScreen(page, 'preview');
    });

    it('pending changes on a live article: shown as such, then "Publish changes" and "Discard changes"', async () => {
      const api = await loginAs(t, 'EDITOR');
      const created = await mutateArticle(api.admin, 'createArticle', { headline: 'Live story', dek: 'The live dek' });
      const live = await mutateArticle(api.admin, 'publishArticle', { id: created.id, expectedVersion: created.version });
      const publicHeadline = async () =>
        (await t.graphql.post(`{ article(slug: "${live.slug}") { headline dek } }`)).body.data?.article;

      await go(`/articles/${encodeURIComponent(live.id)}`, 'Edit article');
      const pending = page.getByText('Pending changes: the public still sees the published version');
      await page.getByLabel('Headline').fill('Live story, updated');
      await autosaveNow(page);
      // The badge comes from the saved article (hasPendingChanges): it proves the autosave happened.
      await pending.waitFor();
      expect(await publicHeadline()).toEqual({ headline: 'Live story', dek: 'The live dek' });
      await checkScreen(page, 'editor-pending');

      await page.getByRole('button', { name: 'Publish changes', exact: true }).press('Enter');
      await page.getByText('Changes published').waitFor();
      expect(await publicHeadline()).toEqual({ headline: 'Live story, updated', dek: 'The live dek' });
      expect(await pending.count()).toBe(0);

      await page.getByLabel('Dek').fill('A dek nobody should see');
      await autosaveNow(page);
      await pending.waitFor();
      await page.getByRole('button', { name: 'Discard changes', exact: true }).press('Enter');
      await page.getByText('Pending changes discarded').waitFor();
      expect(await pending.count()).toBe(0);
      expect(await page.getByLabel('Dek').inputValue()).toBe('The live dek');
      expect(await publicHeadline()).toEqual({ headline: 'Live story, updated', dek: 'The live dek' });
      const after = await api.admin.post(`query($id: ID!) { adminArticle(id: $id) { dek hasPendingChanges } }`, { id: live.id });
      expect(after.body.data?.adminArticle).toEqual({ dek: 'The live dek', hasPendingChanges: false });
    });

    it('workflow: unpublish, move to the trash and restore, each reaching the public API', async () => {
      const { id, slug } = await t.prisma.article.findFirstOrThrow({ where: { headline: 'Live story, updated' } });
      const publicRead = async () => (await t.graphql.post(`{ article(slug: "${slug}") { headline } }`)).body.data?.article;
      const stored = () => t.prisma.article.findUniqueOrThrow({ where: { id } });
      // The workflow bar's notice after each step.
      const notice = (text: string) =>
        page.getByRole('group', { name: 'Workflow' }).getByRole('status').filter({ hasText: text }).waitFor();
      expect(await publicRead()).toEqual({ headline: 'Live story, updated' });

      await page.getByRole('button', { name: 'Unpublish', exact: true }).press('Enter');
      await notice('Unpublished');
      expect((await stored()).status).toBe('ARCHIVED');
      expect(await publicRead()).toBeNull();
      // Off the site: publishing is offered once more.
      await page.getByRole('button', { name: 'Publish', exact: true }).waitFor();

      await page.getByRole('button', { name: 'Move to trash', exact: true }).press('Enter');
      await notice('Moved to the trash');
      expect((await stored()).deletedAt).not.toBeNull();
      expect(await page.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
      await checkScreen(page, 'editor-trashed');

      await page.getByRole('button', { name: 'Restore', exact: true }).press('Enter');
      await notice('Restored');
      expect((await stored()).deletedAt).toBeNull();
    });

    it("featured image: uploaded from the editor's picker, focal point set by clicking the picture", async () => {
      await go(`/articles/${encodeURIComponent(articleId)}`, 'Edit article');
      await page.getByRole('button', { name: 'Choose featured image' }).press('Enter');
      const picker = page.getByRole('dialog', { name: 'Choose the featured image' });
      await picker.getByLabel('Upload images').setInputFiles({ name: 'cover.png', mimeType: PNG.contentType, buffer: PNG.data });
      // The upload becomes the featured image at once; autosave links it to the article.
      const texts = page.getByRole('complementary', { name: 'Article details' }).getByRole('group', { name: 'Image texts' });
      await texts.waitFor();
      await autosaveNow(page);
      await waitFor(
        async () => (await t.prisma.article.findUniqueOrThrow({ where: { id: rowIdOf(articleId) } })).featuredImageId,
        10_000,
        'the featured image to be saved',
      );
      const picture = texts.locator('.focal-frame img');
      await picture.waitFor();
      await waitFor(() => picture.evaluate((img: any) => img.complete && img.naturalWidth > 0), 10_000, 'the upload to show');
      await picture.scrollIntoViewIfNeeded();
      const box = (await picture.boundingBox())!;
      await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.5);
      expect(Number(await texts.getByLabel('Across (% from the left)').inputValue())).toBeCloseTo(75, -1);
      expect(Number(await texts.getByLabel('Down (% from the top)').inputValue())).toBeCloseTo(50, -1);
      await texts.getByLabel('Alt text').fill('A cover picture');
      await texts.getByRole('button', { name: 'Save image texts' }).press('Enter');
      await texts.getByText('Image texts saved').waitFor();
      const article = await t.prisma.article.findUniqueOrThrow({ where: { id: rowIdOf(articleId) } });
      const image = await t.prisma.image.findUniqueOrThrow({ where: { id: article.featuredImageId! } });
      expect(image.altText).toBe('A cover picture');
      expect(image.focalX).toBeGreaterThan(0.65);
      expect(image.focalX).toBeLessThan(0.85);
      expect(image.focalY).toBeGreaterThan(0.4);
      expect(image.focalY).toBeLessThan(0.6);
      await checkScreen(page, 'editor-featured-image');
    });

    it('articles list: filters by status, section, byline, tag and headline words, and keyset paging', async () => {
      const factory = new ContentFactory(t.prisma);
      const desk = await factory.section({ name: 'Paging desk' });
      const energy = await factory.tag({ name: 'Energy' });
      const writer = await factory.author({ name: 'Pia Paging' });
      for (let i = 1; i <= 22; i++) {
        await factory.article({
          headline: `Paging story ${i}`,
          section: desk,
          authors: [writer],
          tags: i <= 3 ? [energy] : [],
          status: i % 2 === 0 ? 'DRAFT' : 'PUBLISHED',
        });
      }
      await go('/', 'Articles');
      const rows = page.getByRole('table').getByRole('row');
      const counted = (n: number) =>
        page
          .getByRole('status')
          .filter({ hasText: new RegExp(`^${n} articles?$`) })
          .waitFor();
      await page.getByLabel('Section').selectOption({ label: 'Paging desk' });
      await counted(22);
      // Keyset paging: 20, then the last 2, then back.
      expect(await rows.count()).toBe(1 + 20);
      await page.getByRole('button', { name: 'Next page' }).press('Enter');
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('table tbody tr').length === 2);
      await page.getByRole('button', { name: 'Previous page' }).press('Enter');
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('table tbody tr').length === 20);
      await checkScreen(page, 'articles-filtered');

      await page.getByLabel('Status').selectOption({ label: 'Draft' });
      await counted(11);
      await page.getByLabel('Status').selectOption({ label: 'Any status' });
      await page.getByRole('combobox', { name: 'Tag' }).focus();
      await page.keyboard.type('Energy');
      // Enter picks the active option: wait until the results for what was typed are in.
      await page.getByRole('option', { name: 'Energy', selected: true }).waitFor();
      await page.keyboard.press('Enter');
      await page.getByText('Tag: Energy').waitFor();
      await counted(3);
      await page.getByRole('button', { name: 'Remove tag filter Energy' }).press('Enter');
      await page.getByRole('combobox', { name: 'Author' }).focus();
      await page.keyboard.type('Pia');
      await page.getByRole('option', { name: 'Pia Paging', selected: true }).waitFor();
      await page.keyboard.press('Enter');
      await page.getByText('Author: Pia Paging').waitFor();
      await counted(22);
      await page.getByLabel('Search').fill('story 17');
      await counted(1);
      expect(await rows.nth(1).getByRole('cell').allInnerTexts()).toEqual(
        expect.arrayContaining(['Paging story 17', 'Published', 'Paging desk', 'Pia Paging']),
      );

      // "Only mine": what I created (contributors and authors only ever see theirs).
      await factory.article({ headline: 'My own story', createdById: adminId, status: 'DRAFT' });
      await go('/', 'Articles');
      await page.getByLabel('Only mine').check();
      await counted(1);
      expect(await rows.nth(1).getByRole('cell').first().innerText()).toBe('My own story');
    });

    it('taxonomy: create a tag and a section, rename, trash', async () => {
      await go('/taxonomy/tags', 'Taxonomy');
      const form = page.getByRole('form', { name: 'New tag' });
      await form.getByLabel('Name').fill('Elections');
      await form.getByRole('button', { name: 'Create tag' }).press('Enter');
      await page.getByText('Tags: created Elections').waitFor();
      await page.getByRole('button', { name: 'Trash Elections' }).press('Enter');
      await page.getByText('Moved Elections to the trash').waitFor();
      expect((await t.prisma.tag.findFirstOrThrow({ where: { name: 'Elections' } })).deletedAt).not.toBeNull();
      await checkScreen(page, 'taxonomy-tags');
      await page.getByRole('link', { name: 'Sections' }).press('Enter');
      await page.getByRole('form', { name: 'New section' }).getByLabel('Name').fill('Europe');
      await page.getByRole('form', { name: 'New section' }).getByRole('button', { name: 'Create section' }).press('Enter');
      await page.getByText('Sections: created Europe').waitFor();
      await checkScreen(page, 'taxonomy-sections');
      for (const kind of ['authors', 'series']) {
        await go(`/taxonomy/${kind}`, 'Taxonomy');
        await checkScreen(page, `taxonomy-${kind}`);
      }
    });

    it('people: create a user with a role, and an API token shown once', async () => {
      await go('/people/users', 'People and access');
      const form = page.getByRole('form', { name: 'New user' });
      await form.getByLabel('Name').fill('Rita Reporter');
      await form.getByLabel('Email').fill('rita@newsroom.test');
      await form.getByLabel('Password').fill('a long enough password');
      await form.getByLabel('Role').selectOption('AUTHOR');
      await form.getByRole('button', { name: 'Create user' }).press('Enter');
      await page.getByText('Created rita@newsroom.test').waitFor();
      expect(await t.prisma.user.findUniqueOrThrow({ where: { email: 'rita@newsroom.test' } })).toMatchObject({ role: 'AUTHOR' });
      await checkScreen(page, 'people-users');

      await go('/people/tokens', 'People and access');
      await page.getByLabel('Token name').fill('Print export');
      await page.getByRole('form', { name: 'New API token' }).getByLabel('Role').selectOption('EDITOR');
      await page.getByRole('button', { name: 'Create token' }).press('Enter');
      const secret = await page.locator('.shown-once code').innerText();
      expect(secret).toMatch(/^nd_/);
      const me = await fetch(`${t.baseUrl}/admin/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ me { kind role } }' }),
      });
      expect(((await me.json()) as any).data.me).toEqual({ kind: 'API_TOKEN', role: 'EDITOR' });
      await checkScreen(page, 'people-tokens');
    });

    it('syndication, newsletter, audit log and account screens', async () => {
      await go('/syndication/partners', 'Syndication');
      await page.getByLabel('Partner name').fill('Regional Daily');
      await page.getByRole('button', { name: 'Create partner' }).press('Enter');
      expect(await page.locator('.shown-once code').innerText()).toMatch(/^ndp_/);
      await checkScreen(page, 'syndication-partners');
      await go('/syndication/webhooks', 'Syndication');
      await checkScreen(page, 'syndication-webhooks');
      await go('/newsletter', 'Newsletter subscribers');
      await checkScreen(page, 'newsletter');
      await go('/audit', 'Audit log');
      await page.getByRole('cell', { name: 'api_token.created' }).first().waitFor();
      await checkScreen(page, 'audit');
      await go('/account', 'My account');
      await checkScreen(page, 'account');
    });

    it('newsletter: the subscriber list and the CSV export of confirmed subscribers, downloaded by the browser', async () => {
      await t.prisma.newsletterSubscriber.create({
        data: { email: 'reader@confirmed.test', status: 'CONFIRMED', confirmedAt: new Date() },
      });
      await t.prisma.newsletterSubscriber.create({ data: { email: 'reader@pending.test', status: 'PENDING' } });
      await go('/newsletter', 'Newsletter subscribers');
      await page.getByRole('cell', { name: 'reader@pending.test' }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).press('Enter'),
      ]);
      expect(download.suggestedFilename()).toBe('newsletter-subscribers.csv');
      const csv = await readFile(await download.path(), 'utf8');
      expect(csv).toContain('reader@confirmed.test');
      expect(csv).not.toContain('reader@pending.test');
      await page.getByText('Exported the confirmed subscribers').waitFor();
    });

    it('account: change my password; the new one signs in, the old one no longer does', async () => {
      await go('/account', 'My account');
      const form = page.getByRole('form', { name: 'Change my password' });
      await form.getByLabel('Current password').fill(TEST_PASSWORD);
      await form.getByLabel('New password').fill('a brand new passphrase');
      await form.getByRole('button', { name: 'Change password' }).press('Enter');
      await page.getByText('Password changed.').waitFor();
      const login = (password: string) =>
        t.admin.post(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, {
          input: { email: adminEmail, password },
        });
      expect((await login(TEST_PASSWORD)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await login('a brand new passphrase')).body.data?.login.accessToken).toEqual(expect.any(String));
    });

    it('keeps the session across a reload through the cookie, and signing out ends it for good', async () => {
      await page.reload();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      const cookies = await page.context().cookies();
      expect(cookies.find((cookie) => cookie.name === 'newsdesk_refresh')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
        path: '/admin/graphql',
      });
      // Page scripts cannot see it.
      expect(await page.evaluate('document.cookie')).toBe('');
      await page.getByRole('button', { name: 'Sign out' }).press('Enter');
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect((await page.context().cookies()).some((cookie) => cookie.name === 'newsdesk_refresh')).toBe(false);
      await page.reload();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    });
  });

  describe('Studio: two editors on one article, and the CONFLICT flow keeps both texts', () => {
    const REVISIONS = `query($id: ID!) { articleRevisions(id: $id, first: 100) { edges { node { version message snapshot } } } }`;

    let api: LoggedIn;
    let alice: Page;
    let bob: Page;

    beforeAll(async () => {
      api = await loginAs(t, 'EDITOR');
      const [a, b] = [
        await createUser(t, 'EDITOR', { name: 'Alice Editor' }),
        await createUser(t, 'EDITOR', { name: 'Bob Editor' }),
      ];
      alice = (await openStudio(t, browser, { signedInAs: a.email })).page;
      bob = (await openStudio(t, browser, { signedInAs: b.email })).page;
    });
    afterAll(() => closeStudios(browser));

    async function openBoth(headline: string) {
      const article = await mutateArticle(api.admin, 'createArticle', {
        headline,
        dek: 'Original dek',
        body: [{ type: 'paragraph', text: 'Original body.' }],
      });
      for (const page of [alice, bob]) {
        await goTo(page, `/articles/${encodeURIComponent(article.id)}`, 'Edit article');
        await page.getByLabel('Headline').waitFor();
      }
      return article.id as string;
    }

    async function replace(page: Page, label: string, text: string) {
      await page.getByLabel(label, { exact: true }).fill(text);
    }

    async function appendToBody(page: Page, text: string) {
      const body = page.getByRole('textbox', { name: 'Body' });
      await body.focus();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(text);
    }

    // Both editors' edits are autosaved (autosaveNow: without waiting out the delay).
    const saved = (page: Page) => page.getByText('All changes saved').waitFor();
    const conflict = (page: Page) => page.getByRole('alertdialog', { name: 'Someone else saved this article' });
    const stored = (id: string) =>
      api.admin.data(`query($id: ID!) { adminArticle(id: $id) { headline dek body version } }`, { id });
    const revisionTexts = async (id: string) => JSON.stringify((await api.admin.data(REVISIONS, { id })).articleRevisions.edges);

    it('keep mine: my body goes on top of their headline, and both are saved', async () => {
      const id = await openBoth('Original headline');
      await replace(alice, 'Headline', 'Headline from Alice');
      await autosaveNow(alice);
      await saved(alice);
      await appendToBody(bob, ' Bob adds a sentence.');
      await autosaveNow(bob);
      await conflict(bob).waitFor();
      expect(await conflict(bob).innerText()).toContain('Their save changed: Headline.');
      await checkScreen(bob, 'conflict');
      await conflict(bob).getByRole('button', { name: 'Keep mine' }).press('Enter');
      await saved(bob);

      const { adminArticle } = await stored(id);
      expect(adminArticle.headline).toBe('Headline from Alice');
      expect(adminArticle.body).toEqual([{ type: 'paragraph', text: 'Original body. Bob adds a sentence.' }]);
      expect(await bob.getByLabel('Headline').inputValue()).toBe('Headline from Alice');
    });

    it('take theirs: their body stays, and mine is kept as a revision', async () => {
      const id = await openBoth('Take theirs');
      await appendToBody(alice, ' Alice wrote this.');
      await autosaveNow(alice);
      await saved(alice);
      await appendToBody(bob, ' Bob wrote that.');
      await autosaveNow(bob);
      await conflict(bob).waitFor();
      await conflict(bob).getByRole('button', { name: 'Take theirs' }).press('Enter');
      await saved(bob);

      const { adminArticle } = await stored(id);
      expect(adminArticle.body).toEqual([{ type: 'paragraph', text: 'Original body. Alice wrote this.' }]);
      const history = await revisionTexts(id);
      expect(history).toContain('Original body. Bob wrote that.');
      expect(history).toContain('My conflicting edit, kept for the record');
      expect(await bob.getByRole('textbox', { name: 'Body' }).innerText()).toBe('Original body. Alice wrote this.');
    });

    it('merge by field: their headline and dek, my body; my headline stays in the history', async () => {
      const id = await openBoth('Merge me');
      await replace(alice, 'Headline', 'Alice headline');
      await replace(alice, 'Dek', 'Alice dek');
      await autosaveNow(alice);
      await saved(alice);
      await replace(bob, 'Headline', 'Bob headline');
      await appendToBody(bob, ' Bob body.');
      await autosaveNow(bob);
      await conflict(bob).waitFor();
      const panel = conflict(bob);
      expect(await panel.getByRole('row', { name: /Headline/ }).innerText()).toContain('Alice headline');
      await panel.getByRole('group', { name: 'Keep which Headline' }).getByLabel('Theirs').check();
      await panel.getByRole('button', { name: 'Merge chosen fields' }).press('Enter');
      await saved(bob);

      const { adminArticle } = await stored(id);
      expect(adminArticle).toMatchObject({ headline: 'Alice headline', dek: 'Alice dek' });
      expect(adminArticle.body).toEqual([{ type: 'paragraph', text: 'Original body. Bob body.' }]);
      expect(await revisionTexts(id)).toContain('Bob headline');
    });
  });
});
