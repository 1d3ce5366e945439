import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import type { GraphqlClient } from '../../utils/graphql-client.js';
import {
  kind,
  KINDS,
  mutate,
  mutationOf,
  randomName,
  stateOf,
  type TaxonomyKind,
  type Verb,
} from '../../utils/taxonomy-kinds.js';
import type { Article, Author, Section, Series, Tag, UserRole } from '../../../src/generated/prisma/client.js';

type Role = UserRole | 'ANONYMOUS';

const ROLES: Role[] = ['ANONYMOUS', 'CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN'];
const VERBS: Verb[] = ['create', 'update', 'trash', 'restore', 'purge'];
const PAST: Record<Verb, string> = {
  create: 'created',
  update: 'updated',
  trash: 'trashed',
  restore: 'restored',
  purge: 'purged',
};

function expectedOutcome(role: Role, verb: Verb): 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (role === 'ANONYMOUS') return 'UNAUTHENTICATED';
  if (role === 'CONTRIBUTOR' || role === 'AUTHOR') return 'FORBIDDEN';
  if (verb === 'purge' && role === 'EDITOR') return 'FORBIDDEN';
  return 'OK';
}

const CASES = KINDS.flatMap((k) =>
  VERBS.flatMap((verb) => ROLES.map((role) => [k.type, verb, role, expectedOutcome(role, verb)] as const)),
);

// What the public API shows of an article's author, tag, section and series, and whether each can
// be looked up by slug and listed.
const PUBLIC_VIEW = `query($article: String!, $author: String!, $tag: String!, $section: String!, $series: String!) {
  article(slug: $article) { authors { slug } tags { slug } section { slug } series { slug } }
  author(slug: $author) { slug }
  tag(slug: $tag) { slug }
  section(slug: $section) { slug }
  seriesBySlug(slug: $series) { slug }
  tagged: articles(filter: { tag: $tag }) { totalCount }
  sections { slug }
}`;

// One app for the three taxonomy files that need nothing but the default configuration: each case
// makes its own rows, with random names and slugs.
describe('admin API: authors, tags, sections and series', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('editing authors, tags, sections and series', () => {
    let factory: ContentFactory;
    let editor: GraphqlClient;
    let editorId: string;

    beforeAll(async () => {
      factory = new ContentFactory(t.prisma);
      const login = await loginAs(t, 'EDITOR');
      editor = login.admin;
      editorId = login.user.id;
    });

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

  describe('who may manage authors, tags, sections and series', () => {
    let factory: ContentFactory;
    const clients = new Map<Role, { client: GraphqlClient; userId: string | null }>();

    beforeAll(async () => {
      factory = new ContentFactory(t.prisma);
      clients.set('ANONYMOUS', { client: t.admin, userId: null });
      for (const role of ROLES.slice(1) as UserRole[]) {
        const { admin, user } = await loginAs(t, role);
        clients.set(role, { client: admin, userId: user.id });
      }
    });

    async function inputFor(k: TaxonomyKind, verb: Verb): Promise<{ id?: string; input: Record<string, unknown> }> {
      if (verb === 'create') return { input: { name: randomName(k.type) } };
      const row = await k.make(factory, verb === 'restore' ? { deletedAt: new Date() } : {});
      const id = toGlobalId(k.type, row.id);
      return { id: row.id, input: verb === 'update' ? { id, name: randomName('Renamed') } : { id } };
    }

    it.each(CASES)('%s: %s as %s -> %s', async (type, verb, role, outcome) => {
      const k = KINDS.find((candidate) => candidate.type === type)!;
      const { client, userId } = clients.get(role)!;
      const { id, input } = await inputFor(k, verb);
      const before = await stateOf(t, k, id);

      const response = await client.post(mutationOf(k, verb), { input });

      if (outcome !== 'OK') {
        expect(response.body.errors?.[0]?.extensions?.code).toBe(outcome);
        expect(response.body.data).toBeNull();
        expect(await stateOf(t, k, id)).toEqual(before);
        return;
      }
      expect(response.body.errors).toBeUndefined();
      const entry = await t.prisma.auditEntry.findFirst({
        where: { action: `${k.noun}.${PAST[verb]}` },
        orderBy: { createdAt: 'desc' },
      });
      expect(entry).toMatchObject({ entityType: k.type, actorId: userId, actorKind: 'user' });
      if (id) expect(entry!.entityId).toBe(id);
      if (verb === 'purge') expect(await k.find(t.prisma, id!)).toBeNull();
    });

    it.each(KINDS)('lets anyone logged in read the $type lists, and nobody else', async (k) => {
      const row = await k.make(factory);
      const query = `query($id: ID!) { ${k.list}(first: 100) { totalCount edges { node { id } } } ${k.item}(id: $id) { slug } }`;
      const variables = { id: toGlobalId(k.type, row.id) };

      const anonymous = await t.admin.post(query, variables);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(anonymous.body.data).toBeNull();

      for (const role of ['CONTRIBUTOR', 'AUTHOR'] as const) {
        const data = await clients.get(role)!.client.data(query, variables);
        expect(data[k.list].edges.map((edge: any) => edge.node.id)).toContain(variables.id);
        expect(data[k.item]).toEqual({ slug: row.slug });
      }
    });
  });

  describe('trash, restore and purge as the public API sees them', () => {
    let factory: ContentFactory;
    let admin: GraphqlClient;
    let adminId: string;
    let article: Article;
    let rows: { Author: Author; Tag: Tag; Section: Section; Series: Series };
    let variables: Record<string, string>;

    beforeAll(async () => {
      factory = new ContentFactory(t.prisma);
      const login = await loginAs(t, 'ADMIN');
      admin = login.admin;
      adminId = login.user.id;
    });

    beforeEach(async () => {
      rows = {
        Author: await factory.author(),
        Tag: await factory.tag(),
        Section: await factory.section(),
        Series: await factory.series(),
      };
      const keep = await factory.tag();
      article = await factory.article({
        authors: [rows.Author],
        tags: [rows.Tag, keep],
        section: rows.Section,
        series: rows.Series,
      });
      variables = {
        article: article.slug,
        author: rows.Author.slug,
        tag: rows.Tag.slug,
        section: rows.Section.slug,
        series: rows.Series.slug,
      };
    });

    const publicView = () => t.graphql.data(PUBLIC_VIEW, variables);
    const slugs = (items: { slug: string }[]) => items.map((item) => item.slug);

    // Everywhere the public API can show each kind of item: all true when visible, all false when not.
    const PLACES: Record<TaxonomyKind['type'], (view: any, slug: string) => boolean[]> = {
      Author: (view, slug) => [slugs(view.article.authors).includes(slug), view.author?.slug === slug],
      Tag: (view, slug) => [slugs(view.article.tags).includes(slug), view.tag?.slug === slug, view.tagged.totalCount === 1],
      Section: (view, slug) => [
        view.article.section?.slug === slug,
        view.section?.slug === slug,
        slugs(view.sections).includes(slug),
      ],
      Series: (view, slug) => [view.article.series?.slug === slug, view.seriesBySlug?.slug === slug],
    };

    function expectVisible(view: any, type: TaxonomyKind['type'], visible: boolean) {
      const places = PLACES[type](view, rows[type].slug);
      expect(places).toEqual(places.map(() => visible));
    }

    it.each(['Author', 'Tag', 'Section', 'Series'] as const)(
      'trashing a %s hides it from the public API; restoring brings it back',
      async (type) => {
        const k = kind(type);
        const id = toGlobalId(type, rows[type].id);
        expectVisible(await publicView(), type, true);

        await mutate(admin, k, 'trash', { id });
        expectVisible(await publicView(), type, false);
        expect((await t.graphql.data(`query($id: ID!) { node(id: $id) { id } }`, { id })).node).toBeNull();
        // The article itself stays up, with its other tag.
        expect(slugs((await publicView()).article.tags)).toHaveLength(type === 'Tag' ? 1 : 2);

        await mutate(admin, k, 'restore', { id });
        expectVisible(await publicView(), type, true);
      },
    );

    it.each(['Author', 'Tag', 'Section', 'Series'] as const)('purging a %s deletes it and unlinks its articles', async (type) => {
      const k = kind(type);
      const row = rows[type];
      const payload = await mutate(admin, k, 'purge', { id: toGlobalId(type, row.id) });

      expect(payload).toEqual({ id: toGlobalId(type, row.id) });
      expect(await k.find(t.prisma, row.id)).toBeNull();
      const links = {
        Author: () => t.prisma.articleAuthor.count({ where: { authorId: row.id } }),
        Tag: () => t.prisma.articleTag.count({ where: { tagId: row.id } }),
        Section: () => t.prisma.article.count({ where: { sectionId: row.id } }),
        Series: () => t.prisma.article.count({ where: { seriesId: row.id } }),
      };
      expect(await links[type]()).toBe(0);
      expect(await t.prisma.article.findUnique({ where: { id: article.id } })).not.toBeNull();
      expectVisible(await publicView(), type, false);

      const entry = await t.prisma.auditEntry.findFirst({ where: { action: `${k.noun}.purged`, entityId: row.id } });
      expect(entry).toMatchObject({
        actorId: adminId,
        entityType: type,
        details: { name: row.name, slug: row.slug, articleLinks: 1 },
      });
    });
  });
});
