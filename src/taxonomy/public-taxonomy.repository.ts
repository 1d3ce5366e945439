import { CacheKeys } from '../common/cache-keys.js';
import { Keyset } from '../common/pagination/keyset.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import type { ResponseKeys } from '../common/response-keys.js';
import type { ProjectionReader } from '../database/projection/projection-reader.js';
import { entityKind, ROW_ID, type EntityProjection, type ProjectedRow } from '../database/projection/projection.js';
import { Selection } from '../database/projection/selection.js';
import type { ReadRouter } from '../database/replicas/read-router.js';
import type { Tx } from '../database/tx.js';
import { Prisma } from '../generated/prisma/client.js';

const BY_NAME = new Keyset(['text', 'uuid']);
const NAME = Selection.of(['name']);

export interface NamedPage {
  rows: { node: ProjectedRow; cursor: string }[];
  count: () => Promise<number>;
}

// Public reads of authors, tags, sections and series: visible (untrashed) rows only, each read one
// statement returning the selected fields as JSON (database/projection). Lists of a kind tag the
// kind's lookups, since any new or restored row may join them.
export abstract class PublicTaxonomyRepository {
  protected constructor(
    protected readonly router: ReadRouter,
    protected readonly reader: ProjectionReader,
    protected readonly projection: EntityProjection,
  ) {}

  // Lookups by slug and by id are planned the same for any value: prepared (database/prepared-statements.ts).
  findVisibleBySlug(slug: string, selection: Selection, keys: ResponseKeys): Promise<ProjectedRow | null> {
    return this.reader.prepared.one(this.projection, selection, Prisma.sql`t.slug = ${slug}`, keys);
  }

  findVisibleByIds(ids: readonly string[], selection: Selection, keys: ResponseKeys, db?: Tx): Promise<ProjectedRow[]> {
    return this.reader.prepared.byIds(this.projection, selection, ids, keys, undefined, db);
  }

  /** One alphabetical keyset page, by (name, id). */
  async listByName(page: PageRequest, selection: Selection, keys: ResponseKeys): Promise<NamedPage> {
    const values = BY_NAME.decode(page);
    const ascending = page.direction === 'forward';
    const after = values ? BY_NAME.sqlAfter([Prisma.sql`t.name`, Prisma.sql`t.id`], values, !ascending) : Prisma.sql`true`;
    const order = ascending ? Prisma.sql`t.name ASC, t.id ASC` : Prisma.sql`t.name DESC, t.id DESC`;
    keys.add(CacheKeys.lookupsOf(entityKind(this.projection)));
    const rows = await this.reader.many(this.projection, selection.merge(NAME), after, order, keys, page.limit + 1);
    return {
      rows: rows.map((node) => ({ node, cursor: BY_NAME.encode([node.name as string, node[ROW_ID]]) })),
      count: () => this.router.read(keys, (db) => this.countVisible(db)),
    };
  }

  /** Every visible row, in display order (by name unless a kind has its own). */
  listAll(selection: Selection, keys: ResponseKeys): Promise<ProjectedRow[]> {
    keys.add(CacheKeys.lookupsOf(entityKind(this.projection)));
    return this.reader.many(this.projection, selection, Prisma.sql`true`, this.displayOrder, keys);
  }

  protected readonly displayOrder: Prisma.Sql = Prisma.sql`t.name ASC, t.id ASC`;

  protected abstract countVisible(db: Tx): Promise<number>;
}
