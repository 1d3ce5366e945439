import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { createUser } from '../../utils/auth.js';
import { launchBrowser } from '../../utils/browser.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { checkScreen, openStudio, signIn } from '../../utils/studio.js';

// Browser flows take longer than the API specs' default.
jest.setTimeout(120_000);

describe('Studio: roles decide which buttons exist, and the API has the last word', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function writeDraft(email: string, headline: string) {
    const { page } = await openStudio(t, browser);
    await signIn(page, email);
    await page.getByRole('button', { name: 'New article' }).press('Enter');
    await page.getByLabel('Headline').fill(headline);
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
