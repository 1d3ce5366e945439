import type { Tx } from '../database/tx.js';
// Loads the demo content into a database, safely re-runnable: everything is upserted by its stable
// identity (slug, or fixed id for images), and an article's byline and tag links are replaced, so a
// second run updates rows instead of duplicating them.
import { articleBodySchema, type ArticleBody } from '../articles/body/article-body.schema.js';
import { referencedImageIds } from '../articles/body/article-body.images.js';
import { analyseBody } from '../articles/body/article-body.text.js';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { demoContent, type DemoArticle, type DemoContent } from './demo-content.js';

/** A client, or a transaction the caller already opened (the seed then runs in a nested one). */
export type PrismaClientLike = PrismaClient | Tx;

export interface SeedResult {
  articles: number;
}

type SlugIds = ReadonlyMap<string, string>;

interface ReferenceIds {
  authors: SlugIds;
  tags: SlugIds;
  sections: SlugIds;
  series: SlugIds;
}

// Generous because the embedded database serves one session at a time and the default 5 s
// interactive-transaction timeout is too tight for a cold start.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 120_000 };

// The newest demo article goes live this long before the first seed, the others keep their spacing.
const NEWEST_ARTICLE_AGE_MS = 60 * 60 * 1000;

/**
 * Writes the demo content. Its derived fields (teaser, label, body HTML with the photos) are left to
 * ArticleDerivationService, which derives never-derived rows before the app serves: call its
 * rederive({ kind: 'never-derived' }) after seeding a running app (see app.factory.ts).
 * `now`: when the first seed happens (tests pass their own).
 */
export async function seedDemoContent(
  prisma: PrismaClientLike,
  content: DemoContent = demoContent,
  options: { now?: Date } = {},
): Promise<SeedResult> {
  return prisma.$transaction((tx) => seedWith(tx, content, options.now ?? new Date()), TRANSACTION_OPTIONS);
}

/** True when the database holds no articles at all, soft-deleted ones included. */
export async function isDatabaseEmpty(prisma: PrismaClientLike): Promise<boolean> {
  return (await prisma.article.findFirst({ select: { id: true } })) === null;
}

// Only `tx` is used from here on: the embedded database has a single connection, so touching the
// outer client inside the transaction would wait for it forever.
async function seedWith(tx: Tx, content: DemoContent, now: Date): Promise<SeedResult> {
  const shiftMs = await dateShift(tx, content, now);
  await upsertImages(tx, content);
  const ids: ReferenceIds = {
    authors: await upsertAuthors(tx, content),
    tags: await upsertTags(tx, content),
    sections: await upsertSections(tx, content),
    series: await upsertSeries(tx, content),
  };
  for (const article of content.articles) {
    await upsertArticle(tx, { ...article, publishedAt: new Date(article.publishedAt.getTime() + shiftMs) }, ids);
  }
  return { articles: content.articles.length };
}

// The demo is dated relative to its first seed, so a fresh demo has recent news (the Google News
// sitemap, "latest" lists); a re-seed finds the newest demo article and keeps the dates it got then.
async function dateShift(tx: Tx, content: DemoContent, now: Date): Promise<number> {
  const newest = content.articles.reduce((a, b) => (a.publishedAt >= b.publishedAt ? a : b));
  const seeded = await tx.article.findUnique({ where: { slug: newest.slug }, select: { publishedAt: true } });
  const anchor = seeded?.publishedAt ?? new Date(now.getTime() - NEWEST_ARTICLE_AGE_MS);
  return anchor.getTime() - newest.publishedAt.getTime();
}

async function upsertImages(tx: Tx, { images }: DemoContent): Promise<void> {
  for (const { id, url, width, height, altText, caption, credit } of images) {
    const data = { url, width, height, altText, caption, credit, deletedAt: null };
    await tx.image.upsert({ where: { id }, create: { id, ...data }, update: data });
  }
}

// Each reference upsert returns slug → id, so articles can be linked without further lookups.
async function upsertAuthors(tx: Tx, { authors }: DemoContent): Promise<SlugIds> {
  return upsertEachBySlug(authors, ({ slug, name, title, bio }) => {
    const data = { name, title, bio, deletedAt: null };
    return tx.author.upsert({ where: { slug }, create: { slug, ...data }, update: data, select: { id: true } });
  });
}

async function upsertTags(tx: Tx, { tags }: DemoContent): Promise<SlugIds> {
  return upsertEachBySlug(tags, ({ slug, name, description }) => {
    const data = { name, description, deletedAt: null };
    return tx.tag.upsert({ where: { slug }, create: { slug, ...data }, update: data, select: { id: true } });
  });
}

async function upsertSections(tx: Tx, { sections }: DemoContent): Promise<SlugIds> {
  return upsertEachBySlug(sections, ({ slug, name, description, position }) => {
    const data = { name, description, position, deletedAt: null };
    return tx.section.upsert({ where: { slug }, create: { slug, ...data }, update: data, select: { id: true } });
  });
}

async function upsertSeries(tx: Tx, { series }: DemoContent): Promise<SlugIds> {
  return upsertEachBySlug(series, ({ slug, name, description }) => {
    const data = { name, description, deletedAt: null };
    return tx.series.upsert({ where: { slug }, create: { slug, ...data }, update: data, select: { id: true } });
  });
}

// Sequential on purpose: a transaction runs on one connection, so parallel queries gain nothing.
async function upsertEachBySlug<T extends { slug: string }>(
  items: readonly T[],
  upsert: (item: T) => Promise<{ id: string }>,
): Promise<SlugIds> {
  const ids = new Map<string, string>();
  for (const item of items) ids.set(item.slug, (await upsert(item)).id);
  return ids;
}

async function upsertArticle(tx: Tx, article: DemoArticle, ids: ReferenceIds): Promise<void> {
  const data = articleData(article, ids);
  const { id } = await tx.article.upsert({
    where: { slug: article.slug },
    create: { slug: article.slug, ...data },
    update: data,
    select: { id: true },
  });
  await replaceAuthors(tx, id, article, ids.authors);
  await replaceTags(tx, id, article, ids.tags);
  await replaceImageUsage(tx, id, article);
}

// The same usage links an editor's save writes, so demo images in use cannot be trashed either.
async function replaceImageUsage(tx: Tx, articleId: string, article: DemoArticle): Promise<void> {
  await tx.imageUsage.deleteMany({ where: { articleId } });
  const body = referencedImageIds(articleBodySchema.parse(article.body)).map((imageId) => ({ imageId, usedAs: 'body' }));
  const featured = article.featuredImageId ? [{ imageId: article.featuredImageId, usedAs: 'featured' }] : [];
  const data = [...featured, ...body].map((use) => ({ ...use, articleId, source: 'live' }));
  if (data.length) await tx.imageUsage.createMany({ data });
}

// The same validation and derived fields as an editor's save, so demo rows look like real ones.
function textStatistics(body: ArticleBody) {
  const { text, wordCount, readingTimeMinutes } = analyseBody(body);
  return { bodyText: text, wordCount, readingTimeMinutes };
}

function articleData(article: DemoArticle, ids: ReferenceIds) {
  const body = articleBodySchema.parse(article.body);
  return {
    headline: article.headline,
    dek: article.dek,
    teaser: article.teaser,
    type: article.type,
    status: 'PUBLISHED',
    publishedAt: article.publishedAt,
    sectionId: lookup(ids.sections, article.sectionSlug, 'section'),
    seriesId: article.seriesSlug === null ? null : lookup(ids.series, article.seriesSlug, 'series'),
    featuredImageId: article.featuredImageId,
    // Parsed blocks are plain JSON data; zod's output type just does not say so.
    body: body as Prisma.InputJsonValue,
    // The text statistics need nothing but the body, so a database seeded with db:seed is searchable
    // at once; teaser, label and HTML (with the photos) are derived by the app (see seedDemoContent).
    ...textStatistics(body),
    bodyHtml: null,
    deletedAt: null,
  } satisfies Prisma.ArticleUncheckedUpdateInput;
}

// Links carry the article's published_at (see the schema), so they are rewritten with it.
async function replaceAuthors(tx: Tx, articleId: string, article: DemoArticle, authorIds: SlugIds): Promise<void> {
  await tx.articleAuthor.deleteMany({ where: { articleId } });
  await tx.articleAuthor.createMany({
    data: article.authorSlugs.map((slug, position) => ({
      articleId,
      authorId: lookup(authorIds, slug, 'author'),
      position,
      publishedAt: article.publishedAt,
    })),
  });
}

async function replaceTags(tx: Tx, articleId: string, article: DemoArticle, tagIds: SlugIds): Promise<void> {
  await tx.articleTag.deleteMany({ where: { articleId } });
  await tx.articleTag.createMany({
    data: article.tagSlugs.map((slug, position) => ({
      articleId,
      tagId: lookup(tagIds, slug, 'tag'),
      position,
      publishedAt: article.publishedAt,
    })),
  });
}

function lookup(ids: SlugIds, slug: string, kind: string): string {
  const id = ids.get(slug);
  if (id === undefined) throw new Error(`Demo content refers to unknown ${kind} "${slug}"`);
  return id;
}
