import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../common/response-keys.js';
import { Prisma } from '../generated/prisma/client.js';
import { ReadRouter } from '../database/replicas/read-router.js';

// coalesce() as the article projection's bodyHtml column writes it; md5 over UTF-8 as bodyDigest() does.
const HTML = Prisma.sql`coalesce(a.body_html, '')`;

// The item bodies of a full-text feed, read apart from the items' JSON: as plain text columns, the
// ~400 KB of HTML is neither JSON-escaped by PostgreSQL nor JSON-parsed here. A conditional request
// reads a digest of each instead, hashed inside PostgreSQL, so the HTML never leaves the database
// when the reader is up to date. The ids come from a visible read.
@Injectable()
export class FeedBodyRepository {
  constructor(private readonly router: ReadRouter) {}

  /** Article id -> md5 hex of the body HTML a feed shows. */
  async digests(articleIds: readonly string[], keys: ResponseKeys): Promise<Map<string, string>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.router.read(
      keys,
      (db) => db.$queryRaw<{ id: string; digest: string }[]>`
      SELECT a.id::text AS id, md5(${HTML}) AS digest
      FROM articles a WHERE a.id = ANY(${[...articleIds]}::uuid[])`,
    );
    return new Map(rows.map((row) => [row.id, row.digest]));
  }

  /**
   * Article id -> the body HTML a feed shows. Its digest is taken in Node (bodyDigest): asking
   * PostgreSQL for md5() as well would decompress each body from TOAST a second time.
   */
  async bodies(articleIds: readonly string[], keys: ResponseKeys): Promise<Map<string, string>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.router.read(
      keys,
      (db) => db.$queryRaw<{ id: string; html: string }[]>`
      SELECT a.id::text AS id, ${HTML} AS html FROM articles a WHERE a.id = ANY(${[...articleIds]}::uuid[])`,
    );
    return new Map(rows.map((row) => [row.id, row.html]));
  }
}
