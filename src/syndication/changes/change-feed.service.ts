import { Injectable } from '@nestjs/common';
import { ArticleRepository } from '../../articles/article.repository.js';
import type { PublicArticleRow as Article } from '../../articles/article.repository.js';
import { isInPartnerScope } from '../partners/partner-scope.filter.js';
import type { PartnerScope } from '../partners/partner-scope.js';
import { decodeChangeCursor, encodeChangeCursor } from './change-cursor.js';
import { ChangeFeedRepository, type ChangeRow } from './change-feed.repository.js';
import { DEFAULT_CHANGES_PAGE } from './change-feed.schema.js';
import { ResponseKeys } from '../../cache/response-keys.js';

export interface ChangeEntry {
  cursor: string;
  action: string;
  entityType: string;
  /** Database id of the entity. */
  entityId: string;
  occurredAt: Date;
  /** The article as published now; null when it is gone, unpublished, or outside the partner's scope. */
  article: Article | null;
}

export interface ChangePage {
  changes: ChangeEntry[];
  /** Where the next read starts: the last entry's cursor, or `after` again when nothing was new. */
  nextCursor: string | null;
  hasMore: boolean;
}

// The change feed partners mirror from. Entries carry the article as it is at read time, not as it was
// at the change: replaying the feed in order and applying "article -> upsert, null -> delete" always
// converges on what is published now, even when a page mixes old and new changes of one article.
//
// Scope: an article outside the partner's scope is sent as a tombstone (article: null), not skipped.
// Skipping would leave a partner's copy of an article that moved out of its sections or tags stale
// for ever; the price is tombstones for articles the partner never had, which it ignores.
@Injectable()
export class ChangeFeedService {
  constructor(
    private readonly changes: ChangeFeedRepository,
    private readonly articles: ArticleRepository,
  ) {}

  async read(
    scope: PartnerScope,
    after: string | null | undefined,
    limit = DEFAULT_CHANGES_PAGE,
    path = 'after',
  ): Promise<ChangePage> {
    const position = after ? decodeChangeCursor(after, path) : undefined;
    const rows = await this.changes.after(position, limit + 1);
    const page = rows.slice(0, limit);
    const visible = await this.articlesInScope(scope, page);
    const changes = page.map((row) => toEntry(row, visible.get(row.entityId) ?? null));
    return { changes, nextCursor: changes.at(-1)?.cursor ?? after ?? null, hasMore: rows.length > limit };
  }

  private async articlesInScope(scope: PartnerScope, rows: ChangeRow[]): Promise<Map<string, Article>> {
    const ids = [...new Set(rows.filter((row) => row.entityType === 'Article').map((row) => row.entityId))];
    if (ids.length === 0) return new Map();
    const published = await this.articles.findPublishedByIds(ids, ResponseKeys.none);
    const tagIds = await this.changes.tagIdsOf(published.map((article) => article.id));
    const inScope = published.filter((article) =>
      isInPartnerScope(scope, { sectionId: article.sectionId, tagIds: tagIds.get(article.id) ?? [] }),
    );
    return new Map(inScope.map((article) => [article.id, article]));
  }
}

function toEntry(row: ChangeRow, article: Article | null): ChangeEntry {
  return {
    cursor: encodeChangeCursor(row),
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    occurredAt: row.occurredAt,
    article,
  };
}
