import { ResponseKeys } from '../../../src/common/response-keys.js';
import { toGlobalId } from '../../../src/common/global-id.js';
import { FeedService } from '../../../src/feeds/feed.service.js';
import type { PartnerScope } from '../../../src/syndication/partners/partner-scope.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

// A partner cannot be put on a request from outside (the partners module authenticates keys), so
// scoping is checked on the feed service itself, against a real database.
describe('feeds: partner scope', () => {
  let t: TestApp;
  let feeds: FeedService;
  const ids: Record<string, string> = {};
  const scope = (overrides: Partial<PartnerScope>): PartnerScope => ({
    partnerId: 'p1',
    name: 'Partner',
    sectionIds: [],
    tagIds: [],
    fullText: true,
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    feeds = t.app.get(FeedService);
    const factory = new ContentFactory(t.prisma);
    const [world, sport, climate] = await Promise.all([factory.section(), factory.section(), factory.tag()]);
    Object.assign(ids, { worldSection: world.id, climateTag: climate.id });
    const articles = {
      worldClimate: await factory.article({ section: world, tags: [climate] }),
      worldOnly: await factory.article({ section: world }),
      sportClimate: await factory.article({ section: sport, tags: [climate] }),
      none: await factory.article(),
    };
    for (const [name, article] of Object.entries(articles)) ids[name] = toGlobalId('Article', article.id);
  });
  afterAll(() => t.close());

  const guids = async (partner?: PartnerScope) =>
    new Set((await feeds.build({ kind: 'site' }, partner, ResponseKeys.none)).items.map((item) => item.guid));

  it('shows everything with full content to the public and to an unrestricted partner', async () => {
    expect(await guids()).toEqual(new Set([ids.worldClimate, ids.worldOnly, ids.sportClimate, ids.none]));
    expect(await guids(scope({}))).toEqual(await guids());
  });

  it('restricts items to the allowed sections and tags, both applying when both are set', async () => {
    expect(await guids(scope({ sectionIds: [ids.worldSection!] }))).toEqual(new Set([ids.worldClimate, ids.worldOnly]));
    expect(await guids(scope({ tagIds: [ids.climateTag!] }))).toEqual(new Set([ids.worldClimate, ids.sportClimate]));
    expect(await guids(scope({ sectionIds: [ids.worldSection!], tagIds: [ids.climateTag!] }))).toEqual(
      new Set([ids.worldClimate]),
    );
  });

  it('leaves the body out unless the partner has full text', async () => {
    const teaserOnly = await feeds.build({ kind: 'site' }, scope({ fullText: false }), ResponseKeys.none);
    expect(teaserOnly.items.every((item) => item.contentHtml === null && item.summary)).toBe(true);
    const full = await feeds.build({ kind: 'site' }, scope({ fullText: true }), ResponseKeys.none);
    expect(full.items.every((item) => item.contentHtml?.startsWith('<p>'))).toBe(true);
  });
});
