import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { mutateArticle } from '../../utils/admin-articles.js';
import { createUser, loginAs, type LoggedIn } from '../../utils/auth.js';
import { launchBrowser } from '../../utils/browser.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { checkScreen, openStudio, signIn } from '../../utils/studio.js';

// Browser flows take longer than the API specs' default.
jest.setTimeout(120_000);

const REVISIONS = `query($id: ID!) { articleRevisions(id: $id, first: 100) { edges { node { version message snapshot } } } }`;

describe('Studio: two editors on one article, and the CONFLICT flow keeps both texts', () => {
  let t: TestApp;
  let browser: Browser;
  let api: LoggedIn;
  let alice: Page;
  let bob: Page;

  beforeAll(async () => {
    t = await createTestApp();
    browser = await launchBrowser();
    api = await loginAs(t, 'EDITOR');
    const [a, b] = [
      await createUser(t, 'EDITOR', { name: 'Alice Editor' }),
      await createUser(t, 'EDITOR', { name: 'Bob Editor' }),
    ];
    alice = (await openStudio(t, browser)).page;
    bob = (await openStudio(t, browser)).page;
    await signIn(alice, a.email);
    await signIn(bob, b.email);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openBoth(headline: string) {
    const article = await mutateArticle(api.admin, 'createArticle', {
      headline,
      dek: 'Original dek',
      body: [{ type: 'paragraph', text: 'Original body.' }],
    });
    for (const page of [alice, bob]) {
      await page.goto(`/studio/articles/${encodeURIComponent(article.id)}`);
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

  const saved = (page: Page) => page.getByText('All changes saved').waitFor();
  const conflict = (page: Page) => page.getByRole('alertdialog', { name: 'Someone else saved this article' });
  const stored = (id: string) =>
    api.admin.data(`query($id: ID!) { adminArticle(id: $id) { headline dek body version } }`, { id });
  const revisionTexts = async (id: string) => JSON.stringify((await api.admin.data(REVISIONS, { id })).articleRevisions.edges);

  it('keep mine: my body goes on top of their headline, and both are saved', async () => {
    const id = await openBoth('Original headline');
    await replace(alice, 'Headline', 'Headline from Alice');
    await saved(alice);
    await appendToBody(bob, ' Bob adds a sentence.');
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
    await saved(alice);
    await appendToBody(bob, ' Bob wrote that.');
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
    await saved(alice);
    await replace(bob, 'Headline', 'Bob headline');
    await appendToBody(bob, ' Bob body.');
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
