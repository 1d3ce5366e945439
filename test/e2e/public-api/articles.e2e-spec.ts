import { SEARCH_CONFIGS } from '../../../src/articles/search/text-search-config.js';
import { seedDemo } from '../../utils/demo-content.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

const MALI = 'how-the-us-should-respond-to-malis-descent-into-chaos';

const ARTICLE_CARD = `
  id slug url headline dek teaser label type publishedAt readingTimeMinutes
  authors { id name slug }
  tags { id name slug }
  section { id name slug }
  featuredImage { id url caption credit altText width height }
`;

describe('public API: articles', () => {
  let t: TestApp;
  let factory: ContentFactory;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new ContentFactory(t.prisma);
    await seedDemo(t);
  });
  afterAll(() => t.close());

  it('reads the Mali article by slug with its byline, tags, section and captioned photo', async () => {
    const { article } = await t.graphql.data(
      `query($slug: String!) { article(slug: $slug) { ${ARTICLE_CARD} body bodyHtml language } }`,
      {
        slug: MALI,
      },
    );
    expect(article.headline).toBe('How the US should respond to Mali’s descent into chaos');
    expect(article.dek).toBe('An al-Qaida linked group’s recent attacks punt stability further down the road');
    expect(article.label).toBe('Analysis | Africa');
    expect(article.type).toBe('ANALYSIS');
    expect(article.url).toBe(`https://news.example.com/${MALI}`);
    expect(article.section).toMatchObject({ slug: 'africa', name: 'Africa' });
    expect(article.tags.map((tag: { slug: string }) => tag.slug)).toContain('mali');
    expect(article.authors).toHaveLength(1);
    expect(article.featuredImage.credit).toBe('REUTERS/Mahamadou Hamidou//File Photo');
    expect(article.featuredImage.caption).toMatch(/^Heads of state of Mali/);
    expect(article.body.some((block: { type: string }) => block.type === 'image')).toBe(true);
    expect(article.bodyHtml).toContain('<figcaption>');
    expect(article.bodyHtml).toContain('REUTERS/Mahamadou Hamidou//File Photo');
    expect(article.teaser).toMatch(/^On September 17/);
    expect(article.readingTimeMinutes).toBeGreaterThan(3);
    // No language of its own: the publication's (PUBLICATION_LANGUAGE, default en).
    expect(article.language).toBe('en');
  });

  it('resolves a former slug to the renamed article, and unknown slugs to null', async () => {
    const article = await factory.article({ slug: 'new-name' });
    await t.prisma.articleSlug.create({ data: { slug: 'old-name', articleId: article.id } });
    const data = await t.graphql.data(`{ old: article(slug: "old-name") { slug } missing: article(slug: "nope") { slug } }`);
    expect(data.old).toEqual({ slug: 'new-name' });
    expect(data.missing).toBeNull();
  });

  it('never shows drafts, scheduled, archived or trashed articles: not by slug, id, list, tag or search', async () => {
    const tag = await factory.tag({ slug: 'hidden-things', name: 'hidden things' });
    const hidden = [
      await factory.article({ status: 'DRAFT', headline: 'zanzibarian draft', tags: [tag] }),
      await factory.article({
        status: 'SCHEDULED',
        headline: 'zanzibarian scheduled',
        publishedAt: new Date(Date.now() + 3600e3),
        tags: [tag],
      }),
      await factory.article({ status: 'ARCHIVED', headline: 'zanzibarian archived', publishedAt: new Date(), tags: [tag] }),
      await factory.article({ status: 'PUBLISHED', headline: 'zanzibarian trashed', deletedAt: new Date(), tags: [tag] }),
    ];
    const visible = await factory.article({ headline: 'zanzibarian visible', tags: [tag] });
    const { toGlobalId } = await import('../../../src/common/global-id.js');

    for (const article of hidden) {
      const data = await t.graphql.data(`query($slug: String!, $id: ID!) { article(slug: $slug) { id } node(id: $id) { id } }`, {
        slug: article.slug,
        id: toGlobalId('Article', article.id),
      });
      expect(data).toEqual({ article: null, node: null });
    }
    const lists = await t.graphql.data(`{
      byTag: articles(filter: { tag: "hidden-things" }) { totalCount edges { node { slug } } }
      bySearch: articles(filter: { search: "zanzibarian" }) { totalCount edges { node { slug } } }
      tag(slug: "hidden-things") { articles { totalCount edges { node { slug } } } }
    }`);
    for (const list of [lists.byTag, lists.bySearch, lists.tag.articles]) {
      expect(list.totalCount).toBe(1);
      expect(list.edges.map((edge: { node: { slug: string } }) => edge.node.slug)).toEqual([visible.slug]);
    }
  });

  it('pages forward and backward by cursor without gaps or repeats', async () => {
    const tag = await factory.tag({ slug: 'paging' });
    const base = Date.parse('2020-01-01T00:00:00Z');
    const created = [];
    for (let i = 0; i < 7; i++) created.push(await factory.article({ tags: [tag], publishedAt: new Date(base + i * 60_000) }));
    // Two articles at the same instant: the id breaks the tie, so neither is skipped.
    created.push(await factory.article({ tags: [tag], publishedAt: new Date(base + 6 * 60_000) }));
    const query = `query($after: String, $before: String, $first: Int, $last: Int) {
      articles(filter: { tag: "paging" }, first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

    const forward: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { articles }: any = await t.graphql.data(query, { first: 3, after });
      expect(articles.totalCount).toBe(8);
      forward.push(...articles.edges.map((edge: any) => edge.node.slug));
      after = articles.pageInfo.hasNextPage ? articles.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(forward).size).toBe(8);
    expect(forward[forward.length - 1]).toBe(created[0]!.slug); // newest first: the oldest comes last

    const backward: string[] = [];
    let before: string | null = null;
    pages = 0;
    do {
      const { articles }: any = await t.graphql.data(query, { last: 3, before });
      backward.unshift(...articles.edges.map((edge: any) => edge.node.slug));
      before = articles.pageInfo.hasPreviousPage ? articles.pageInfo.startCursor : null;
      pages += 1;
    } while (before && pages < 10);
    expect(backward).toEqual(forward);
  });

  it('keeps tag and author pages in publication order when an article is re-dated', async () => {
    const [tag, author] = [await factory.tag(), await factory.author()];
    const older = await factory.article({ tags: [tag], authors: [author], publishedAt: new Date('2021-01-01T00:00:00Z') });
    const newer = await factory.article({ tags: [tag], authors: [author], publishedAt: new Date('2021-06-01T00:00:00Z') });
    await t.prisma.article.update({ where: { id: older.id }, data: { publishedAt: new Date('2022-01-01T00:00:00Z') } });
    const data = await t.graphql.data(
      `query($tag: String!, $author: String!) {
      byTag: articles(filter: { tag: $tag }) { edges { node { slug } } }
      byAuthor: articles(filter: { author: $author }) { edges { node { slug } } } }`,
      { tag: tag.slug, author: author.slug },
    );
    expect(data.byTag.edges.map((edge: any) => edge.node.slug)).toEqual([older.slug, newer.slug]);
    expect(data.byAuthor.edges.map((edge: any) => edge.node.slug)).toEqual([older.slug, newer.slug]);
  });

  it('filters by tag, section, series, author and type together', async () => {
    const [section, series, author, tag] = [
      await factory.section(),
      await factory.series(),
      await factory.author(),
      await factory.tag(),
    ];
    const match = await factory.article({ section, series, authors: [author], tags: [tag], type: 'OPINION' });
    await factory.article({ section, series, authors: [author], tags: [tag], type: 'NEWS' });
    await factory.article({ section, authors: [author], tags: [tag], type: 'OPINION' });
    const { articles } = await t.graphql.data(
      `query($f: ArticleFilter) { articles(filter: $f) { totalCount edges { node { slug } } } }`,
      { f: { section: section.slug, series: series.slug, author: author.slug, tag: tag.slug, type: 'OPINION' } },
    );
    expect(articles.edges).toEqual([{ node: { slug: match.slug } }]);
    expect(articles.totalCount).toBe(1);
  });

  it('finds "junta" in the Mali article and ranks headline matches above body matches', async () => {
    const { articles } = await t.graphql.data(`{ articles(filter: { search: "junta" }) { edges { node { slug } } } }`);
    expect(articles.edges.map((edge: any) => edge.node.slug)).toContain(MALI);

    const inBody = await factory.article({ headline: 'Weather report', text: 'A long piece that mentions quokkas once.' });
    const inHeadline = await factory.article({ headline: 'Quokkas take the capital', text: 'Nothing else here.' });
    const tagged = await factory.article({
      headline: 'Untitled',
      text: 'Nothing.',
      tags: [await factory.tag({ name: 'quokka watch', slug: 'quokka-watch' })],
    });
    const ranked = await t.graphql.data(`{ articles(filter: { search: "quokka" }) { edges { node { slug } } } }`);
    const slugs = ranked.articles.edges.map((edge: any) => edge.node.slug);
    expect(slugs).toHaveLength(3);
    expect(slugs.indexOf(inHeadline.slug)).toBeLessThan(slugs.indexOf(inBody.slug));
    expect(slugs).toContain(tagged.slug);
  });

  it("searches each article in its own language's text-search configuration, falling back to simple", async () => {
    const french = await factory.article({
      language: 'fr',
      headline: 'Municipales à Dakar',
      text: 'Une élection très disputée dans la capitale, selon le journal.',
    });
    const english = await factory.article({
      headline: 'Polls close in Accra',
      text: 'The election was peaceful and the war is over.',
    });
    const swahili = await factory.article({
      language: 'sw',
      headline: 'Habari za Nairobi',
      text: 'Uchaguzi mkuu umefanyika leo.',
    });
    const search = async (query: string) => {
      const { articles } = await t.graphql.data(
        `query($q: String!) { articles(filter: { search: $q }) { edges { node { slug } } } }`,
        {
          q: query,
        },
      );
      return articles.edges.map((edge: any) => edge.node.slug);
    };
    const { fr, en } = await t.graphql.data(
      `query($fr: String!, $en: String!) {
      fr: article(slug: $fr) { language } en: article(slug: $en) { language } }`,
      { fr: french.slug, en: english.slug },
    );
    expect([fr.language, en.language]).toEqual(['fr', 'en']);
    // French stemming: the plural finds the singular; English stemming likewise.
    expect(await search('élections')).toEqual([french.slug]);
    expect(await search('journaux')).toEqual([french.slug]);
    expect(await search('elections')).toContain(english.slug);
    expect(await search('election')).toContain(english.slug);
    expect(await search('elections')).not.toContain(french.slug);
    // Swahili has no PostgreSQL configuration: found word for word ('simple').
    expect(await search('uchaguzi')).toEqual([swahili.slug]);
    // An exclusion holds in the article's own language, not only in some other language's stemming.
    expect(await search('war -elections')).not.toContain(english.slug);
    expect(await search('war -municipales')).toContain(english.slug);
    const stored = await t.prisma.article.findMany({ where: { id: { in: [french.id, english.id, swahili.id] } } });
    expect(Object.fromEntries(stored.map((row) => [row.slug, row.searchConfig]))).toEqual({
      [french.slug]: 'french',
      [english.slug]: 'english',
      [swahili.slug]: 'simple',
    });
  });

  it('maps languages only to text-search configurations this PostgreSQL has', async () => {
    const rows = await t.prisma.$queryRaw<{ cfgname: string }[]>`SELECT cfgname FROM pg_ts_config`;
    expect(rows.map((row) => row.cfgname)).toEqual(expect.arrayContaining([...SEARCH_CONFIGS]));
  });

  it('pages through search results by relevance cursor', async () => {
    for (let i = 0; i < 5; i++) await factory.article({ headline: `Wombat story ${i}`, text: 'wombat '.repeat(i + 1) });
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const { articles }: any = await t.graphql.data(
        `query($after: String) { articles(filter: { search: "wombat" }, first: 2, after: $after) { edges { node { slug } } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      seen.push(...articles.edges.map((edge: any) => edge.node.slug));
      after = articles.pageInfo.endCursor;
      if (!articles.pageInfo.hasNextPage) break;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('lists related articles: shared tags first, then the same section', async () => {
    const section = await factory.section();
    const [a, b] = [await factory.tag(), await factory.tag()];
    const subject = await factory.article({ section, tags: [a, b] });
    const sameSection = await factory.article({ section, publishedAt: new Date() });
    const oneTag = await factory.article({ tags: [a] });
    const twoTags = await factory.article({ tags: [a, b], publishedAt: new Date(Date.now() - 86400e3) });
    await factory.article({}); // unrelated
    const { toGlobalId } = await import('../../../src/common/global-id.js');
    const data = await t.graphql.data(
      `query($slug: String!, $id: ID!) {
      article(slug: $slug) { relatedArticles(first: 5) { slug } }
      relatedArticles(id: $id, first: 5) { slug } }`,
      { slug: subject.slug, id: toGlobalId('Article', subject.id) },
    );
    const expected = [twoTags.slug, oneTag.slug, sameSection.slug];
    expect(data.article.relatedArticles.map((r: any) => r.slug)).toEqual(expected);
    expect(data.relatedArticles.map((r: any) => r.slug)).toEqual(expected);
  });

  it('serves tags, authors, sections and series with their articles, and node(id) for each', async () => {
    const data = await t.graphql.data(`{
      tags(first: 100) { totalCount edges { node { id slug name } } }
      tag(slug: "mali") { id name articles(first: 5) { edges { node { slug } } } }
      authors(first: 5) { edges { node { id name slug } } }
      author(slug: "staff") { id name articles(first: 50) { totalCount } }
      sections { id slug name }
      section(slug: "africa") { articles(first: 50) { edges { node { slug } } } }
      series { id slug name }
      seriesBySlug(slug: "diplomacy-watch") { id name articles { totalCount edges { node { headline } } } }
      latestArticles(first: 3) { slug publishedAt }
    }`);
    expect(data.tags.edges.map((edge: any) => edge.node.name)).toEqual(
      expect.arrayContaining(['mali', 'ukraine war', 'election 2024', 'middle east']),
    );
    expect(data.tag.articles.edges.map((edge: any) => edge.node.slug)).toContain(MALI);
    expect(data.author.articles.totalCount).toBeGreaterThanOrEqual(7);
    expect(data.sections.map((s: any) => s.slug)).toEqual(expect.arrayContaining(['africa', 'middle-east']));
    expect(data.section.articles.edges.map((edge: any) => edge.node.slug)).toContain(MALI);
    expect(data.seriesBySlug.articles.totalCount).toBe(3);
    expect(data.latestArticles).toHaveLength(3);
    const dates = data.latestArticles.map((a: any) => Date.parse(a.publishedAt));
    expect([...dates].sort((x, y) => y - x)).toEqual(dates);

    const ids = [data.tag.id, data.author.id, data.sections[0].id, data.seriesBySlug.id];
    for (const id of ids) {
      const { node } = await t.graphql.data(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(node.id).toBe(id);
    }
    const { node } = await t.graphql.data(`{ node(id: "garbage") { id } }`);
    expect(node).toBeNull();
  });

  it('reads a page of articles with everything a card shows in ONE statement, whatever its size', async () => {
    const tag = await factory.tag({ slug: 'n-plus-one' });
    const [section, image] = [await factory.section(), await factory.image({ caption: 'c', credit: 'r' })];
    const authors = [await factory.author(), await factory.author()];
    const extraTags = [await factory.tag(), await factory.tag()];
    for (let i = 0; i < 50; i++) {
      await factory.article({
        tags: [tag, ...extraTags],
        authors,
        section,
        image,
        series: i % 2 ? await factory.series() : undefined,
      });
    }
    const query = `query($first: Int) { articles(filter: { tag: "n-plus-one" }, first: $first) {
      edges { node { ${ARTICLE_CARD} series { name } } } } }`;
    const countFor = async (first: number) => {
      const before = t.queries.total;
      const { articles } = await t.graphql.data(query, { first });
      expect(articles.edges).toHaveLength(first);
      return t.queries.total - before;
    };
    // GRAPHQL_PASS_THROUGH=verify reads what the pass-through answers twice: its statement, then graphql-js's.
    const passedThrough = (statements: number, graphqlJs: number) =>
      process.env.GRAPHQL_PASS_THROUGH === 'verify' ? statements + graphqlJs : statements;
    const forFive = await countFor(5);
    const forFifty = await countFor(50);
    // The keyset page, each article's JSON with bylines, tags, section, series and image: one statement.
    expect(forFive).toBe(passedThrough(1, 1));
    expect(forFifty).toBe(passedThrough(1, 1));

    // The front page list, and a page that asks for its total (counted only then).
    const statementsOf = async (document: string) => {
      const before = t.queries.total;
      await t.graphql.data(document);
      return t.queries.total - before;
    };
    expect(await statementsOf(`{ latestArticles(first: 20) { ${ARTICLE_CARD} } }`)).toBe(passedThrough(1, 1));
    expect(
      await statementsOf(`{ articles(filter: { tag: "n-plus-one" }, first: 20) { totalCount edges { node { id } } } }`),
    ).toBe(2);

    // An article page: the article with its body and links and its related-articles rail, in one
    // statement (the pass-through, on by default); graphql-js reads the rail in a second one.
    const { articles } = await t.graphql.data(
      `{ articles(filter: { tag: "n-plus-one" }, first: 1) { edges { node { slug } } } }`,
    );
    const slug = articles.edges[0].node.slug as string;
    const page = `{ article(slug: "${slug}") { ${ARTICLE_CARD} bodyHtml relatedArticles(first: 4) { ${ARTICLE_CARD} } } }`;
    expect(await statementsOf(page)).toBe(passedThrough(1, 2));
  });
});
