import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLClient } from 'graphql-request';
import { seedDemo } from '../../utils/demo-content.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

const MALI = 'how-the-us-should-respond-to-malis-descent-into-chaos';
const ARTICLE = `query Article($slug: String!) {
  article(slug: $slug) { id headline authors { id name } tags { id slug } section { id name } featuredImage { id caption credit } } }`;

// The endpoint must work, unmodified, from the clients front-end teams actually use.
describe('public API from standard GraphQL clients', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
  });
  afterAll(() => t.close());

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
