import { createHash } from 'node:crypto';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLClient } from 'graphql-request';
import { seedDemo } from '../../utils/demo-content.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { parseXml, validateSitemap } from '../../utils/feed-parsing.js';

const MALI = 'how-the-us-should-respond-to-malis-descent-into-chaos';
const ARTICLE = `query Article($slug: String!) {
  article(slug: $slug) { id headline authors { id name } tags { id slug } section { id name } featuredImage { id caption credit } } }`;

// One app on the demo magazine for the files that only read it: GraphQL clients, feeds and sitemaps.
describe('public outputs over the demo content', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
  });
  afterAll(() => t.close());

  // The endpoint must work, unmodified, from the clients front-end teams actually use.
  describe('public API from standard GraphQL clients', () => {
    it('works with Apollo Client over GET with persisted queries, and normalises every object by id', async () => {
      const sent: string[] = [];
      const recordingFetch: typeof fetch = (input, init) => {
        sent.push(`${init?.method ?? 'GET'} ${String(input).includes('sha256Hash') ? 'hash' : 'body'}`);
        return fetch(input, init);
      };
      const client = new ApolloClient({
        link: new PersistedQueryLink({
          sha256: (query) => createHash('sha256').update(query).digest('hex'),
          useGETForHashedQueries: true,
        }).concat(new HttpLink({ uri: t.graphql.endpoint, fetch: recordingFetch })),
        cache: new InMemoryCache(),
      });
      const { data } = await client.query<any>({ query: gql(ARTICLE), variables: { slug: MALI } });
      expect(data.article.headline).toMatch(/Mali/);
      expect(sent[0]).toBe('GET hash'); // first try: hash only, answered PERSISTED_QUERY_NOT_FOUND, then registered

      const cache = client.cache.extract() as Record<string, unknown>;
      for (const entity of [
        data.article,
        data.article.authors[0],
        data.article.tags[0],
        data.article.section,
        data.article.featuredImage,
      ]) {
        expect(cache[`${entity.__typename}:${entity.id}`]).toBeDefined();
      }
    });

    it('works with graphql-request over GET and POST', async () => {
      for (const method of ['GET', 'POST'] as const) {
        const client = new GraphQLClient(t.graphql.endpoint, { method });
        const data = await client.request<any>(ARTICLE, { slug: MALI });
        expect(data.article.featuredImage.credit).toBe('REUTERS/Mahamadou Hamidou//File Photo');
      }
    });

    it('speaks the GraphQL-over-HTTP media type, with 400 for invalid requests', async () => {
      const headers = { accept: 'application/graphql-response+json', 'content-type': 'application/json' };
      const ok = await fetch(t.graphql.endpoint, { method: 'POST', headers, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
      const invalid = await fetch(t.graphql.endpoint, { method: 'POST', headers, body: JSON.stringify({ query: '{ nope }' }) });
      expect(invalid.status).toBe(400);
    });
  });

  // The demo magazine is real editorial content (bylines, captions, credits, embeds): every feed and
  // sitemap built from it must parse and validate.
  describe('feeds and sitemaps over the demo content', () => {
    const text = async (path: string) => {
      const res = await fetch(`${t.baseUrl}${path}`);
      expect(res.status).toBe(200);
      return res.text();
    };

    it('builds well-formed RSS, Atom and JSON Feed with every published article', async () => {
      const published = await t.prisma.article.count({ where: { status: 'PUBLISHED', deletedAt: null } });
      const expected = Math.min(published, t.config.feeds.itemLimit);
      expect(parseXml(await text('/feeds/rss.xml')).rss.channel.item).toHaveLength(expected);
      expect(parseXml(await text('/feeds/atom.xml')).feed.entry).toHaveLength(expected);
      expect((JSON.parse(await text('/feeds/feed.json')) as { items: unknown[] }).items).toHaveLength(expected);
      const tag = await t.prisma.tag.findFirstOrThrow({ where: { articles: { some: {} } } });
      expect(parseXml(await text(`/feeds/tags/${tag.slug}/rss.xml`)).rss.channel.item.length).toBeGreaterThan(0);
    });

    it('builds sitemaps that validate against their XSDs', async () => {
      expect(await validateSitemap(await text('/sitemap.xml'), 'siteindex.xsd')).toEqual([]);
      expect(await validateSitemap(await text('/sitemaps/articles-1.xml'), 'sitemap.xsd')).toEqual([]);
      expect(await validateSitemap(await text('/sitemaps/news.xml'), 'sitemap.xsd')).toEqual([]);
    });

    it('has recent news on a fresh demo: it is dated relative to its first seed', async () => {
      const urls = parseXml(await text('/sitemaps/news.xml')).urlset.url as { 'news:news'?: unknown }[];
      expect(urls.filter((url) => url['news:news']).length).toBeGreaterThanOrEqual(1);
    });
  });
});
