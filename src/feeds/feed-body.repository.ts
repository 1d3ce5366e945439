import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../common/response-keys.js';
import { ReadRouter } from '../database/replicas/read-router.js';

// What a conditional feed request reads of the item bodies: a digest each, hashed inside PostgreSQL,
// so the ~400 KB of HTML of a full-text feed never leaves the database when the reader is up to date.
// coalesce() as the article projection's bodyHtml column writes it; md5 over UTF-8 as bodyDigest() does.
@Injectable()
export class FeedBodyRepository {
  constructor(private readonly router: ReadRouter) {}

  /** Article id -> md5 hex of the body HTML a feed shows; the ids come from a visible read. */
  async digests(articleIds: readonly string[], keys: ResponseKeys): Promise<Map<string, string>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.router.read(
      keys,
      (db) => db.$queryRaw<{ id: string; digest: string }[]>`
      SELECT a.id::text AS id, md5(coalesce(a.body_html, '')) AS digest
      FROM articles a WHERE a.id = ANY(${[...articleIds]}::uuid[])`,
    );
    return new Map(rows.map((row) => [row.id, row.digest]));
  }
}
