import { Injectable } from '@nestjs/common';
import { ArticleQueryService } from '../../articles/article-query.service.js';
import { ResponseKeys } from '../../common/response-keys.js';
import { ROW_ID, type ProjectedRow } from '../../database/projection/projection.js';
import type { Selection } from '../../database/projection/selection.js';
import type { PartnerScope } from '../partners/partner-scope.js';
import { decodeChangeCursor, encodeChangeCursor } from './change-cursor.js';
import { ChangeFeedRepository, type ChangeRow } from './change-feed.repository.js';
import { DEFAULT_CHANGES_PAGE } from './change-feed.schema.js';

export interface ChangeEntry {
  cursor: string;
  action: string;
  entityType: string;
  /** Database id of the entity. */
  entityId: string;
  occurredAt: Date;
  /** The article as published now (in the shape asked for); null when it is gone, unpublished, or out of scope. */
  article: ProjectedRow | null;
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
    private readonly articles: ArticleQueryService,
  ) {}

  /** A page of changes after `since`, each with its article in the shape `selection` asks for. */
  async read(
    scope: PartnerScope,
    after: string | null | undefined,
    selection: Selection,
    limit = DEFAULT_CHANGES_PAGE,
    path = 'after',
  ): Promise<ChangePage> {
    const position = after ? decodeChangeCursor(after, path) : undefined;
    const rows = await this.changes.after(position, limit + 1);
    const page = rows.slice(0, limit);
    const visible = await this.articlesInScope(scope, page, selection);
    const changes = page.map((row) => toEntry(row, visible.get(row.entityId) ?? null));
    return { changes, nextCursor: changes.at(-1)?.cursor ?? after ?? null, hasMore: rows.length > limit };
  }

  private async articlesInScope(
    scope: PartnerScope,
    rows: ChangeRow[],
    selection: Selection,
  ): Promise<Map<string, ProjectedRow>> {
    const ids = [...new Set(rows.filter((row) => row.entityType === 'Article').map((row) => row.entityId))];
    if (ids.length === 0) return new Map();
    const inScope = await this.articles.findByIds(ids, selection, ResponseKeys.none, scope);
    return new Map(inScope.map((article) => [article[ROW_ID], article]));
  }
}

function toEntry(row: ChangeRow, article: ProjectedRow | null): ChangeEntry {
  return {
    cursor: encodeChangeCursor(row),
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    occurredAt: row.occurredAt,
    article,
  };
}
