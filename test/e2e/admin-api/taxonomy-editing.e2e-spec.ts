import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import type { GraphqlClient } from '../../utils/graphql-client.js';
import { KINDS, kind, mutate, mutationOf, randomName, stateOf, type Verb } from '../../utils/taxonomy-kinds.js';

describe('admin API: editing authors, tags, sections and series', () => {
  let t: TestApp;
  let factory: ContentFactory;
  let editor: GraphqlClient;
  let editorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new ContentFactory(t.prisma);
    const login = await loginAs(t, 'EDITOR');
    editor = login.admin;
    editorId = login.user.id;
  });
  afterAll(() => t.close());

  describe.each(KINDS)('$type slugs', (k) => {
    it('generates a slug from the name, suffixing -2 when it is taken', async () => {
      const name = `Côte d’Ivoire ${randomName(k.type)}`;
      const first = await mutate(editor, k, 'create', { name: `  ${name}  ` });
      const second = await mutate(editor, k, 'create', { name });
      const base = first[k.field].slug;
      expect(base).toMatch(/^cote-divoire-[a-z]+-[0-9a-f]+$/);
      expect(first[k.field].name).toBe(name);
      expect(second[k.field].slug).toBe(`${base}-2`);
    });

    it('keeps a given slug, and refuses one another row (even a trashed one) has with CONFLICT', async () => {
      const slug = `given-${randomUUID().slice(0, 8)}`;
      expect((await mutate(editor, k, 'create', { name: randomName(), slug }))[k.field].slug).toBe(slug);
      const trashed = await k.make(factory, { deletedAt: new Date() });
      for (const taken of [slug, trashed.slug]) {
        const before = await stateOf(t, k);
        const response = await editor.post(mutationOf(k, 'create'), { input: { name: randomName(), slug: taken } });
        expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', slug: taken });
        expect(await stateOf(t, k)).toEqual(before);
      }
    });

    it('keeps the slug on rename, changes it when asked, and refuses a taken one', async () => {
      const row = await k.make(factory);
      const other = await k.make(factory);
      const id = toGlobalId(k.type, row.id);
      const renamed = (await mutate(editor, k, 'update', { id, name: 'A whole new name' }))[k.field];
      expect(renamed).toMatchObject({ name: 'A whole new name', slug: row.slug });
      const moved = (await mutate(editor, k, 'update', { id, slug: `${row.slug}-moved` }))[k.field];
      expect(moved.slug).toBe(`${row.slug}-moved`);

      const before = await stateOf(t, k, row.id);
      const response = await editor.post(mutationOf(k, 'update'), { input: { id, name: 'Other name', slug: other.slug } });
      expect(response.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await stateOf(t, k, row.id)).toEqual(before);
    });
  });

  describe.each(KINDS)('$type trash rules', (k) => {
    it('answers NOT_FOUND for an unknown id, changing nothing', async () => {
      const id = toGlobalId(k.type, randomUUID());
      const { admin } = await loginAs(t, 'ADMIN');
      for (const verb of ['update', 'trash', 'restore', 'purge'] as Verb[]) {
        const before = await stateOf(t, k);
        const response = await admin.post(mutationOf(k, verb), { input: verb === 'update' ? { id, name: 'x' } : { id } });
        expect(response.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        expect(await stateOf(t, k)).toEqual(before);
      }
    });

    it('keeps a trashed item read-only until restored, and restores only what is in the trash', async () => {
      const row = await k.make(factory);
      const id = toGlobalId(k.type, row.id);
      expect((await mutate(editor, k, 'trash', { id }))[k.field].trashed).toBe(true);
      for (const [verb, input] of [
        ['update', { id, name: 'Edited in the trash' }],
        ['trash', { id }],
      ] as const) {
        const before = await stateOf(t, k, row.id);
        const response = await editor.post(mutationOf(k, verb), { input });
        expect(response.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
        expect(await stateOf(t, k, row.id)).toEqual(before);
      }
      expect((await mutate(editor, k, 'restore', { id }))[k.field].trashed).toBe(false);
      const again = await editor.post(mutationOf(k, 'restore'), { input: { id } });
      expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    });

    it('reads a trashed item by id, lists the trash apart from live items, and searches names and slugs', async () => {
      const marker = randomUUID().slice(0, 8);
      const live = await k.make(factory, { name: `Alpha ${marker}` });
      const trashed = await k.make(factory, { name: `Beta ${marker}`, deletedAt: new Date() });
      const bySlug = await k.make(factory, { name: 'Unrelated', slug: `slug-${marker}` });
      const ids = (connection: any) => connection.edges.map((edge: any) => edge.node.id);
      const query = `query($search: String, $trashed: Boolean, $id: ID!) {
        list: ${k.list}(search: $search, trashed: $trashed) { totalCount edges { node { id trashed } } }
        item: ${k.item}(id: $id) { id trashed }
        missing: ${k.item}(id: "${toGlobalId(k.type, randomUUID())}") { id }
      }`;
      const global = (row: { id: string }) => toGlobalId(k.type, row.id);

      const liveOnly = await editor.data(query, { search: marker.toUpperCase(), id: global(trashed) });
      expect(ids(liveOnly.list)).toEqual([global(live), global(bySlug)]);
      expect(liveOnly.list.totalCount).toBe(2);
      expect(liveOnly.item).toEqual({ id: global(trashed), trashed: true });
      expect(liveOnly.missing).toBeNull();

      const trash = await editor.data(query, { search: marker, trashed: true, id: global(live) });
      expect(ids(trash.list)).toEqual([global(trashed)]);
      // LIKE wildcards in a search are literal characters.
      const wildcard = await editor.data(query, { search: `%${marker}`, id: global(live) });
      expect(wildcard.list.totalCount).toBe(0);
    });
  });

  it('pages through a list with cursors', async () => {
    const marker = randomUUID().slice(0, 8);
    for (const letter of ['a', 'b', 'c']) await kind('Tag').make(factory, { name: `${letter} ${marker}` });
    const page = (after?: string) =>
      editor.data(
        `query($after: String) { adminTags(first: 2, after: $after, search: "${marker}") { edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
        {
          after,
        },
      );
    const first = (await page()).adminTags;
    expect(first.edges.map((edge: any) => edge.node.name)).toEqual([`a ${marker}`, `b ${marker}`]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await page(first.pageInfo.endCursor)).adminTags;
    expect(second.edges.map((edge: any) => edge.node.name)).toEqual([`c ${marker}`]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('audits each change with its actor, and an update with what changed', async () => {
    const k = kind('Tag');
    const created = (await mutate(editor, k, 'create', { name: 'Sahel', description: 'Old text' }, 'id slug')).tag;
    await mutate(editor, k, 'update', { id: created.id, description: 'New text', name: 'Sahel' });
    const entries = await t.prisma.auditEntry.findMany({
      where: { actorId: editorId, entityType: 'Tag' },
      orderBy: { createdAt: 'asc' },
    });
    const mine = entries.filter((entry) => entry.details && (entry.details as any).slug === created.slug);
    expect(mine.map((entry) => entry.action)).toEqual(['tag.created', 'tag.updated']);
    expect(mine[0]).toMatchObject({ actorKind: 'user', details: { name: 'Sahel', slug: created.slug } });
    expect(mine[1]!.details).toMatchObject({ changes: { description: { from: 'Old text', to: 'New text' } } });
    expect(Object.keys((mine[1]!.details as any).changes)).toEqual(['description']);
  });

  it('writes nothing for an update that changes nothing', async () => {
    const row = await kind('Series').make(factory, { name: 'Same name' });
    const before = await stateOf(t, kind('Series'), row.id);
    const payload = await mutate(editor, kind('Series'), 'update', { id: toGlobalId('Series', row.id), name: ' Same name ' });
    expect(payload.series.name).toBe('Same name');
    expect(await stateOf(t, kind('Series'), row.id)).toEqual(before);
  });

  it('sets and clears descriptions and section positions', async () => {
    const fields = 'id description position';
    const section = (await mutate(editor, kind('Section'), 'create', { name: randomName('Section') }, fields)).section;
    expect(section).toMatchObject({ description: null, position: 0 });
    const updated = await mutate(
      editor,
      kind('Section'),
      'update',
      { id: section.id, description: '  Africa news  ', position: 7 },
      fields,
    );
    expect(updated.section).toMatchObject({ description: 'Africa news', position: 7 });
    const cleared = await mutate(editor, kind('Section'), 'update', { id: section.id, description: ' ' }, fields);
    expect(cleared.section).toMatchObject({ description: null, position: 7 });
  });

  it('manages an author’s title, bio, avatar and social links', async () => {
    const image = await factory.image();
    const fields = 'id title bio avatarImageId socialLinks { id network url }';
    const input = {
      name: 'Nosmot Gbadamosi',
      title: 'Senior Fellow',
      bio: 'Writes Africa Brief.',
      avatarImageId: toGlobalId('Image', image.id),
      socialLinks: [{ network: 'x', url: 'https://x.com/nosmot' }],
    };
    const { author } = await mutate(editor, kind('Author'), 'create', input, fields);
    expect(author).toMatchObject({ title: 'Senior Fellow', bio: 'Writes Africa Brief.', avatarImageId: input.avatarImageId });
    expect(author.socialLinks).toEqual([{ id: `${author.id}:x`, network: 'x', url: 'https://x.com/nosmot' }]);

    const cleared = await mutate(
      editor,
      kind('Author'),
      'update',
      { id: author.id, avatarImageId: null, socialLinks: null, title: '' },
      fields,
    );
    expect(cleared.author).toMatchObject({ avatarImageId: null, socialLinks: [], title: null, bio: 'Writes Africa Brief.' });
  });

  // The input rules themselves are test/service/taxonomy/taxonomy-validation.service-spec.ts; here,
  // that their BAD_USER_INPUT reaches a GraphQL client with every issue, and that query arguments are
  // checked too (the resolver's own parsing).
  describe('bad input over GraphQL', () => {
    let admin: GraphqlClient;

    beforeAll(async () => {
      admin = (await loginAs(t, 'ADMIN')).admin;
    });

    it('reports every bad field at once', async () => {
      const response = await admin.post(mutationOf(kind('Author'), 'create'), {
        input: { name: '', slug: 'No', socialLinks: [{ network: 'x', url: 'ftp://files.example.com/' }] },
      });
      expect(response.body.data).toBeNull();
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.body.errors?.[0]?.extensions?.issues.map((issue: { path: string }) => issue.path)).toEqual([
        'input.name',
        'input.slug',
        'input.socialLinks.0.url',
      ]);
    });

    it('validates query arguments too', async () => {
      const bad = await admin.post(`{ adminTag(id: "nonsense") { id } }`);
      expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'id' }] });
      const long = await admin.post(`query($search: String) { adminSections(search: $search) { totalCount } }`, {
        search: 'x'.repeat(121),
      });
      expect(long.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'search' }] });
    });
  });
});
