import { Prisma } from '../../../src/generated/prisma/client.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createTestDatabase } from '../../utils/test-database.js';

const CARD =
  'id headline slug dek teaser publishedAt authors { id name slug } tags { id name slug } section { id name slug } featuredImage { caption credit }';

const READS = {
  front: `{ latestArticles(first: 20) { ${CARD} } }`,
  tagPage: `query($tag: String!) { articles(filter: { tag: $tag }, first: 20) { edges { cursor node { ${CARD} } } pageInfo { hasNextPage endCursor } } }`,
  articlePage: `query($slug: String!) { article(slug: $slug) { id headline bodyHtml authors { name } tags { name } section { name }
    featuredImage { url caption } relatedArticles { id headline slug } } }`,
};

const EXECUTIONS = 12;

interface PlanCount {
  statement: string;
  generic: number;
  custom: number;
}

// The public reads' prepared statements must be planned once and then executed, not planned again
// for every request: planning was half of PostgreSQL's time per front page (BENCHMARKS "Generic
// plans"). PostgreSQL only keeps a generic plan it costs no dearer than the custom ones, which a
// `LIMIT $n` defeats (database/prepared-statements.ts literalLimit). One pooled connection, so the
// statements the app prepared are the ones this session's pg_prepared_statements lists.
describe('public API: prepared statements keep a generic plan', () => {
  let t: TestApp;

  beforeAll(async () => {
    const db = await createTestDatabase();
    t = await createTestApp({}, { ...db, poolSize: 1 });
    const factory = new ContentFactory(t.prisma);
    const tag = await factory.tag({ slug: 'plans' });
    const [section, image, author] = [await factory.section(), await factory.image({ caption: 'c' }), await factory.author()];
    for (let i = 0; i < 30; i++) await factory.article({ slug: `plan-${i}`, tags: [tag], authors: [author], section, image });
  });
  afterAll(async () => {
    await t.close();
    await t.database.drop();
  });

  const plans = () =>
    t.prisma.$queryRaw<PlanCount[]>(Prisma.sql`
      SELECT statement, generic_plans::int AS generic, custom_plans::int AS custom
      FROM pg_prepared_statements WHERE name LIKE 'nd\\_%'`);

  it('plans the front page, a tag page and an article page once each, not at every request', async () => {
    for (let i = 0; i < EXECUTIONS; i++) {
      await t.graphql.data(READS.front);
      await t.graphql.data(READS.tagPage, { tag: 'plans' });
      await t.graphql.data(READS.articlePage, { slug: 'plan-7' });
    }
    const repeated = (await plans()).filter((plan) => plan.generic + plan.custom >= EXECUTIONS);
    const text = (plan: PlanCount) => plan.statement.replace(/\s+/g, ' ');
    // The list statements (front page, tag page) and the article page at least: the pass-through reads
    // the article with its related-articles rail in one statement (graphql-js, in verify mode, in two more).
    expect(repeated.length).toBeGreaterThanOrEqual(3);
    expect(repeated.some((plan) => text(plan).includes('LIMIT 20) k JOIN'))).toBe(true);
    expect(repeated.some((plan) => text(plan).includes('(SELECT id FROM tags WHERE slug ='))).toBe(true);
    expect(repeated.some((plan) => text(plan).includes('WITH me AS'))).toBe(true);
    // PostgreSQL tries at most five custom plans before it compares them with the generic one.
    expect(repeated.filter((plan) => plan.custom > 5).map((plan) => text(plan).slice(0, 200))).toEqual([]);
  });
});
