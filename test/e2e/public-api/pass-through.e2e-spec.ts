import { ARTICLE_PAGE_QUERY } from '../../../bench/scenarios/queries.js';
import { PassThroughRegistry } from '../../../src/graphql-types/pass-through-registry.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createTestDatabase } from '../../utils/test-database.js';

// GRAPHQL_PASS_THROUGH: the same requests to two apps on one database, one answering with
// PostgreSQL's JSON text (on) and one through graphql-js (off), must get the same bytes and headers.

const CARD =
  'id headline slug dek teaser publishedAt authors { id name slug } tags { id name slug } section { id name slug } ' +
  'featuredImage { caption credit }';

const HEADERS = ['etag', 'surrogate-key', 'cache-control', 'content-type', 'x-request-id'];
// The same request id to both apps: errors carry it.
const REQUEST_ID = 'pass-through-spec';

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | null>;
}

async function get(app: TestApp, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const search = new URLSearchParams({ query });
  if (variables) search.set('variables', JSON.stringify(variables));
  const response = await fetch(`${app.baseUrl}/graphql?${search}`, { headers: { 'x-request-id': REQUEST_ID } });
  const headers = Object.fromEntries(HEADERS.map((name) => [name, response.headers.get(name)]));
  return { status: response.status, body: await response.text(), headers };
}

function served(app: TestApp): number {
  return app.app.get(PassThroughRegistry).served;
}

/** Asks both apps; returns the answer after checking they are identical, and whether the pass-through answered. */
async function compare(on: TestApp, off: TestApp, query: string, variables?: Record<string, unknown>) {
  const before = served(on);
  const [passed, normal] = [await get(on, query, variables), await get(off, query, variables)];
  expect(passed.body).toBe(normal.body);
  expect(passed.headers).toEqual(normal.headers);
  expect(passed.status).toBe(normal.status);
  return { answer: normal, passedThrough: served(on) - before === 1 };
}

/** Two apps with `env` on one new database: the pass-through on in one, off in the other. */
async function appsOnAndOff(env: Record<string, string>) {
  const database = await createTestDatabase();
  const on = await createTestApp({ ...env, GRAPHQL_PASS_THROUGH: 'on' }, database);
  const off = await createTestApp({ ...env, GRAPHQL_PASS_THROUGH: 'off' }, database);
  const close = async () => {
    await on.close();
    await off.close();
    await database.drop();
  };
  return { on, off, close };
}

describe('public API: pass-through of PostgreSQL JSON text', () => {
  let on: TestApp;
  let off: TestApp;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ on, off, close } = await appsOnAndOff({ METRICS_ENABLED: 'true' }));
  });
  afterAll(() => close());

  it('answers an empty list of articles as graphql-js does', async () => {
    const { answer, passedThrough } = await compare(on, off, `{ latestArticles(first: 20) { ${CARD} } }`);
    expect(JSON.parse(answer.body)).toEqual({ data: { latestArticles: [] } });
    expect(passedThrough).toBe(true);
  });

  describe('with content', () => {
    // The tag of the odd articles (27 of 55: two pages of 20), one no article has, and the trashed one.
    let tagSlug: string;
    let emptyTagSlug: string;
    let trashedTagSlug: string;
    let sectionSlug: string;

    beforeAll(async () => {
      const factory = new ContentFactory(on.prisma);
      const [kept, trashed] = [await factory.author({ name: 'Ada "Quoted" \\ Back' }), await factory.author()];
      const [tag, trashedTag] = [
        await factory.tag({ name: 'Tab\there, new\nline, \u0001 control, é and 🦆' }),
        await factory.tag(),
      ];
      [tagSlug, trashedTagSlug, emptyTagSlug] = [tag.slug, trashedTag.slug, (await factory.tag()).slug];
      const section = await factory.section();
      sectionSlug = section.slug;
      const image = await factory.image({ caption: 'A </script> caption', credit: null });
      const base = Date.parse('2026-11-01T10:00:00.000Z');
      for (let i = 0; i < 55; i += 1) {
        await factory.article({
          headline: i === 0 ? 'Unicode \u2028 separator, "quotes" and \\' : undefined,
          dek: i % 3 ? `Dek ${i}` : undefined,
          teaser: i % 4 ? null : `Teaser ${i}`,
          publishedAt: new Date(base + i * 60_000 + (i % 7)),
          section: i % 2 ? section : undefined,
          image: i % 5 ? undefined : image,
          authors: i % 3 === 0 ? [] : [kept, trashed],
          tags: i % 2 ? [tag, trashedTag] : [trashedTag],
        });
      }
      await on.prisma.author.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });
      await on.prisma.tag.update({ where: { id: trashedTag.id }, data: { deletedAt: new Date() } });
      // An unpublished article is never listed.
      await factory.article({ status: 'DRAFT', publishedAt: null });
    });

    // [name, query, variables]; the variables of every row given, as it.each passes `done` for a missing one.
    const compilable: [string, string, Record<string, unknown> | null][] = [
      ['the bench A query', `{ latestArticles(first: 20) { ${CARD} } }`, null],
      ['first: 1', `{ latestArticles(first: 1) { ${CARD} } }`, null],
      ['first: 50', `{ latestArticles(first: 50) { ${CARD} } }`, null],
      ['the default first', '{ latestArticles { id headline } }', null],
      ['a variable', `query Latest($n: Int!) { latestArticles(first: $n) { ${CARD} } }`, { n: 7 }],
      ['aliases', '{ news: latestArticles(first: 3) { key: id title: headline writers: authors { who: name } } }', null],
      [
        'the same field twice',
        '{ latestArticles(first: 3) { id headline authors { name } headline authors { slug name } } }',
        null,
      ],
      [
        'named and inline fragments on Article',
        '{ latestArticles(first: 4) { ...Card ... on Article { dek } ... { slug } } } fragment Card on Article { id headline tags { name } }',
        null,
      ],
      [
        '__typename at each level',
        '{ __typename latestArticles(first: 3) { __typename id authors { __typename name } section { __typename slug } featuredImage { __typename caption } } t: __typename }',
        null,
      ],
      [
        'fields in another order',
        '{ latestArticles(first: 5) { featuredImage { credit caption } section { slug name id } publishedAt id } }',
        null,
      ],
      ['Image.url (public originals)', '{ latestArticles(first: 6) { featuredImage { url u: url caption } } }', null],
      [
        'more plain fields',
        '{ latestArticles(first: 5) { label type url language wordCount readingTimeMinutes updatedAt } }',
        null,
      ],
    ];

    it.each(compilable)('answers %s with the same bytes and headers, from PostgreSQL', async (_name, query, variables) => {
      const { answer, passedThrough } = await compare(on, off, query, variables ?? undefined);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).errors).toBeUndefined();
      expect(passedThrough).toBe(true);
    });

    const fallbacks: [string, string][] = [
      ["a first out of range (the resolver's error)", '{ latestArticles(first: 51) { id } }'],
      ['first: 0', '{ latestArticles(first: 0) { id } }'],
      ['@include', '{ latestArticles(first: 3) { id headline @include(if: false) } }'],
      ['a field computed in JS', '{ latestArticles(first: 3) { id featuredImage { srcset caption } } }'],
      ['Image.url with arguments (a rendition)', '{ latestArticles(first: 3) { id featuredImage { url(width: 640) } } }'],
      ['social links', '{ latestArticles(first: 3) { authors { socialLinks { network } } } }'],
      ['a fragment on an interface', '{ latestArticles(first: 3) { ... on Node { id } } }'],
      ['a field with a resolver', '{ latestArticles(first: 1) { id relatedArticles(first: 2) { id } } }'],
      ['a Float', '{ latestArticles(first: 3) { featuredImage { focalX } } }'],
      ['two root fields', '{ a: latestArticles(first: 2) { id } b: latestArticles(first: 3) { id } }'],
    ];

    it.each(fallbacks)('leaves %s to graphql-js, with the same bytes and headers', async (_name, query) => {
      const { passedThrough } = await compare(on, off, query);
      expect(passedThrough).toBe(false);
    });

    it('gives the same error for a variable of the wrong type', async () => {
      const query = `query Latest($n: Int!) { latestArticles(first: $n) { id } }`;
      const { answer, passedThrough } = await compare(on, off, query, { n: 'many' });
      expect(answer.status).toBe(400);
      expect(passedThrough).toBe(false);
    });

    it('lists the article, author, tag, section and image keys as the normal path does', async () => {
      const { answer } = await compare(on, off, `{ latestArticles(first: 20) { ${CARD} } }`);
      const keys = answer.headers['surrogate-key']!.split(' ');
      expect(keys.slice(0, 2)).toEqual(['articles', expect.stringMatching(/^article:/)]);
      expect(keys).toEqual(expect.arrayContaining(['author:links', 'tag:links', 'section:links', 'image:links']));
    });

    it('reads in one statement, and counts the operation in the metrics as before', async () => {
      const query = `query PassThroughMetric { latestArticles(first: 20) { ${CARD} } }`;
      const before = on.queries.total;
      const { passedThrough } = await compare(on, off, query);
      expect(passedThrough).toBe(true);
      expect(on.queries.total - before).toBe(1);
      const line = async (app: TestApp) =>
        (await (await fetch(`${app.baseUrl}/metrics`)).text())
          .split('\n')
          .filter((text) => text.startsWith('newsdesk_graphql_operations_total') && text.includes('PassThroughMetric'));
      expect(await line(on)).toEqual(await line(off));
      expect(await line(on)).toEqual([expect.stringContaining('result="ok"} 1')]);
    });

    describe('the articles connection', () => {
      // bench/scenarios/queries.ts TAG_PAGE_QUERY, scenario C.
      const TAG_PAGE =
        'query TagPage($tag: String!, $after: String) { articles(filter: { tag: $tag }, first: 20, after: $after) { ' +
        `edges { cursor node { ${CARD} } } pageInfo { hasNextPage endCursor } } }`;
      const FULL_PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

      async function passedThrough(query: string, variables?: Record<string, unknown>) {
        const { answer, passedThrough } = await compare(on, off, query, variables);
        expect(answer.status).toBe(200);
        const body = JSON.parse(answer.body);
        expect(body.errors).toBeUndefined();
        expect(passedThrough).toBe(true);
        return { body, headers: answer.headers };
      }

      it('answers the first tag page, and the next one by its endCursor, as graphql-js does', async () => {
        const first = await passedThrough(TAG_PAGE, { tag: tagSlug });
        expect(first.body.data.articles.edges).toHaveLength(20);
        expect(first.body.data.articles.pageInfo.hasNextPage).toBe(true);
        const after = first.body.data.articles.pageInfo.endCursor;
        expect(after).toBe(first.body.data.articles.edges[19].cursor);
        const second = await passedThrough(TAG_PAGE, { tag: tagSlug, after });
        // The last page: 27 tagged articles, 7 after the first 20.
        expect(second.body.data.articles.edges).toHaveLength(7);
        expect(second.body.data.articles.pageInfo).toEqual({
          hasNextPage: false,
          endCursor: second.body.data.articles.edges[6].cursor,
        });
      });

      it('reads a page in one statement', async () => {
        const before = on.queries.total;
        await passedThrough(TAG_PAGE, { tag: tagSlug });
        expect(on.queries.total - before).toBe(1);
      });

      it("tags the list's key and the extra row read to know of a next page, as the normal path does", async () => {
        const { headers } = await passedThrough(TAG_PAGE, { tag: tagSlug });
        const keys = headers['surrogate-key']!.split(' ');
        expect(keys[0]).toBe(`articles:tag:${tagSlug}`);
        // 20 edges and the 21st row; compare() has checked the whole list against graphql-js's.
        expect(keys.filter((key) => key.startsWith('article:'))).toHaveLength(21);
      });

      const connections: [string, string, Record<string, unknown> | null][] = [
        ['an empty tag', TAG_PAGE, { tag: 'EMPTY' }],
        ['an unknown tag', TAG_PAGE, { tag: 'no-such-tag' }],
        ['a trashed tag', TAG_PAGE, { tag: 'TRASHED' }],
        ['every pageInfo field on a first page', `{ articles(first: 5) { edges { cursor } ${FULL_PAGE_INFO} } }`, null],
        ['the default page size and no filter', `{ articles { edges { cursor node { id } } ${FULL_PAGE_INFO} } }`, null],
        ['first: 0', `{ articles(first: 0) { edges { cursor } ${FULL_PAGE_INFO} } }`, null],
        ['first: 100', `{ articles(first: 100) { edges { node { id headline } } ${FULL_PAGE_INFO} } }`, null],
        [
          'OLDEST',
          `{ articles(orderBy: OLDEST, first: 3) { edges { cursor node { id publishedAt } } ${FULL_PAGE_INFO} } }`,
          null,
        ],
        ['NEWEST given', `{ articles(orderBy: NEWEST, first: 3) { edges { cursor node { id } } } }`, null],
        ['a section and a type', `{ articles(filter: { section: "SECTION", type: NEWS }, first: 3) { edges { cursor } } }`, null],
        ['pageInfo alone', `{ articles(filter: { tag: "TAG" }, first: 3) { ${FULL_PAGE_INFO} } }`, null],
        ['cursors alone', `{ articles(filter: { tag: "TAG" }, first: 3) { edges { cursor } } }`, null],
        [
          'aliases on edges, node and pageInfo',
          '{ list: articles(filter: { tag: "TAG" }, first: 4) { items: edges { at: cursor article: node { key: id title: headline } } ' +
            'page: pageInfo { more: hasNextPage last: endCursor first: startCursor back: hasPreviousPage } } }',
          null,
        ],
        [
          '__typename in the connection, edges, node and pageInfo',
          '{ articles(first: 2) { __typename edges { __typename cursor node { __typename id } } pageInfo { __typename hasNextPage } } }',
          null,
        ],
        [
          'fragments on the connection, edge and page info',
          '{ articles(first: 2) { ...Page edges { ... on ArticleEdge { cursor } } } } ' +
            'fragment Page on ArticleConnection { pageInfo { ...Info } edges { node { id } } } fragment Info on PageInfo { endCursor }',
          null,
        ],
      ];

      it.each(connections)('answers %s with the same bytes and headers, from PostgreSQL', async (_name, query, variables) => {
        const named = (text: string) =>
          text.replace('"TAG"', JSON.stringify(tagSlug)).replace('"SECTION"', JSON.stringify(sectionSlug));
        const slugs: Record<string, string> = { EMPTY: emptyTagSlug, TRASHED: trashedTagSlug };
        const given = variables && { ...variables, tag: slugs[variables.tag as string] ?? variables.tag };
        await passedThrough(named(query), given ?? undefined);
      });

      it('gives a later page with all of pageInfo as graphql-js does (hasPreviousPage after a cursor)', async () => {
        const query = `query Page($after: String) { articles(first: 10, after: $after) { edges { cursor } ${FULL_PAGE_INFO} } }`;
        const first = await passedThrough(query);
        const { body } = await passedThrough(query, { after: first.body.data.articles.pageInfo.endCursor });
        expect(body.data.articles.pageInfo.hasPreviousPage).toBe(true);
      });

      const refused: [string, string, Record<string, unknown>][] = [
        ['a cursor that is not one', TAG_PAGE, { tag: 'TAG', after: 'garbage' }],
        // A cursor of another keyset: a tag list's, by (name, id).
        [
          'a foreign cursor',
          TAG_PAGE,
          { tag: 'TAG', after: Buffer.from('["Mali","0193a3c1-6c1e-7d2a-9b1c-0a1b2c3d4e5f"]').toString('base64url') },
        ],
        ['first out of range', '{ articles(first: 101) { edges { cursor } } }', {}],
        ['an empty tag slug', '{ articles(filter: { tag: "" }) { edges { cursor } } }', {}],
      ];

      it.each(refused)('leaves %s to the resolver, with the same error bytes', async (_name, query, variables) => {
        const given = { ...variables, ...(variables.tag ? { tag: tagSlug } : {}) };
        const { answer, passedThrough } = await compare(on, off, query, given);
        expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(passedThrough).toBe(false);
      });

      const fallbacks: [string, string][] = [
        ['last:', '{ articles(last: 3) { edges { cursor node { id } } pageInfo { hasPreviousPage startCursor } } }'],
        ['before:', '{ articles(before: "x") { edges { cursor } } }'],
        ['totalCount', '{ articles(first: 3) { totalCount edges { cursor } } }'],
        ['a search', '{ articles(filter: { search: "dek" }, first: 3) { edges { cursor node { id } } } }'],
        ['RELEVANCE', '{ articles(orderBy: RELEVANCE, first: 3) { edges { cursor node { id } } } }'],
        ['a field computed in JS in a node', '{ articles(first: 3) { edges { node { featuredImage { srcset } } } } }'],
        ['edges under two keys', '{ articles(first: 3) { a: edges { cursor } b: edges { node { id } } } }'],
      ];

      it.each(fallbacks)('leaves %s to graphql-js, with the same bytes and headers', async (_name, query) => {
        const { passedThrough } = await compare(on, off, query);
        expect(passedThrough).toBe(false);
      });
    });

    it('answers POST as before too', async () => {
      const post = (app: TestApp) =>
        fetch(`${app.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ latestArticles(first: 20) { ${CARD} } }` }),
        }).then(async (response) => ({ body: await response.text(), cache: response.headers.get('cache-control') }));
      expect(await post(on)).toEqual(await post(off));
    });

    describe('the article page (scenario B)', () => {
      const slugs: Record<string, string> = {};
      let factory: ContentFactory;

      beforeAll(async () => {
        factory = new ContentFactory(on.prisma);
        const [author, tag, other] = [await factory.author(), await factory.tag(), await factory.tag()];
        const section = await factory.section();
        const images = {
          file: await factory.image({ storageKey: 'ab/cd/file "quoted".jpg', caption: 'Stored' }),
          // A storage key without a size: hasFile() says no, so the stored url stands.
          sizeless: await factory.image({ storageKey: 'ab/cd/sizeless.jpg', width: null }),
          linked: await factory.image({ caption: 'Linked', credit: 'Wire' }),
          trashed: await factory.image({ storageKey: 'ab/cd/trashed.jpg', deletedAt: new Date() }),
        };
        const base = Date.parse('2026-11-20T10:00:00.000Z');
        const make = async (name: string, i: number, options: Parameters<ContentFactory['article']>[0]) => {
          const article = await factory.article({ publishedAt: new Date(base + i * 60_000), ...options });
          slugs[name] = article.slug;
          return article;
        };
        const main = await make('main', 0, { image: images.file, authors: [author], tags: [tag, other], section });
        for (let i = 1; i <= 12; i += 1) {
          await make(`rail${i}`, i, {
            tags: i % 2 ? [tag, other] : [tag],
            section: i % 3 ? section : undefined,
            authors: [author],
          });
        }
        await make('sizeless', 20, { image: images.sizeless, tags: [tag] });
        await make('linked', 21, { image: images.linked, section });
        await make('trashedImage', 22, { image: images.trashed, tags: [other] });
        await make('bare', 23, { authors: [], tags: [] });
        await on.prisma.articleSlug.create({ data: { slug: `${main.slug}-former`, articleId: main.id } });
        slugs.former = `${main.slug}-former`;
        await factory.article({ status: 'DRAFT', publishedAt: null, tags: [tag], section });
      });

      const PAGE = 'query Page($slug: String!) { article(slug: $slug) { id headline FIELDS } }';
      const pages: [string, string, string, Record<string, unknown> | null][] = [
        ['the bench B query', 'main', ARTICLE_PAGE_QUERY, null],
        ['the B query by a former slug', 'former', ARTICLE_PAGE_QUERY, null],
        ['the B query of an article whose image has no size', 'sizeless', ARTICLE_PAGE_QUERY, null],
        ['the B query of an article with a linked image', 'linked', ARTICLE_PAGE_QUERY, null],
        ['the B query of an article with a trashed image', 'trashedImage', ARTICLE_PAGE_QUERY, null],
        ['the B query of an article without image, tags, authors or section', 'bare', ARTICLE_PAGE_QUERY, null],
        ['no related rail', 'main', PAGE.replace('FIELDS', 'bodyHtml featuredImage { id url width height }'), null],
        ['first given', 'main', PAGE.replace('FIELDS', 'relatedArticles(first: 3) { id slug }'), null],
        ['first: 50', 'main', PAGE.replace('FIELDS', 'relatedArticles(first: 50) { id slug }'), null],
        ['first: 1 of an article with no related ones', 'bare', PAGE.replace('FIELDS', 'relatedArticles(first: 1) { id }'), null],
        [
          'first as a variable',
          'main',
          'query Page($slug: String!, $n: Int!) { article(slug: $slug) { id relatedArticles(first: $n) { id headline } } }',
          { n: 4 },
        ],
        [
          'first as an omitted nullable variable (the default)',
          'main',
          'query Page($slug: String!, $n: Int) { article(slug: $slug) { id relatedArticles(first: $n) { id } } }',
          null,
        ],
        [
          'the rail before the article fields, with its relations',
          'main',
          PAGE.replace(
            'id headline FIELDS',
            'relatedArticles(first: 5) { section { name } tags { slug } featuredImage { url } authors { name } id } id tags { name }',
          ),
          null,
        ],
        [
          'aliases on the rail and its fields',
          'main',
          'query Page($slug: String!) { page: article(slug: $slug) { key: id rail: relatedArticles(first: 2) { k: id t: headline ' +
            'who: authors { n: name } pic: featuredImage { src: url } } title: headline } }',
          null,
        ],
        [
          'the rail asked twice under one key, and fragments',
          'main',
          'query Page($slug: String!) { article(slug: $slug) { ...Own relatedArticles(first: 2) { id } ' +
            '... on Article { relatedArticles(first: 2) { slug ...Own } } } } fragment Own on Article { headline tags { id } }',
          null,
        ],
        [
          '__typename everywhere',
          'main',
          'query Page($slug: String!) { __typename article(slug: $slug) { __typename relatedArticles(first: 2) { __typename id ' +
            'featuredImage { __typename url } } featuredImage { __typename url } } }',
          null,
        ],
        [
          'a page of plain fields only',
          'main',
          PAGE.replace('FIELDS', 'slug dek teaser label type url language wordCount'),
          null,
        ],
        [
          'an empty preview token (no preview: the resolver reads by slug)',
          'main',
          'query Page($slug: String!) { article(slug: $slug, previewToken: "") { id } }',
          null,
        ],
      ];

      it.each(pages)('answers %s with the same bytes and headers, from PostgreSQL', async (_name, slug, query, variables) => {
        const { answer, passedThrough } = await compare(on, off, query, { slug: slugs[slug], ...variables });
        expect(answer.status).toBe(200);
        const body = JSON.parse(answer.body);
        expect(body.errors).toBeUndefined();
        expect(body.data.article ?? body.data.page).not.toBeNull();
        expect(passedThrough).toBe(true);
      });

      it('reads the whole B page in one statement, and gives the rail and the image URLs graphql-js gives', async () => {
        const before = on.queries.total;
        const { answer, passedThrough } = await compare(on, off, ARTICLE_PAGE_QUERY, { slug: slugs.main });
        expect(passedThrough).toBe(true);
        expect(on.queries.total - before).toBe(1);
        const { article } = JSON.parse(answer.body).data;
        expect(article.relatedArticles).toHaveLength(10);
        expect(article.featuredImage.url).toMatch(/\/ab\/cd\/file "quoted"\.jpg$/);
        const keys = answer.headers['surrogate-key']!.split(' ');
        // The article's keys, then the rail's, as relatedOf runs after the article's read.
        expect(keys[0]).toMatch(/^article:/);
        expect(keys.indexOf('articles:related')).toBeGreaterThan(keys.indexOf('image:links'));
      });

      it('gives the stored url of an image without a size, and null for a trashed image', async () => {
        const query = 'query Page($slug: String!) { article(slug: $slug) { featuredImage { url } } }';
        const sizeless = await compare(on, off, query, { slug: slugs.sizeless });
        expect(JSON.parse(sizeless.answer.body).data.article.featuredImage.url).toMatch(/^https:\/\/images\.example\.com\//);
        const trashed = await compare(on, off, query, { slug: slugs.trashedImage });
        expect(JSON.parse(trashed.answer.body).data.article.featuredImage).toBeNull();
        expect(sizeless.passedThrough && trashed.passedThrough).toBe(true);
      });

      it('answers an unknown slug as graphql-js does, with the lookup key', async () => {
        const { answer, passedThrough } = await compare(on, off, ARTICLE_PAGE_QUERY, { slug: 'no-such-article' });
        expect(answer.body).toBe('{"data":{"article":null}}\n');
        expect(answer.headers['surrogate-key']).toContain('article:lookups');
        expect(passedThrough).toBe(true);
      });

      it('answers a draft by its slug as graphql-js does (null)', async () => {
        const draft = await factory.article({ status: 'DRAFT', publishedAt: null });
        const { answer, passedThrough } = await compare(on, off, ARTICLE_PAGE_QUERY, { slug: draft.slug });
        expect(JSON.parse(answer.body)).toEqual({ data: { article: null } });
        expect(passedThrough).toBe(true);
      });

      const refused: [string, string, Record<string, unknown>][] = [
        ['first: 51', 'query Page($slug: String!) { article(slug: $slug) { id relatedArticles(first: 51) { id } } }', {}],
        ['first: 0', 'query Page($slug: String!) { article(slug: $slug) { id relatedArticles(first: 0) { id } } }', {}],
        [
          'a variable first out of range',
          'query Page($slug: String!, $n: Int!) { article(slug: $slug) { id relatedArticles(first: $n) { id } } }',
          { n: 99 },
        ],
      ];

      it.each(refused)('leaves %s to the resolver, with the same error bytes', async (_name, query, variables) => {
        const { answer, passedThrough } = await compare(on, off, query, { slug: slugs.main, ...variables });
        expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(passedThrough).toBe(false);
      });

      const fallbacks: [string, string][] = [
        ['a preview token', 'query Page($slug: String!) { article(slug: $slug, previewToken: "nope") { id } }'],
        ['srcset', 'query Page($slug: String!) { article(slug: $slug) { featuredImage { srcset } } }'],
        [
          'srcset in the rail',
          'query Page($slug: String!) { article(slug: $slug) { relatedArticles { featuredImage { srcset } } } }',
        ],
        ['a rendition url', 'query Page($slug: String!) { article(slug: $slug) { featuredImage { url(width: 320) } } }'],
        [
          'the rail under two keys',
          'query Page($slug: String!) { article(slug: $slug) { a: relatedArticles(first: 2) { id } b: relatedArticles(first: 3) { id } } }',
        ],
        [
          'a rail in the rail',
          'query Page($slug: String!) { article(slug: $slug) { relatedArticles(first: 2) { relatedArticles(first: 2) { id } } } }',
        ],
        ['social links', 'query Page($slug: String!) { article(slug: $slug) { authors { socialLinks { network } } } }'],
        ['a Float', 'query Page($slug: String!) { article(slug: $slug) { featuredImage { focalX } } }'],
        [
          '@skip on the rail',
          'query Page($slug: String!) { article(slug: $slug) { id relatedArticles @skip(if: true) { id } } }',
        ],
      ];

      it.each(fallbacks)('leaves %s to graphql-js, with the same bytes and headers', async (_name, query) => {
        const { passedThrough } = await compare(on, off, query, { slug: slugs.main });
        expect(passedThrough).toBe(false);
      });

      it('gives the same error for a slug of the wrong type', async () => {
        const { answer, passedThrough } = await compare(on, off, ARTICLE_PAGE_QUERY, { slug: 7 });
        expect(answer.status).toBe(400);
        expect(passedThrough).toBe(false);
      });
    });
  });
});

describe('public API: pass-through with private masters (MEDIA_PUBLIC_ORIGINALS=false)', () => {
  let on: TestApp;
  let off: TestApp;
  let close: () => Promise<void>;
  let slug: string;

  beforeAll(async () => {
    ({ on, off, close } = await appsOnAndOff({ MEDIA_PUBLIC_ORIGINALS: 'false' }));
    const factory = new ContentFactory(on.prisma);
    const image = await factory.image({ storageKey: 'ab/cd/master.jpg' });
    slug = (await factory.article({ image, tags: [await factory.tag()] })).slug;
  });
  afterAll(() => close());

  it('leaves Image.url to JS (the largest rendition), with the same bytes and headers', async () => {
    const { answer, passedThrough } = await compare(on, off, ARTICLE_PAGE_QUERY, { slug });
    expect(JSON.parse(answer.body).data.article.featuredImage.url).not.toMatch(/master\.jpg$/);
    expect(passedThrough).toBe(false);
  });

  it('still answers a page without Image.url from PostgreSQL', async () => {
    const query = ARTICLE_PAGE_QUERY.replace('featuredImage { url caption credit }', 'featuredImage { caption credit }');
    const { passedThrough } = await compare(on, off, query, { slug });
    expect(passedThrough).toBe(true);
  });
});

describe('GRAPHQL_PASS_THROUGH=verify', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ GRAPHQL_PASS_THROUGH: 'verify' });
    const factory = new ContentFactory(t.prisma);
    await factory.article({ authors: [await factory.author()], tags: [await factory.tag()] });
  });
  afterAll(() => t.close());

  it('runs both paths and answers as graphql-js when they agree', async () => {
    const before = served(t);
    const response = await get(t, `{ latestArticles(first: 20) { ${CARD} } }`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).data.latestArticles).toHaveLength(1);
    expect(served(t) - before).toBe(1);
  });

  it('fails loudly (500) when the two differ', async () => {
    const registry = t.app.get(PassThroughRegistry);
    const real = registry.get('latestArticles')!;
    registry.register('latestArticles', { accepts: () => true, read: () => Promise.resolve('[]') });
    try {
      // Another text, so another plan, made with the wrong reader.
      const response = await get(t, '{ latestArticles(first: 20) { id } }');
      expect(response.status).toBe(500);
      expect(JSON.parse(response.body).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(response.headers['cache-control']).toBe('no-store');
    } finally {
      registry.register('latestArticles', real);
    }
  });
});
