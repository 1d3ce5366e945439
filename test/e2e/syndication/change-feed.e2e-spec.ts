import { toGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { changesPage, createPartner, feedSettled, readChanges } from '../../utils/syndication.js';
import { waitFor } from '../../utils/wait-for.js';

describe('syndication change feed', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let factory: ContentFactory;
  let key: string;

  // Changes after `since`, once at least `count` are readable (a commit becomes readable once no
  // older transaction is still open).
  const changesAfter = (since: string | null, count: number) =>
    waitFor(async () => {
      const read = await readChanges(t, key, since);
      return read.changes.length >= count && read;
    });
  const endOfFeed = async () => {
    await feedSettled(t);
    return (await readChanges(t, key)).cursor;
  };
  const publish = async (input: Record<string, unknown>) =>
    mutateArticle(admin.admin, 'publishArticle', { id: (await mutateArticle(admin.admin, 'createArticle', input)).id });
  const republish = async (article: { id: string; version: number }, changes: Record<string, unknown>) => {
    const pending = await mutateArticle(admin.admin, 'updateArticle', {
      id: article.id,
      expectedVersion: article.version,
      ...changes,
    });
    return mutateArticle(admin.admin, 'publishArticle', { id: article.id, expectedVersion: pending.version });
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'ADMIN');
    factory = new ContentFactory(t.prisma);
    key = (await createPartner(admin, { name: 'Mirror' })).key;
  });
  afterAll(() => t.close());

  it('lists publish, update, unpublish, trash and purge as published/updated/unpublished/deleted, in order', async () => {
    const since = await endOfFeed();
    const a = await publish({ headline: 'A first' });
    const a2 = await republish(a, { headline: 'A second' });
    await mutateArticle(admin.admin, 'unpublishArticle', { id: a2.id });
    const b = await publish({ headline: 'B' });
    await mutateArticle(admin.admin, 'trashArticle', { id: b.id });
    const c = await publish({ headline: 'C' });
    const purged = await admin.admin.data(`mutation($input: ArticleIdInput!) { purgeArticle(input: $input) { id } }`, {
      input: { id: c.id },
    });
    expect(purged.purgeArticle.id).toBe(c.id);
    const d = await publish({ headline: 'D stays' });

    const { changes } = await changesAfter(since, 8);
    expect(changes.map((change) => [change.id, change.action])).toEqual([
      [a.id, 'published'],
      [a.id, 'updated'],
      [a.id, 'unpublished'],
      [b.id, 'published'],
      [b.id, 'deleted'],
      [c.id, 'published'],
      [c.id, 'deleted'],
      [d.id, 'published'],
    ]);
    // Payloads are the article as published now: only D is still live.
    expect(changes.map((change) => change.article?.headline ?? null)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      'D stays',
    ]);
    expect(changes.every((change) => change.entityType === 'Article' && !Number.isNaN(Date.parse(change.occurredAt)))).toBe(true);
  });

  it('sends the public JSON of the article, with the body only to full-text partners', async () => {
    const tag = await factory.tag({ name: 'Sahel', slug: 'sahel' });
    const section = await factory.section({ name: 'Africa', slug: 'africa' });
    const since = await endOfFeed();
    const article = await publish({
      headline: 'Juntas dig in',
      body: [{ type: 'paragraph', text: 'Full story.' }],
      language: 'pt-br',
      dateline: 'KYIV',
      tagIds: [toGlobalId('Tag', tag.id)],
      sectionId: toGlobalId('Section', section.id),
    });
    const [change] = (await changesAfter(since, 1)).changes;
    expect(change!.article).toMatchObject({
      id: article.id,
      slug: 'juntas-dig-in',
      headline: 'Juntas dig in',
      url: expect.stringMatching(/^https:\/\/news\.example\.com\/.*juntas-dig-in/),
      teaser: 'Full story.',
      language: 'pt-BR',
      dateline: 'KYIV',
      section: { id: toGlobalId('Section', section.id), slug: 'africa', name: 'Africa' },
      tags: [{ id: toGlobalId('Tag', tag.id), slug: 'sahel', name: 'Sahel' }],
    });
    expect(change!.article).not.toHaveProperty('body');
    expect(JSON.stringify(change)).not.toMatch(/status|version|bodyText/);

    const fullText = await createPartner(admin, { name: 'Full text', fullText: true });
    const [full] = (await changesPage(t, fullText.key, since, 1)).changes;
    expect(full!.article).toMatchObject({ body: [{ type: 'paragraph', text: 'Full story.' }], bodyHtml: '<p>Full story.</p>' });
  });

  it('pages with a small limit to every change exactly once, and resumes from an empty page', async () => {
    for (let i = 0; i < 5; i++) await publish({ headline: `Paged ${i}` });
    // Every row of this test visible before the two reads, or the second could see a row the first could not.
    await feedSettled(t);
    const all = await changesAfter(null, 1);
    const paged = await readChanges(t, key, null, 2);
    expect(paged.changes).toEqual(all.changes);
    expect(new Set(paged.changes.map((change) => change.cursor)).size).toBe(paged.changes.length);
    const tail = await changesPage(t, key, paged.cursor, 2);
    expect(tail).toEqual({ changes: [], nextCursor: paged.cursor, hasMore: false });
  });

  it('refuses bad cursors and limits as bad input', async () => {
    const cases = [
      ['after=garbage', 'after'],
      ['since=garbage', 'since'],
      ['limit=501', 'limit'],
      ['limit=0', 'limit'],
      [`after=${Buffer.from('["1","x"]').toString('base64url')}`, 'after'],
    ];
    for (const [query, path] of cases) {
      const response = await fetch(`${t.baseUrl}/syndication/changes?${query}`, { headers: { 'x-partner-key': key } });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as any;
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(error)).toContain(`"${path}"`);
    }
  });

  it('takes the cursor as `after`, and still as its deprecated alias `since`, never both at once', async () => {
    for (let i = 0; i < 3; i++) await publish({ headline: `Alias ${i}` });
    const [first] = (await changesAfter(null, 3)).changes;
    const url = (query: string) => `${t.baseUrl}/syndication/changes?${query}&limit=2`;
    const read = async (query: string) => (await fetch(url(query), { headers: { 'x-partner-key': key } })).json() as Promise<any>;
    const byAfter = await read(`after=${first!.cursor}`);
    expect(byAfter.changes).toHaveLength(2);
    expect(byAfter.changes[0].cursor).not.toBe(first!.cursor);
    expect(await read(`since=${first!.cursor}`)).toEqual(byAfter);

    const both = await fetch(url(`after=${first!.cursor}&since=${first!.cursor}`), { headers: { 'x-partner-key': key } });
    expect(both.status).toBe(400);
    expect(((await both.json()) as any).error.code).toBe('BAD_USER_INPUT');
  });

  it("sends tombstones for articles outside a partner's scope, including ones that moved out", async () => {
    const tag = await factory.tag();
    const other = await factory.tag();
    const scoped = await createPartner(admin, { name: 'Tag only', tagIds: [toGlobalId('Tag', tag.id)] });
    const since = await endOfFeed();
    const inside = await publish({ headline: 'Inside', tagIds: [toGlobalId('Tag', tag.id)] });
    const outside = await publish({ headline: 'Outside', tagIds: [toGlobalId('Tag', other.id)] });
    await changesAfter(since, 2);
    const first = await readChanges(t, scoped.key, since);
    expect(first.changes.map((change) => [change.id, change.article?.headline ?? null])).toEqual([
      [inside.id, 'Inside'],
      [outside.id, null],
    ]);

    await republish(inside, { tagIds: [toGlobalId('Tag', other.id)] });
    await changesAfter(first.cursor, 1);
    const moved = await readChanges(t, scoped.key, first.cursor);
    expect(moved.changes.map((change) => [change.id, change.action, change.article])).toEqual([[inside.id, 'updated', null]]);
  });

  it('serves the same feed on the public GraphQL endpoint, to partners only', async () => {
    const query = `query($after: String, $first: Int) { syndicationChanges(after: $after, first: $first) {
      edges { cursor node { id action entityType entityId occurredAt article { id headline tags { slug } } } }
      pageInfo { hasNextPage endCursor } } }`;
    const anonymous = await t.graphql.post(query, {});
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await t.graphql.post(query, {}, { 'x-partner-key': 'ndp_wrong' });
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The key is checked before the arguments: no key and bad arguments is still UNAUTHENTICATED.
    const anonymousBad = await t.graphql.post(query, { first: 0 });
    expect(anonymousBad.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const none = await t.graphql.post(query, { first: 0 }, { 'x-partner-key': key });
    expect(none.body.errors?.[0]?.extensions?.issues).toEqual([expect.objectContaining({ path: 'first' })]);

    const rest = await readChanges(t, key);
    const response = await t.graphql.post(query, { first: 3 }, { 'x-partner-key': key });
    expect(response.body.errors).toBeUndefined();
    expect(response.headers.get('cache-control')).not.toMatch(/public/);
    const { edges, pageInfo } = response.body.data!.syndicationChanges;
    expect(
      edges.map((edge: any) => [edge.cursor, edge.node.entityId, edge.node.action.toLowerCase(), edge.node.article?.headline]),
    ).toEqual(rest.changes.slice(0, 3).map((change) => [change.cursor, change.id, change.action, change.article?.headline]));
    expect(edges[0].node.id).toBe(edges[0].cursor);
    expect(pageInfo).toEqual({ hasNextPage: true, endCursor: edges[2].cursor });

    const next = await t.graphql.post(query, { first: 2, after: pageInfo.endCursor }, { 'x-partner-key': key });
    expect(next.body.data!.syndicationChanges.edges.map((edge: any) => edge.cursor)).toEqual(
      rest.changes.slice(3, 5).map((change) => change.cursor),
    );
  });

  it('keeps `since` on GraphQL as a deprecated alias of `after` (Relay cursor naming)', async () => {
    const { __type } = await t.graphql.data(`{ __type(name: "Query") { fields { name
      args(includeDeprecated: true) { name isDeprecated deprecationReason } } } }`);
    const args = __type.fields.find((field: any) => field.name === 'syndicationChanges').args;
    expect(args.find((arg: any) => arg.name === 'after')).toMatchObject({ isDeprecated: false });
    expect(args.find((arg: any) => arg.name === 'since')).toMatchObject({
      isDeprecated: true,
      deprecationReason: expect.stringMatching(/after/),
    });

    const page = (variables: Record<string, unknown>) =>
      t.graphql.post(
        'query($after: String, $since: String) { syndicationChanges(after: $after, since: $since, first: 2) { edges { cursor } } }',
        variables,
        { 'x-partner-key': key },
      );
    const [first] = (await readChanges(t, key)).changes;
    const byAfter = await page({ after: first!.cursor });
    expect(byAfter.body.errors).toBeUndefined();
    expect((await page({ since: first!.cursor })).body).toEqual(byAfter.body);
    const both = await page({ after: first!.cursor, since: first!.cursor });
    expect(both.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const bad = await page({ after: 'garbage' });
    expect(bad.body.errors?.[0]?.extensions?.issues).toEqual([expect.objectContaining({ path: 'after' })]);
  });
});
