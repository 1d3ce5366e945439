import { Injectable } from '@nestjs/common';
import { CacheKeys, type ListScope } from '../common/cache-keys.js';
import type { Tx } from '../database/tx.js';
import type { ContentChange } from '../events/content-change.js';
import { OnContentChange } from '../events/on-content-change.decorator.js';
import { ResponseCachePurger } from './response-cache.purger.js';

// Which cached responses a change of an author, tag, section, series or image makes wrong: those
// showing it, lookups of its kind (a slug that matched nothing may match now), the article lists
// filtered by its old or new slug, and when it (re)appears, every response showing such links.
// Articles purge their own lists (articles/article-cache.subscriber.ts): only they know them.
@Injectable()
export class ContentCacheSubscriber {
  constructor(private readonly purger: ResponseCachePurger) {}

  @OnContentChange()
  async purge(tx: Tx, change: ContentChange): Promise<void> {
    if (change.entity === 'article') return;
    const kind = change.entity;
    const keys = [CacheKeys.entity(kind, change.id), CacheKeys.lookupsOf(kind)];
    if (kind !== 'image') keys.push(...(change.slugs ?? []).map((slug) => CacheKeys.articlesOf(kind as ListScope, slug)));
    if (change.action === 'published') keys.push(CacheKeys.linksOf(kind));
    // Article URLs may contain the section's slug; sitemaps list URLs without tagging sections.
    if (kind === 'section') keys.push(CacheKeys.sitemaps);
    await this.purger.purgeOnCommit(tx, keys);
  }
}
