import { hashToken } from '../../../src/auth/token-hash.js';
import { toGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createPartner } from '../../utils/syndication.js';
import { ResponseKeys } from '../../../src/common/response-keys.js';
import { FeedService } from '../../../src/feeds/feed.service.js';
import type { PartnerScope } from '../../../src/syndication/partners/partner-scope.js';

const PARTNER_FIELDS = 'id name keyPrefix scope { sectionIds tagIds } fullText rateLimitPerMinute enabled lastPullAt';
const CREATE = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { key partner { ${PARTNER_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) { partner { ${PARTNER_FIELDS} } } }`;
const ROTATE = `mutation($input: RotatePartnerKeyInput!) { rotatePartnerKey(input: $input) { key partner { ${PARTNER_FIELDS} } } }`;
const LIST = `{ partners { ${PARTNER_FIELDS} usage { day requests } } }`;

describe('syndication partners', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let factory: ContentFactory;
  const create = async (input: Record<string, unknown>) => (await admin.admin.data(CREATE, { input })).createPartner;
  const changes = (headers: Record<string, string> = {}, query = '') =>
    fetch(`${t.baseUrl}/syndication/changes${query}`, { headers });
  const listed = async (id: string) => (await admin.admin.data(LIST)).partners.find((partner: any) => partner.id === id);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'ADMIN');
    factory = new ContentFactory(t.prisma);
  });
  afterAll(() => t.close());

  it('creates a partner, shows its key once, stores only the hash, and audits it', async () => {
    const tag = await factory.tag();
    const section = await factory.section();
    const input = {
      name: 'Regional Daily',
      tagIds: [toGlobalId('Tag', tag.id)],
      sectionIds: [toGlobalId('Section', section.id)],
      fullText: true,
      rateLimitPerMinute: 120,
    };
    const { key, partner } = await create(input);
    expect(key).toMatch(/^ndp_[A-Za-z0-9_-]{40,}$/);
    expect(partner).toEqual({
      id: expect.any(String),
      name: 'Regional Daily',
      keyPrefix: key.slice(0, 10),
      scope: { sectionIds: input.sectionIds, tagIds: input.tagIds },
      fullText: true,
      rateLimitPerMinute: 120,
      enabled: true,
      lastPullAt: null,
    });
    const row = await t.prisma.partner.findUniqueOrThrow({ where: { id: partner.id } });
    expect(row).toMatchObject({ keyHash: hashToken(key), tagIds: [tag.id], sectionIds: [section.id] });
    expect(JSON.stringify(row)).not.toContain(key);
    expect(JSON.stringify(await admin.admin.data(LIST))).not.toContain(key);
    const audit = await t.prisma.auditEntry.findFirstOrThrow({ where: { action: 'partner.created', entityId: partner.id } });
    expect(audit).toMatchObject({ actorId: admin.user.id, entityType: 'Partner', details: { name: 'Regional Daily' } });
    expect(JSON.stringify(audit)).not.toContain(key);
  });

  it('updates only the fields sent, and rotating the key retires the old one at once', async () => {
    const { key, partner } = await create({ name: 'Wire', rateLimitPerMinute: 30 });
    const { updatePartner } = await admin.admin.data(UPDATE, { input: { id: partner.id, name: 'Wire Service', fullText: true } });
    expect(updatePartner.partner).toMatchObject({ name: 'Wire Service', fullText: true, rateLimitPerMinute: 30 });

    const { rotatePartnerKey } = await admin.admin.data(ROTATE, { input: { id: partner.id } });
    expect(rotatePartnerKey.key).not.toBe(key);
    expect(rotatePartnerKey.partner.keyPrefix).toBe(rotatePartnerKey.key.slice(0, 10));
    expect((await changes({ 'x-partner-key': key })).status).toBe(401);
    expect((await changes({ 'x-partner-key': rotatePartnerKey.key })).status).toBe(200);
    const actions = await t.prisma.auditEntry.findMany({ where: { entityId: partner.id }, orderBy: { createdAt: 'asc' } });
    expect(actions.map((entry) => entry.action)).toEqual(['partner.created', 'partner.updated', 'partner.key_rotated']);
  });

  it('is for admins only, and refuses bad input without changing anything', async () => {
    const editor = await loginAs(t, 'EDITOR');
    const before = await t.prisma.partner.count();
    for (const [query, variables] of [
      [CREATE, { input: { name: 'Sneaky' } }],
      [LIST, {}],
    ] as const) {
      const response = await editor.admin.post(query, variables);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const bad = await admin.admin.post(CREATE, { input: { name: ' ', tagIds: ['nope'], rateLimitPerMinute: 0 } });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors?.[0]?.message).toMatch(/input\.name.*input\.tagIds\.0.*input\.rateLimitPerMinute/);
    const missing = await admin.admin.post(ROTATE, { input: { id: '00000000-0000-7000-8000-000000000000' } });
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await t.prisma.partner.count()).toBe(before);
  });

  it('answers 401 JSON to an unknown or disabled key, and asks anonymous callers for one', async () => {
    const { key, partner } = await create({ name: 'Soon disabled' });
    const unknown = await changes({ 'x-partner-key': 'ndp_not-a-real-key' });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });

    await admin.admin.data(UPDATE, { input: { id: partner.id, enabled: false } });
    const disabled = await changes({ 'x-partner-key': key });
    expect(disabled.status).toBe(401);
    expect(((await disabled.json()) as any).error.message).toBe('Unknown or disabled partner key');
    expect((await changes({}, `?key=${key}`)).status).toBe(401);

    const anonymous = await changes();
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).error.message).toMatch(/X-Partner-Key/);
  });

  it('takes the key from ?key= too, and counts requests per UTC day with the last pull time', async () => {
    const { key, partner } = await create({ name: 'Feed reader' });
    expect((await changes({}, `?key=${encodeURIComponent(key)}&limit=1`)).status).toBe(200);
    expect((await changes({ 'x-partner-key': key })).status).toBe(200);
    const yesterday = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 1));
    await t.prisma.partnerUsage.create({ data: { partnerId: partner.id, day: yesterday, requests: 7 } });

    const seen = await listed(partner.id);
    const today = new Date().toISOString().slice(0, 10);
    expect(seen.usage).toEqual([
      { day: today, requests: 2 },
      { day: yesterday.toISOString().slice(0, 10), requests: 7 },
    ]);
    expect(Date.now() - new Date(seen.lastPullAt).getTime()).toBeLessThan(60_000);
    const { partners } = await admin.admin.data(`{ partners { id usage(days: 1) { day requests } } }`);
    expect(partners.find((row: any) => row.id === partner.id).usage).toEqual([{ day: today, requests: 2 }]);
  });

  it('answers 429 with Retry-After over the per-minute limit, without counting refused requests', async () => {
    const { key, partner } = await create({ name: 'Greedy', rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    let refused: Response | undefined;
    // A minute boundary may fall inside the loop and reset the window once; 8 tries cover that.
    for (let i = 0; i < 8 && !refused; i++) {
      const response = await changes({ 'x-partner-key': key });
      statuses.push(response.status);
      if (response.status === 429) refused = response;
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(refused).toBeDefined();
    const retryAfter = Number(refused!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused!.json()).toMatchObject({ error: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } });
    const usage = await t.prisma.partnerUsage.findMany({ where: { partnerId: partner.id } });
    expect(usage.reduce((sum, row) => sum + row.requests, 0)).toBe(statuses.filter((status) => status === 200).length);
  });
});

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
    new Set((await feeds.build({ kind: 'site' }, partner, 'json', ResponseKeys.none)).feed.items.map((item) => item.guid));

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
    const { feed: teaserOnly } = await feeds.build({ kind: 'site' }, scope({ fullText: false }), 'json', ResponseKeys.none);
    expect(teaserOnly.items.every((item) => item.contentHtml === null && item.summary)).toBe(true);
    const { feed: full } = await feeds.build({ kind: 'site' }, scope({ fullText: true }), 'json', ResponseKeys.none);
    expect(full.items.every((item) => item.contentHtml?.startsWith('<p>'))).toBe(true);
  });
});
