import type { Tx } from '../../database/tx.js';
import { Inject, Injectable } from '@nestjs/common';
import { ModelKeyset } from '../../common/pagination/keyset.js';
import type { PageRequest } from '../../common/pagination/page-request.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { PrismaService } from '../../database/prisma.service.js';
import { BodyImagesService } from '../body/body-images.service.js';
import { Prisma, type Article, type ArticleRevision } from '../../generated/prisma/client.js';
import { groupBy } from '../../common/group-by.js';
import { referencedImageIds } from '../body/article-body.images.js';
import { sanitizeBodyEmbeds } from '../body/embed-policy.js';
import { deriveArticleFields, type DerivationDependencies } from '../derivation/article-derivation.js';
import { COLUMN_FIELDS, storedContentSchema, type ArticleContent } from './article-content.js';

export type ArticleSnapshot = {
  status: Article['status'];
  publishedAt: string | null;
  scheduledAt: string | null;
  content: ArticleContent;
};

export interface StoredBodies {
  id: string;
  status: Article['status'];
  deletedAt: Date | null;
  body: unknown;
  pendingChanges: unknown;
  updatedAt: Date;
}

// Writes of articles for the admin API. Every method takes the caller's transaction: an edit, its
// revision, its audit entry and its jobs commit together or not at all. Every body is stored
// normalised: its embed HTML sanitised by the embed policy (live and pending alike).

/** Newest first by version. */
export const REVISION_PAGES = new ModelKeyset<ArticleRevision>([['version', 'integer']], 'desc');

/** Admin lists: most recently changed first. */
export const ADMIN_ARTICLE_PAGES = new ModelKeyset<Article>(
  [
    ['updatedAt', 'timestamp'],
    ['id', 'uuid'],
  ],
  'desc',
);
@Injectable()
export class ArticleEditorRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bodyImages: BodyImagesService,
  ) {}

  /** An article's revisions, newest first. */
  listRevisions(articleId: string, page: PageRequest): Promise<ArticleRevision[]> {
    const { where, ...order } = REVISION_PAGES.page(page);
    return this.prisma.articleRevision.findMany({ where: { AND: [{ articleId }, where] }, ...order });
  }

  /** Admin lists: most recently changed first. */
  listForAdmin(where: Prisma.ArticleWhereInput, page: PageRequest): Promise<Article[]> {
    const { where: after, ...order } = ADMIN_ARTICLE_PAGES.page(page);
    return this.prisma.article.findMany({ where: { AND: [where, after] }, ...order });
  }

  countForAdmin(where: Prisma.ArticleWhereInput): Promise<number> {
    return this.prisma.article.count({ where });
  }

  findRevision(articleId: string, version: number): Promise<ArticleRevision | null> {
    return this.prisma.articleRevision.findUnique({ where: { articleId_version: { articleId, version } } });
  }

  /**
   * The article if it is still scheduled, not trashed and due by the DATABASE's clock (the clock the
   * job queue used to decide the job was due), locked until the transaction ends.
   */
  /** The article, locked, if it is still scheduled and due at `now`. */
  async findDueScheduled(tx: Tx, id: string, now: Date): Promise<Article | null> {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM articles
      WHERE id = ${id}::uuid AND status = 'SCHEDULED' AND deleted_at IS NULL AND scheduled_at <= ${now}
      FOR UPDATE`;
    return due.length ? this.findById(id, tx) : null;
  }

  // Reads take the transaction last and default to the plain client; writes take it first.
  findById(id: string, db: Tx = this.prisma): Promise<Article | null> {
    return db.article.findUnique({ where: { id } });
  }

  /** The content editors work on: pending changes of a live article, else the article itself. */
  async workingContent(article: Article, db: Tx = this.prisma): Promise<ArticleContent> {
    return (await this.workingContents([article], db))[0]!;
  }

  /** workingContent for many articles with two queries in all (admin lists). */
  async workingContents(articles: Article[], tx: Tx = this.prisma): Promise<ArticleContent[]> {
    const ids = articles.filter((article) => !article.pendingChanges).map((article) => article.id);
    // Sequential: the embedded database serves one statement at a time anyway.
    const authors = ids.length
      ? await tx.articleAuthor.findMany({ where: { articleId: { in: ids } }, orderBy: { position: 'asc' } })
      : [];
    const tags = ids.length
      ? await tx.articleTag.findMany({ where: { articleId: { in: ids } }, orderBy: { position: 'asc' } })
      : [];
    const authorIds = groupBy(
      authors,
      (link) => link.articleId,
      (link) => link.authorId,
    );
    const tagIds = groupBy(
      tags,
      (link) => link.articleId,
      (link) => link.tagId,
    );
    return articles.map((article) =>
      article.pendingChanges
        ? storedContentSchema.parse(article.pendingChanges)
        : this.liveContent(article, authorIds.get(article.id) ?? [], tagIds.get(article.id) ?? []),
    );
  }

  // The column fields as stored (article-content.ts), the links as read; parsed like a snapshot.
  private liveContent(article: Article, authorIds: string[], tagIds: string[]): ArticleContent {
    const columns = Object.fromEntries(COLUMN_FIELDS.map((name) => [name, article[name]]));
    return storedContentSchema.parse({ ...columns, authorIds, tagIds });
  }

  async create(tx: Tx, content: ArticleContent, createdById: string | null): Promise<Article> {
    const article = await tx.article.create({ data: { ...(await this.columns(tx, content)), createdById } });
    await this.replaceLinks(tx, article.id, content);
    await this.replaceImageUsage(tx, article.id, ['live'], content);
    return article;
  }

  /**
   * Claims the next version: succeeds only if nobody saved since `expectedVersion`. The row lock it
   * takes serialises concurrent saves, so of N saves from one base exactly one wins.
   */
  async claimVersion(
    tx: Tx,
    id: string,
    expectedVersion: number,
    data: Prisma.ArticleUpdateManyMutationInput = {},
  ): Promise<boolean> {
    const { count } = await tx.article.updateMany({
      where: { id, version: expectedVersion },
      data: { ...data, version: { increment: 1 } },
    });
    return count === 1;
  }

  async currentVersion(tx: Tx, id: string): Promise<number | null> {
    return (await tx.article.findUnique({ where: { id }, select: { version: true } }))?.version ?? null;
  }

  /** Makes `content` the article's own (public when published), dropping any pending changes. */
  async writeLive(tx: Tx, id: string, content: ArticleContent, extra: Prisma.ArticleUncheckedUpdateInput = {}): Promise<Article> {
    const article = await tx.article.update({
      where: { id },
      data: { ...(await this.columns(tx, content)), pendingChanges: Prisma.DbNull, ...extra },
    });
    await this.replaceLinks(tx, id, content);
    // Live content replaced and pending changes dropped: the links of both are rewritten at once.
    await this.replaceImageUsage(tx, id, ['live', 'pending'], content);
    return article;
  }

  async writePending(tx: Tx, id: string, content: ArticleContent): Promise<Article> {
    const stored = { ...content, body: this.storedBody(content) };
    const article = await tx.article.update({
      where: { id },
      data: { pendingChanges: stored as unknown as Prisma.InputJsonValue },
    });
    await this.replaceImageUsage(tx, id, ['pending'], stored);
    return article;
  }

  /** Body image blocks whose image does not exist or is in the trash, by block index. */
  async missingBodyImages(tx: Tx, body: ArticleContent['body']): Promise<number[]> {
    const ids = referencedImageIds(body);
    if (!ids.length) return [];
    const found = new Set((await tx.image.findMany(visible(ids))).map((row) => row.id));
    return body.flatMap((block, index) => {
      if (block.type !== 'image') return [];
      const [ref] = referencedImageIds([block]);
      return ref && !found.has(ref) ? [index] : [];
    });
  }

  update(tx: Tx, id: string, data: Prisma.ArticleUncheckedUpdateInput): Promise<Article> {
    return tx.article.update({ where: { id }, data });
  }

  delete(tx: Tx, id: string): Promise<Article> {
    return tx.article.delete({ where: { id } });
  }

  async addRevision(
    tx: Tx,
    article: Article,
    snapshot: ArticleSnapshot,
    author: { userId: string | null; tokenId: string | null },
    message: string | null,
  ): Promise<ArticleRevision> {
    return tx.articleRevision.create({
      data: {
        articleId: article.id,
        version: article.version,
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
        message,
        createdById: author.userId,
        createdByTokenId: author.tokenId,
      },
    });
  }

  async authorIdOfUser(tx: Tx, userId: string): Promise<string | null> {
    return (await tx.user.findUnique({ where: { id: userId }, select: { authorId: true } }))?.authorId ?? null;
  }

  /** Whether a slug is in use (now or formerly) by an article other than `exceptId`. */
  async isSlugTaken(tx: Tx, slug: string, exceptId: string | null): Promise<boolean> {
    const other = exceptId ? { not: exceptId } : undefined;
    const [current, former] = await Promise.all([
      tx.article.count({ where: { slug, ...(other ? { id: other } : {}) } }),
      tx.articleSlug.count({ where: { slug, ...(other ? { articleId: other } : {}) } }),
    ]);
    return current + former > 0;
  }

  /** Keeps a replaced slug resolving to its article (and frees it from any former owner). */
  async rememberOldSlug(tx: Tx, articleId: string, slug: string): Promise<void> {
    await tx.articleSlug.upsert({ where: { slug }, create: { slug, articleId }, update: { articleId } });
  }

  /** Ids among `ids` that do not name a live (untrashed) row, per kind; empty when all exist. */
  async missingReferences(tx: Tx, content: Partial<ArticleContent>): Promise<string[]> {
    const checks: [string, string[], (ids: string[]) => Promise<{ id: string }[]>][] = [
      ['sectionId', content.sectionId ? [content.sectionId] : [], (ids) => tx.section.findMany(visible(ids))],
      ['seriesId', content.seriesId ? [content.seriesId] : [], (ids) => tx.series.findMany(visible(ids))],
      ['featuredImageId', content.featuredImageId ? [content.featuredImageId] : [], (ids) => tx.image.findMany(visible(ids))],
      ['authorIds', content.authorIds ?? [], (ids) => tx.author.findMany(visible(ids))],
      ['tagIds', content.tagIds ?? [], (ids) => tx.tag.findMany(visible(ids))],
    ];
    const missing: string[] = [];
    for (const [field, ids, find] of checks) {
      if (!ids.length) continue;
      const found = new Set((await find(ids)).map((row) => row.id));
      if (ids.some((id) => !found.has(id))) missing.push(field);
    }
    return missing;
  }

  /** Up to `limit` articles after `afterId` (by id) whose body or pending body holds embed HTML. */
  findWithEmbedHtml(afterId: string | null, limit: number): Promise<StoredBodies[]> {
    const hasEmbedHtml = '$[*] ? (@.type == "embed" && exists(@.html))';
    return this.prisma.$queryRaw<StoredBodies[]>(Prisma.sql`
      SELECT id, status, deleted_at AS "deletedAt", body, pending_changes AS "pendingChanges", updated_at AS "updatedAt"
      FROM articles
      WHERE (${afterId}::uuid IS NULL OR id > ${afterId}::uuid)
        AND (jsonb_path_exists(body, ${hasEmbedHtml}::jsonpath)
          OR jsonb_path_exists(coalesce(pending_changes -> 'body', '[]'), ${hasEmbedHtml}::jsonpath))
      ORDER BY id
      LIMIT ${limit}`);
  }

  /**
   * Writes back re-sanitised bodies, keeping updated_at: a data repair is not a content change.
   * Both are stored as given (already normalised).
   */
  async replaceStoredBodies(tx: Tx, row: StoredBodies): Promise<void> {
    await tx.article.update({
      where: { id: row.id },
      data: {
        body: row.body as unknown as Prisma.InputJsonValue,
        pendingChanges: row.pendingChanges === null ? Prisma.DbNull : (row.pendingChanges as unknown as Prisma.InputJsonValue),
        updatedAt: row.updatedAt,
      },
    });
  }

  private storedBody(content: ArticleContent) {
    return sanitizeBodyEmbeds(content.body, this.config.embeds);
  }

  /** The live content's columns, with what the public sees derived from it now (article-derivation.ts). */
  private async columns(tx: Tx, content: ArticleContent) {
    const body = this.storedBody(content);
    const columns = Object.fromEntries(COLUMN_FIELDS.map((name) => [name, content[name]]));
    return {
      ...columns,
      body: body as unknown as Prisma.InputJsonValue,
      ...deriveArticleFields({ ...content, body }, await this.dependenciesOf(tx, content), this.config),
    } as Prisma.ArticleUncheckedCreateInput;
  }

  /** What the derived fields read besides the content itself: the section's name, the body's images. */
  async dependenciesOf(tx: Tx, content: Pick<ArticleContent, 'sectionId' | 'body'>): Promise<DerivationDependencies> {
    const section = content.sectionId
      ? await tx.section.findFirst({ where: { id: content.sectionId, deletedAt: null }, select: { name: true } })
      : null;
    return { sectionName: section?.name ?? null, images: await this.bodyImages.forBodies([content.body], tx) };
  }

  // image_usages: which images the live content and the pending changes show (featured and in the
  // body), rewritten with every save; images that no longer exist (an old revision restored) are skipped.
  // `content` becomes the links of the first source; the others are only cleared.
  private async replaceImageUsage(tx: Tx, articleId: string, sources: ('live' | 'pending')[], content: ArticleContent) {
    await tx.imageUsage.deleteMany({ where: { articleId, source: { in: sources } } });
    const source = sources[0]!;
    const uses = [
      ...(content.featuredImageId ? [{ imageId: content.featuredImageId, usedAs: 'featured' }] : []),
      ...referencedImageIds(content.body).map((imageId) => ({ imageId, usedAs: 'body' })),
    ];
    if (!uses.length) return;
    const existing = await tx.image.findMany({ where: { id: { in: uses.map((use) => use.imageId) } }, select: { id: true } });
    const ids = new Set(existing.map((row) => row.id));
    const data = uses.filter((use) => ids.has(use.imageId)).map((use) => ({ ...use, articleId, source }));
    if (data.length) await tx.imageUsage.createMany({ data, skipDuplicates: true });
  }

  private async replaceLinks(tx: Tx, articleId: string, content: ArticleContent): Promise<void> {
    await tx.articleAuthor.deleteMany({ where: { articleId } });
    await tx.articleTag.deleteMany({ where: { articleId } });
    // published_at on the links is copied from the article by a trigger.
    if (content.authorIds.length) {
      await tx.articleAuthor.createMany({
        data: content.authorIds.map((authorId, position) => ({ articleId, authorId, position })),
      });
    }
    if (content.tagIds.length) {
      await tx.articleTag.createMany({ data: content.tagIds.map((tagId, position) => ({ articleId, tagId, position })) });
    }
  }
}

function visible(ids: string[]) {
  return { where: { id: { in: ids }, deletedAt: null }, select: { id: true } };
}
