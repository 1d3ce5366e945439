import { fromGlobalId } from '../../../src/common/global-id.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

interface PublicDates {
  headline: string;
  updatedAt: string;
  sitemapLastmod: string | undefined;
  sitemapIndexLastmod: string | undefined;
  feedModified: string | undefined;
}

// The public "updated" time is when the public version changed. Edits to a live article stay
// pending until published, and until then nothing public may move: not the text, not the dates.
describe('public updatedAt and sitemap lastmod', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'EDITOR');
  });
  afterAll(() => t.close());

  async function publicDates(slug: string): Promise<PublicDates> {
    const { article } = await t.graphql.data('query($slug: String!) { article(slug: $slug) { headline updatedAt url } }', {
      slug,
    });
    const sitemap = await (await fetch(`${t.baseUrl}/sitemaps/articles-1.xml`)).text();
    const index = await (await fetch(`${t.baseUrl}/sitemap.xml`)).text();
    const feed = (await (await fetch(`${t.baseUrl}/feeds/feed.json`)).json()) as {
      items: { url: string; date_modified: string }[];
    };
    return {
      headline: article.headline,
      updatedAt: article.updatedAt,
      sitemapLastmod: new RegExp(`<loc>${article.url}</loc><lastmod>([^<]+)</lastmod>`).exec(sitemap)?.[1],
      sitemapIndexLastmod: /articles-1\.xml<\/loc><lastmod>([^<]+)</.exec(index)?.[1],
      feedModified: feed.items.find((item) => item.url === article.url)?.date_modified,
    };
  }

  it('stays put through an unpublished edit and moves when the edit is published', async () => {
    const draft = await mutateArticle(admin.admin, 'createArticle', { headline: 'Stable dates' });
    const live = await mutateArticle(admin.admin, 'publishArticle', { id: draft.id });
    // As if it went live yesterday, so a later move shows without waiting for the clock.
    const yesterday = new Date(Date.now() - 86_400_000);
    await t.prisma.article.update({
      where: { id: fromGlobalId(live.id)!.id },
      data: { publishedAt: yesterday, updatedAt: yesterday, publicUpdatedAt: yesterday },
    });
    const before = await publicDates(live.slug);
    expect(before).toEqual({
      headline: 'Stable dates',
      updatedAt: yesterday.toISOString(),
      sitemapLastmod: yesterday.toISOString(),
      sitemapIndexLastmod: yesterday.toISOString(),
      feedModified: yesterday.toISOString(),
    });

    const pending = await mutateArticle(admin.admin, 'updateArticle', {
      id: live.id,
      expectedVersion: live.version,
      headline: 'Stable dates, edited',
    });
    expect(pending.hasPendingChanges).toBe(true);
    const { adminArticle } = await admin.admin.data('query($id: ID!) { adminArticle(id: $id) { updatedAt } }', { id: live.id });
    expect(new Date(adminArticle.updatedAt).getTime()).toBeGreaterThan(yesterday.getTime());
    expect(await publicDates(live.slug)).toEqual(before);

    await mutateArticle(admin.admin, 'publishArticle', { id: live.id, expectedVersion: pending.version });
    const after = await publicDates(live.slug);
    expect(after.headline).toBe('Stable dates, edited');
    for (const date of [after.updatedAt, after.sitemapLastmod, after.sitemapIndexLastmod, after.feedModified]) {
      expect(new Date(date!).getTime()).toBeGreaterThan(yesterday.getTime());
    }
    expect(after.sitemapLastmod).toBe(after.updatedAt);
  });

  it('starts as the publication time at the first publish', async () => {
    const draft = await mutateArticle(admin.admin, 'createArticle', { headline: 'First publish' });
    const live = await mutateArticle(admin.admin, 'publishArticle', { id: draft.id });
    const { article } = await t.graphql.data('query($slug: String!) { article(slug: $slug) { publishedAt updatedAt } }', {
      slug: live.slug,
    });
    expect(article.updatedAt).toBe(article.publishedAt);
  });
});
