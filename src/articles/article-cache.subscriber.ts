import { Injectable } from '@nestjs/common';
import { ResponseCachePurger } from '../cache/response-cache.purger.js';
import { CacheKeys } from '../common/cache-keys.js';
import type { Tx } from '../database/tx.js';
import type { ContentChange, ContentRef } from '../events/content-change.js';
import { OnContentChange } from '../events/on-content-change.decorator.js';
import { ArticleRepository } from './article.repository.js';

// Which cached responses an article change makes wrong: those showing the article, and the lists it
// belongs to, which it may now enter or leave even where it was not on the cached page (a new first
// item, a count, hasNextPage). Memberships are read in the change's transaction: after the change,
// and before a change that may move a live article out of lists (DomainEvents.begin).
@Injectable()
export class ArticleCacheSubscriber {
  constructor(
    private readonly articles: ArticleRepository,
    private readonly purger: ResponseCachePurger,
  ) {}

  @OnContentChange('before')
  async beforeChange(tx: Tx, ref: ContentRef): Promise<void> {
    if (ref.entity === 'article') await this.purgeLists(tx, ref.id);
  }

  @OnContentChange()
  async afterChange(tx: Tx, change: ContentChange): Promise<void> {
    if (change.entity === 'article') await this.purgeLists(tx, change.id);
  }

  private async purgeLists(tx: Tx, articleId: string): Promise<void> {
    const memberships = await this.articles.listMemberships(tx, articleId);
    await this.purger.purgeOnCommit(tx, [
      CacheKeys.entity('article', articleId),
      CacheKeys.lookupsOf('article'),
      CacheKeys.allArticles,
      CacheKeys.searchResults,
      CacheKeys.relatedArticles,
      CacheKeys.sitemaps,
      ...memberships.map(({ scope, slug }) => CacheKeys.articlesOf(scope, slug)),
    ]);
  }
}
