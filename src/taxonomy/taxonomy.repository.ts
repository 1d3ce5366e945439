import type { Tx } from '../database/tx.js';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { BY_NAME } from '../common/pagination/keyset.js';

/** The columns authors, tags, sections and series share. */
export interface TaxonomyRow {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

/** Column values of a write, already validated and named as in the Prisma model. */
export type TaxonomyData = Record<string, unknown>;

export interface TaxonomyFilter {
  /** true: only the trash; false: only live rows. */
  trashed: boolean;
  /** Part of the name or slug, case-insensitive. */
  search?: string;
}

// The calls the shared code makes on a model's Prisma delegate. Prisma's own signatures are generic
// per model, so each repository casts its delegate to this narrower shape once.
export interface TaxonomyDelegate<Row> {
  findUnique(args: { where: { id: string } }): Promise<Row | null>;
  findMany(args: { where: object; orderBy: object[]; take: number }): Promise<Row[]>;
  count(args: { where: object }): Promise<number>;
  create(args: { data: TaxonomyData }): Promise<Row>;
  update(args: { where: { id: string }; data: TaxonomyData }): Promise<Row>;
  delete(args: { where: { id: string } }): Promise<Row>;
}

// Admin reads and writes of one taxonomy model, trashed rows included. Writes take the caller's
// transaction, so a change and its audit entry commit together.
@Injectable()
export abstract class TaxonomyRepository<Row extends TaxonomyRow> {
  constructor(protected readonly prisma: PrismaService) {}

  protected abstract table(db: Tx): TaxonomyDelegate<Row>;

  /** How many articles link to the row: what a purge unlinks. */
  abstract countArticleLinks(tx: Tx, id: string): Promise<number>;

  findById(id: string, db: Tx = this.prisma): Promise<Row | null> {
    return this.table(db).findUnique({ where: { id } });
  }

  /** Trashed rows keep their slug (restore brings the same URL back), so they count as taken. */
  async isSlugTaken(tx: Tx, slug: string, exceptId: string | null): Promise<boolean> {
    const where = exceptId ? { slug, id: { not: exceptId } } : { slug };
    return (await this.table(tx).count({ where })) > 0;
  }

  create(tx: Tx, data: TaxonomyData): Promise<Row> {
    return this.table(tx).create({ data });
  }

  update(tx: Tx, id: string, data: TaxonomyData): Promise<Row> {
    return this.table(tx).update({ where: { id }, data });
  }

  async delete(tx: Tx, id: string): Promise<void> {
    await this.table(tx).delete({ where: { id } });
  }

  list(filter: TaxonomyFilter, page: PageRequest): Promise<Row[]> {
    const { where, ...rest } = BY_NAME.page(page);
    return this.table(this.prisma).findMany({ where: { AND: [where, filterWhere(filter)] }, ...rest });
  }

  count(filter: TaxonomyFilter): Promise<number> {
    return this.table(this.prisma).count({ where: filterWhere(filter) });
  }
}

function filterWhere({ trashed, search }: TaxonomyFilter): object {
  const state = { deletedAt: trashed ? { not: null } : null };
  if (!search) return state;
  // Prisma passes `contains` to LIKE unescaped, so a typed % or _ would act as a wildcard.
  const pattern = search.replace(/[\\%_]/g, '\\$&');
  const contains = { contains: pattern, mode: 'insensitive' };
  return { ...state, OR: [{ name: contains }, { slug: contains }] };
}
