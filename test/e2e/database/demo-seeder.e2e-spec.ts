// Runs the demo seeder against this run's test database (a clone of the migrated template on
// TEST_DATABASE_URL, else embedded PGlite), so the search_vector triggers exist.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { toGlobalId } from '../../../src/common/global-id.js';
import { PrismaClient } from '../../../src/generated/prisma/client.js';
import { demoContent, maliArticle } from '../../../src/seed/demo-content.js';
import { isDatabaseEmpty, seedDemoContent } from '../../../src/seed/demo-seeder.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';

const SEED_TIMEOUT = 60_000;
const DAY = 86_400_000;
const FIRST_SEED = new Date('2030-03-10T09:00:00Z');

const publishedDates = async (prisma: PrismaClient) =>
  (await prisma.article.findMany({ select: { slug: true, publishedAt: true }, orderBy: { slug: 'asc' } })).map(
    (row) => `${row.slug} ${row.publishedAt?.toISOString()}`,
  );

async function tableCounts(prisma: PrismaClient) {
  const [articles, authors, tags, sections, series, images, articleAuthors, articleTags] = await Promise.all([
    prisma.article.count(),
    prisma.author.count(),
    prisma.tag.count(),
    prisma.section.count(),
    prisma.series.count(),
    prisma.image.count(),
    prisma.articleAuthor.count(),
    prisma.articleTag.count(),
  ]);
  return { articles, authors, tags, sections, series, images, articleAuthors, articleTags };
}

describe('seedDemoContent', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: database.poolSize });
    prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it(
    'fills an empty database and is idempotent on re-runs',
    async () => {
      expect(await isDatabaseEmpty(prisma)).toBe(true);

      expect(await seedDemoContent(prisma, demoContent, { now: FIRST_SEED })).toEqual({ articles: demoContent.articles.length });
      const afterFirstRun = await tableCounts(prisma);
      expect(await isDatabaseEmpty(prisma)).toBe(false);
      expect(afterFirstRun).toMatchObject({
        articles: demoContent.articles.length,
        authors: demoContent.authors.length,
        tags: demoContent.tags.length,
        sections: demoContent.sections.length,
        series: demoContent.series.length,
        images: demoContent.images.length,
      });

      const dates = await publishedDates(prisma);
      // A re-seed, days later, keeps the counts and the dates of the first one.
      await seedDemoContent(prisma, demoContent, { now: new Date(FIRST_SEED.getTime() + 5 * DAY) });
      expect(await tableCounts(prisma)).toEqual(afterFirstRun);
      expect(await publishedDates(prisma)).toEqual(dates);
    },
    SEED_TIMEOUT,
  );

  it('stores the Mali analysis with its section, byline, tag and featured image', async () => {
    const article = await prisma.article.findUniqueOrThrow({
      where: { slug: maliArticle.slug },
      include: {
        section: true,
        featuredImage: true,
        authors: { include: { author: true } },
        tags: { include: { tag: true } },
      },
    });

    expect(article).toMatchObject({
      headline: 'How the US should respond to Mali’s descent into chaos',
      dek: 'An al-Qaida linked group’s recent attacks punt stability further down the road',
      type: 'ANALYSIS',
      status: 'PUBLISHED',
      section: { slug: 'africa' },
      featuredImage: { credit: 'REUTERS/Mahamadou Hamidou//File Photo' },
    });
    expect(article.authors.map((link) => [link.author.slug, link.publishedAt])).toEqual([['staff', article.publishedAt]]);
    expect(article.tags.map((link) => [link.tag.slug, link.tag.name, link.publishedAt])).toEqual([
      ['mali', 'mali', article.publishedAt],
    ]);
    expect(article.wordCount).toBeGreaterThan(900);
    expect(article.bodyText).toContain('cut deals with the guys with guns');
  });

  it('dates the demo relative to its first seed: the newest article an hour before, the others spaced as written', async () => {
    const rows = await prisma.article.findMany({ select: { slug: true, publishedAt: true } });
    const newest = Math.max(...rows.map((row) => row.publishedAt!.getTime()));
    expect(newest).toBe(FIRST_SEED.getTime() - 3_600_000);
    const written = new Map(demoContent.articles.map((article) => [article.slug, article.publishedAt.getTime()]));
    const newestWritten = Math.max(...written.values());
    for (const row of rows) expect(newest - row.publishedAt!.getTime()).toBe(newestWritten - written.get(row.slug)!);
    const mali = rows.find((row) => row.slug === maliArticle.slug)!;
    expect(mali.publishedAt!.getTime()).toBe(maliArticle.publishedAt.getTime() + (newest - newestWritten));
  });

  // Deliberate change: the block refers to the library image by its public id instead of copying it.
  it('keeps the photo in the body as a reference to the featured image, with usage links', async () => {
    const article = await prisma.article.findUniqueOrThrow({ where: { slug: maliArticle.slug } });
    const blocks = article.body as { type: string; imageId?: string; credit?: string }[];

    const images = blocks.filter((block) => block.type === 'image');
    expect(images).toEqual([{ type: 'image', imageId: toGlobalId('Image', article.featuredImageId!) }]);
    const usage = await prisma.imageUsage.findMany({ where: { articleId: article.id }, orderBy: { usedAs: 'asc' } });
    expect(usage.map((row) => [row.imageId, row.usedAs, row.source])).toEqual([
      [article.featuredImageId, 'body', 'live'],
      [article.featuredImageId, 'featured', 'live'],
    ]);
    expect(blocks.filter((block) => block.type === 'paragraph')).toHaveLength(14);
  });

  it('makes the Mali article findable by full-text search', async () => {
    const rows = await prisma.$queryRaw<{ slug: string }[]>`
      SELECT slug FROM articles WHERE search_vector @@ websearch_to_tsquery('english', 'junta') ORDER BY slug`;

    expect(rows.map((row) => row.slug)).toContain(maliArticle.slug);
  });
});
