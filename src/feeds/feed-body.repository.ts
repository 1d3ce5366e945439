import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../common/response-keys.js';
import { Prisma } from '../generated/prisma/client.js';
import { prepared } from '../database/prepared-statements.js';
import { ReadRouter } from '../database/replicas/read-router.js';
import { bodyDigest } from '../articles/derivation/feed-body-fields.js';

// coalesce() as the article projection's bodyHtml column writes it; md5 over UTF-8 as bodyDigest() does.
const HTML = Prisma.sql`coalesce(a.body_html, '')`;
// body_xml and body_digest are derived with body_html (articles/derivation/feed-body-fields.ts) and cleared by a trigger
// when body_html changes without them; a row not re-derived since then is escaped and hashed here.
const DIGEST = Prisma.sql`coalesce(a.body_digest, md5(${HTML}))`;

/** One item's body as a feed writes it: as XML text (stored escaped, else the HTML) or as HTML. */
export interface FeedBody {
  /** The HTML; null when `xml` is set. */
  readonly html: string | null;
  /** The HTML escaped as XML text, as stored; read for RSS and Atom. */
  readonly xml: string | null;
  /** bodyDigest of the HTML: what the feed's ETag is made of. */
  readonly digest: string;
}

type BodyRow = Omit<FeedBody, 'digest'> & { id: string; digest: string | null };

// The item bodies of a full-text feed, read apart from the items' JSON: as plain text columns, the
// ~400 KB of HTML is neither JSON-escaped by PostgreSQL nor JSON-parsed here. A conditional request
// reads only the stored digest of each, so the HTML never leaves the database (nor TOAST) when the
// reader is up to date. The ids come from a visible read. By id, three fixed texts: prepared
// (database/prepared-statements.ts).
@Injectable()
export class FeedBodyRepository {
  constructor(private readonly router: ReadRouter) {}

  /** Article id -> md5 hex of the body HTML a feed shows. */
  async digests(articleIds: readonly string[], keys: ResponseKeys): Promise<Map<string, string>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.router.read(keys, (db) =>
      db.$queryRaw<{ id: string; digest: string }[]>(
        prepared(Prisma.sql`
      SELECT a.id::text AS id, ${DIGEST} AS digest
      FROM articles a WHERE a.id = ANY(${[...articleIds]}::uuid[])`),
      ),
    );
    return new Map(rows.map((row) => [row.id, row.digest]));
  }

  /** Article id -> the body a feed shows, as XML text for RSS and Atom, as HTML for JSON Feed. */
  async bodies(articleIds: readonly string[], as: 'xml' | 'html', keys: ResponseKeys): Promise<Map<string, FeedBody>> {
    if (articleIds.length === 0) return new Map();
    const ids = [...articleIds];
    const rows = await this.router.read(keys, (db) =>
      as === 'xml'
        ? db.$queryRaw<BodyRow[]>(
            prepared(Prisma.sql`
      SELECT a.id::text AS id, a.body_xml AS xml, CASE WHEN a.body_xml IS NULL THEN ${HTML} END AS html, a.body_digest AS digest
      FROM articles a WHERE a.id = ANY(${ids}::uuid[])`),
          )
        : db.$queryRaw<BodyRow[]>(
            prepared(Prisma.sql`
      SELECT a.id::text AS id, NULL::text AS xml, ${HTML} AS html, a.body_digest AS digest
      FROM articles a WHERE a.id = ANY(${ids}::uuid[])`),
          ),
    );
    // A row without its stored forms (not re-derived yet) has its HTML hashed here: md5() in the
    // statement would decompress it from TOAST a second time.
    return new Map(rows.map(({ id, html, xml, digest }) => [id, { html, xml, digest: digest ?? bodyDigest(html ?? '') }]));
  }
}
