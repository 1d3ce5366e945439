import type { Article, Author, Section, Series, Tag } from '../../../src/generated/prisma/client.js';
import { toGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import type { GraphqlClient } from '../../utils/graphql-client.js';
import { kind, mutate, type TaxonomyKind } from '../../utils/taxonomy-kinds.js';

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

describe('admin API: trash, restore and purge as the public API sees them', () => {
  let t: TestApp;
  let factory: ContentFactory;
  let admin: GraphqlClient;
  let adminId: string;
  let article: Article;
  let rows: { Author: Author; Tag: Tag; Section: Section; Series: Series };
  let variables: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new ContentFactory(t.prisma);
    const login = await loginAs(t, 'ADMIN');
    admin = login.admin;
    adminId = login.user.id;
  });
  afterAll(() => t.close());

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
