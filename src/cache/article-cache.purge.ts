import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ContentEventsService, type ContentEvent, type ContentEventListener } from '../events/content-events.service.js';
import { Prisma } from '../generated/prisma/client.js';
import { CacheKeys, type ListScope } from '../common/cache-keys.js';
import { ResponseCachePurger } from './response-cache.purger.js';

type Tx = Prisma.TransactionClient;

// Which cached responses an article change makes wrong: those showing the article (article:<id>),
// and the lists it belongs to, which it may now enter or leave even where it was not on the cached
// page (a new first item, a count, hasNextPage). Memberships are read in the change's transaction:
// after the change by the event, and before it by the services that move an already-public article
// (publishing pending changes, unpublishing, purging) through purgeBeforeChange.
@Injectable()
export class ArticleCachePurge implements ContentEventListener, OnModuleInit {
  constructor(
    private readonly events: ContentEventsService,
    private readonly purger: ResponseCachePurger,
  ) {}

  onModuleInit() {
    this.events.register(this);
  }

  /** After the change: the article and the lists it is in now. */
  onContentEvent(tx: Tx, event: ContentEvent): Promise<void> {
    return this.purgeBeforeChange(tx, event.entityId);
  }

  /** For a public article about to change its lists: purges the lists it is in now. */
  async purgeBeforeChange(tx: Tx, articleId: string): Promise<void> {
    await this.purger.purgeOnCommit(tx, await this.keysOf(tx, articleId));
  }

  private async keysOf(tx: Tx, articleId: string): Promise<string[]> {
    const memberships = await tx.$queryRaw<{ scope: ListScope; slug: string }[]>(Prisma.sql`
      SELECT 'tag' AS scope, t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ${articleId}::uuid
      UNION ALL
      SELECT 'author', au.slug FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = ${articleId}::uuid
      UNION ALL
      SELECT 'section', s.slug FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.id = ${articleId}::uuid
      UNION ALL
      SELECT 'series', se.slug FROM articles a JOIN series se ON se.id = a.series_id WHERE a.id = ${articleId}::uuid`);
    return [
      CacheKeys.entity('article', articleId),
      CacheKeys.lookupsOf('article'),
      CacheKeys.allArticles,
      CacheKeys.searchResults,
      CacheKeys.relatedArticles,
      CacheKeys.sitemaps,
      ...memberships.map(({ scope, slug }) => CacheKeys.articlesOf(scope, slug)),
    ];
  }
}
