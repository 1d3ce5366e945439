import type { Tx } from '../../database/tx.js';
import { Inject, Injectable } from '@nestjs/common';
import { ModelKeyset } from '../../common/pagination/keyset.js';
import type { PageRequest } from '../../common/pagination/page-request.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { PrismaService } from '../../database/prisma.service.js';
import { Prisma, type Article } from '../../generated/prisma/client.js';
import { sanitizeBodyEmbeds } from '../body/embed-policy.js';
import { deriveArticleFields } from '../derivation/article-derivation.js';
import { COLUMN_FIELDS, storedContentSchema, type ArticleContent } from './article-content.js';
import { ArticleLinksRepository } from './article-links.repository.js';
import { ArticleReferencesRepository } from './article-references.repository.js';

// Article rows for the admin API, and the working content read from and written to them (with their
// link tables, article-links.repository.ts). Every write takes the caller's transaction: an edit,
// its revision, its audit entry and its jobs commit together or not at all. Every body is stored
// normalised: its embed HTML sanitised by the embed policy (live and pending alike).

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
    private readonly links: ArticleLinksRepository,
    private readonly references: ArticleReferencesRepository,
  ) {}

  /** Admin lists: most recently changed first. */
  listForAdmin(where: Prisma.ArticleWhereInput, page: PageRequest): Promise<Article[]> {
    const { where: after, ...order } = ADMIN_ARTICLE_PAGES.page(page);
    return this.prisma.article.findMany({ where: { AND: [where, after] }, ...order });
  }

  countForAdmin(where: Prisma.ArticleWhereInput): Promise<number> {
    return this.prisma.article.count({ where });
  }

  /**
   * The article, locked until the transaction ends, if it is still scheduled, not trashed and due by
   * the DATABASE's clock (the clock the job queue used to decide the job was due).
   */
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
    const live = articles.filter((article) => !article.pendingChanges).map((article) => article.id);
    const { authorIds, tagIds } = await this.links.linkedIds(tx, live);
    return articles.map((article) =>
      article.pendingChanges
        ? storedContentSchema.parse(article.pendingChanges)
        : this.liveContent(article, authorIds.get(article.id) ?? [], tagIds.get(article.id) ?? []),
    );
  }

  /**
   * The working content of a row a write just returned, given the content written: what
   * workingContent would read back (its links are the ones written), without reading them.
   */
  writtenContent(article: Article, written: ArticleContent): ArticleContent {
    if (article.pendingChanges) return storedContentSchema.parse(article.pendingChanges);
    return this.liveContent(article, written.authorIds, written.tagIds);
  }

  // The column fields as stored (article-content.ts), the links as read; parsed like a snapshot.
  private liveContent(article: Article, authorIds: string[], tagIds: string[]): ArticleContent {
    const columns = Object.fromEntries(COLUMN_FIELDS.map((name) => [name, article[name]]));
    return storedContentSchema.parse({ ...columns, authorIds, tagIds });
  }

  async create(tx: Tx, content: ArticleContent, createdById: string | null): Promise<Article> {
    const article = await tx.article.create({ data: { ...(await this.columns(tx, content)), createdById } });
    await this.links.replaceLinks(tx, article.id, content);
    await this.links.replaceImageUsage(tx, article.id, ['live'], content);
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
    await this.links.replaceLinks(tx, id, content);
    // Live content replaced and pending changes dropped: the links of both are rewritten at once.
    await this.links.replaceImageUsage(tx, id, ['live', 'pending'], content);
    return article;
  }

  async writePending(tx: Tx, id: string, content: ArticleContent): Promise<Article> {
    const stored = { ...content, body: this.storedBody(content) };
    const article = await tx.article.update({
      where: { id },
      data: { pendingChanges: stored as unknown as Prisma.InputJsonValue },
    });
    await this.links.replaceImageUsage(tx, id, ['pending'], stored);
    return article;
  }

  update(tx: Tx, id: string, data: Prisma.ArticleUncheckedUpdateInput): Promise<Article> {
    return tx.article.update({ where: { id }, data });
  }

  delete(tx: Tx, id: string): Promise<Article> {
    return tx.article.delete({ where: { id } });
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

  private storedBody(content: ArticleContent) {
    return sanitizeBodyEmbeds(content.body, this.config.embeds);
  }

  /** The live content's columns, with what the public sees derived from it now (article-derivation.ts). */
  private async columns(tx: Tx, content: ArticleContent) {
    const body = this.storedBody(content);
    const columns = Object.fromEntries(COLUMN_FIELDS.map((name) => [name, content[name]]));
    const dependencies = await this.references.dependenciesOf(tx, content);
    return {
      ...columns,
      body: body as unknown as Prisma.InputJsonValue,
      ...deriveArticleFields({ ...content, body }, dependencies, this.config),
    } as Prisma.ArticleUncheckedCreateInput;
  }
}
