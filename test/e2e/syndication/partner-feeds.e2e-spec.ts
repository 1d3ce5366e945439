import { toGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createPartner } from '../../utils/syndication.js';

// The partner middleware in front of /feeds: a tag-scoped partner's key narrows the feed.
describe('feeds with a partner key', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let factory: ContentFactory;

  const titles = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${t.baseUrl}${path}`, { headers });
    expect(response.status).toBe(200);
    const feed = (await response.json()) as { items: { title: string; content_html?: string }[] };
    return feed.items.map((item) => item.title).sort();
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'ADMIN');
    factory = new ContentFactory(t.prisma);
  });
  afterAll(() => t.close());

  it("returns only the partner's tag to a tag-scoped key, by header or ?key=, and everything anonymously", async () => {
    const wanted = await factory.tag();
    const other = await factory.tag();
    await factory.article({ headline: 'Tagged one', tags: [wanted] });
    await factory.article({ headline: 'Tagged two', tags: [wanted, other] });
    await factory.article({ headline: 'Other tag', tags: [other] });
    await factory.article({ headline: 'No tag' });
    const { key } = await createPartner(admin, { name: 'Tag partner', tagIds: [toGlobalId('Tag', wanted.id)] });

    expect(await titles('/feeds/feed.json', { 'x-partner-key': key })).toEqual(['Tagged one', 'Tagged two']);
    expect(await titles(`/feeds/feed.json?key=${encodeURIComponent(key)}`)).toEqual(['Tagged one', 'Tagged two']);
    expect(await titles(`/feeds/tags/${other.slug}/feed.json?key=${encodeURIComponent(key)}`)).toEqual(['Tagged two']);
    expect(await titles('/feeds/feed.json')).toEqual(['No tag', 'Other tag', 'Tagged one', 'Tagged two']);
  });

  it('refuses a bad key on feeds with 401 rather than serving the public feed', async () => {
    const response = await fetch(`${t.baseUrl}/feeds/rss.xml?key=ndp_wrong`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as any).error.code).toBe('UNAUTHENTICATED');
  });
});
