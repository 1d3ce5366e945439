import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createMediaSandbox, imageRow, uploadedImage, type MediaSandbox } from '../../utils/media.js';
import { PNG } from '../../fixtures/images.js';

const QUERY = `query ($search: String, $uploadedBy: ID, $after: String, $from: DateTime, $to: DateTime, $first: Int) {
  adminImages(search: $search, uploadedBy: $uploadedBy, uploadedAfter: $from, uploadedBefore: $to, first: $first, after: $after) {
    totalCount
    edges { node { id caption originalFilename thumbnailUrl url(width: 320) } }
    pageInfo { hasNextPage endCursor }
  }
}`;

// adminImages: substring search over caption, credit, alt text and file name (ILIKE on a trigram
// index), uploader and date filters, keyset pages, thumbnails.
describe('media: library search', () => {
  let t: TestApp;
  let media: MediaSandbox;
  let alice: LoggedIn;
  let bob: LoggedIn;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    media = await createMediaSandbox();
    t = await createTestApp({ MEDIA_DIR: media.mediaDir, MEDIA_RENDITION_WIDTHS: '160,320', MEDIA_RENDITION_ASPECTS: '1:1' });
    [alice, bob] = [await loginAs(t, 'CONTRIBUTOR'), await loginAs(t, 'CONTRIBUTOR')];
    const uploads: [string, LoggedIn, Record<string, string>, string][] = [
      ['bamako', alice, { caption: 'Protesters in BAMAKO', credit: 'REUTERS' }, 'street.png'],
      ['niamey', alice, { caption: 'Summit', credit: 'AFP/Hamidou' }, 'summit.png'],
      ['kyiv', bob, { altText: 'A tram in Kyiv' }, 'tram.png'],
      ['percent', bob, { caption: '100% turnout' }, 'DSC_0042.png'],
      ['plain', bob, { caption: '1000 voters' }, 'voters.png'],
    ];
    for (const [name, who, fields, fileName] of uploads) {
      ids[name] = (await uploadedImage(t, who, { ...PNG, name: fileName }, fields)).id;
    }
  });

  afterAll(async () => {
    await t.close();
    await media.remove();
  });

  const search = async (variables: Record<string, unknown>) =>
    (await alice.admin.data(QUERY, { first: 50, ...variables })).adminImages;
  const found = async (variables: Record<string, unknown>) =>
    (await search(variables)).edges.map((edge: { node: { id: string } }) => edge.node.id).sort();

  it('finds a part of the caption, credit, alt text or file name, in any case', async () => {
    expect(await found({ search: 'bamak' })).toEqual([ids.bamako]);
    expect(await found({ search: 'hamidou' })).toEqual([ids.niamey]);
    expect(await found({ search: 'TRAM IN' })).toEqual([ids.kyiv]);
    expect(await found({ search: 'dsc_00' })).toEqual([ids.percent]);
    expect(await found({ search: 'nothing like it' })).toEqual([]);
  });

  it('answers substring searches from the trigram index', async () => {
    const plan = await t.prisma.$transaction(async (tx) => {
      // On a table this small a scan is cheaper; forbidding it shows the index can answer the query.
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN SELECT id FROM images WHERE search_text LIKE '%bamak%'`);
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('images_search_idx');
  });

  it('matches LIKE wildcards literally', async () => {
    expect(await found({ search: '100%' })).toEqual([ids.percent]);
    expect(await found({ search: 'dsc_' })).toEqual([ids.percent]);
    expect(await found({ search: '0%' })).toEqual([ids.percent]);
  });

  it('filters by uploader and upload time, and pages with cursors', async () => {
    expect(await found({ uploadedBy: bob.user.id })).toEqual([ids.kyiv, ids.percent, ids.plain].sort());
    const kyiv = (await imageRow(t, ids.kyiv!))!;
    expect(await found({ uploadedBy: bob.user.id, from: kyiv.createdAt.toISOString() })).toEqual(
      [ids.kyiv, ids.percent, ids.plain].sort(),
    );
    expect(await found({ to: kyiv.createdAt.toISOString() })).toEqual([ids.bamako, ids.niamey].sort());
    const first = await search({ uploadedBy: alice.user.id, first: 1 });
    expect(first.totalCount).toBe(2);
    const second = await search({ uploadedBy: alice.user.id, first: 1, after: first.pageInfo.endCursor });
    expect([first.edges[0].node.id, second.edges[0].node.id]).toEqual([ids.niamey, ids.bamako]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('gives each item thumbnail URLs and its file name', async () => {
    const [item] = (await search({ search: 'summit' })).edges.map((edge: { node: unknown }) => edge.node);
    expect(item.originalFilename).toBe('summit.png');
    expect(new URL(item.thumbnailUrl).pathname).toMatch(/\/160x160\/cover-[0-9a-f]{8}\.auto$/);
    expect(new URL(item.url).pathname).toMatch(/\/320x0\/inside-[0-9a-f]{8}\.auto$/);
    expect((await fetch(`${t.baseUrl}${new URL(item.thumbnailUrl).pathname}`)).status).toBe(200);
  });

  it('refuses bad filters with BAD_USER_INPUT', async () => {
    for (const [variables, path] of [
      [{ search: 'a' }, 'search'],
      // Caught before the resolver, for any string variable (common/nul-characters.ts).
      [{ search: 'a\u0000b' }, '$search'],
      [{ uploadedBy: 'not-a-user' }, 'uploadedBy'],
      [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'uploadedBefore'],
    ] as const) {
      const response = await alice.admin.post(QUERY, variables);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path }] });
    }
  });
});
