import type { Tx } from '../../database/tx.js';
import { Injectable } from '@nestjs/common';
import { groupBy } from '../../common/group-by.js';
import { referencedImageIds } from '../body/article-body.images.js';
import type { ArticleContent } from './article-content.js';

export interface ArticleLinkIds {
  authorIds: Map<string, string[]>;
  tagIds: Map<string, string[]>;
}

// The link tables an article's content is stored in besides its row: bylines (article_authors),
// tags (article_tags) and the images it shows (image_usages).
@Injectable()
export class ArticleLinksRepository {
  /** Bylines and tags of many articles, in their order, with two queries in all. */
  async linkedIds(tx: Tx, articleIds: string[]): Promise<ArticleLinkIds> {
    if (!articleIds.length) return { authorIds: new Map(), tagIds: new Map() };
    // Sequential: the embedded database serves one statement at a time anyway.
    const where = { articleId: { in: articleIds } };
    const authors = await tx.articleAuthor.findMany({ where, orderBy: { position: 'asc' } });
    const tags = await tx.articleTag.findMany({ where, orderBy: { position: 'asc' } });
    return {
      authorIds: groupBy(
        authors,
        (link) => link.articleId,
        (link) => link.authorId,
      ),
      tagIds: groupBy(
        tags,
        (link) => link.articleId,
        (link) => link.tagId,
      ),
    };
  }

  async replaceLinks(tx: Tx, articleId: string, content: ArticleContent): Promise<void> {
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

  // image_usages: which images the live content and the pending changes show (featured and in the
  // body), rewritten with every save; images that no longer exist (an old revision restored) are skipped.
  // `content` becomes the links of the first source; the others are only cleared.
  async replaceImageUsage(tx: Tx, articleId: string, sources: ('live' | 'pending')[], content: ArticleContent): Promise<void> {
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
}
