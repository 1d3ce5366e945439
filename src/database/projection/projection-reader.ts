import { Injectable } from '@nestjs/common';
import { CacheKeys } from '../../common/cache-keys.js';
import type { ResponseKeys } from '../../common/response-keys.js';
import { Prisma } from '../../generated/prisma/client.js';
import { literalLimit, prepared } from '../prepared-statements.js';
import { ReadRouter } from '../replicas/read-router.js';
import type { Tx } from '../tx.js';
import { entityKind, finishRow, finishRows, jsonObject, ROW_ID, type EntityProjection, type ProjectedRow } from './projection.js';
import type { Selection } from './selection.js';

// Runs projected reads: one statement each, whose single text column is the JSON PostgreSQL built.
// Text and one JSON.parse, rather than a json column per row, measured cheapest through Prisma.
// Without `db`, the read router picks the server from `keys` (a replica for public responses);
// a caller in a transaction passes it as `db` and reads its own writes.
// `prepared` is the same reader marking every statement it runs as worth preparing
// (database/prepared-statements.ts): for reads whose plan suits any parameter, never search.
@Injectable()
export class ProjectionReader {
  private mark: (sql: Prisma.Sql) => Prisma.Sql = (sql) => sql;
  private preparing?: ProjectionReader;

  constructor(private readonly router: ReadRouter) {}

  /** This reader, naming (preparing) its statements: a repository's explicit choice per read. */
  get prepared(): ProjectionReader {
    if (!this.preparing) {
      this.preparing = new ProjectionReader(this.router);
      this.preparing.mark = prepared;
      this.preparing.preparing = this.preparing;
    }
    return this.preparing;
  }

  /** Any public read: statements for public responses all go through here (one place to route them). */
  query<T>(keys: ResponseKeys, sql: Prisma.Sql, db?: Tx): Promise<T[]> {
    return this.run(keys, db, (client) => client.$queryRaw<T[]>(this.mark(sql)));
  }

  /**
   * The first visible row matching `where` (over alias `t`) in `orderBy`, or null; a lookup that finds
   * nothing tags the kind's lookups, since such a row may be created or restored later.
   */
  async one(
    projection: EntityProjection,
    selection: Selection,
    where: Prisma.Sql,
    keys: ResponseKeys,
    orderBy: Prisma.Sql = Prisma.empty,
    db?: Tx,
  ): Promise<ProjectedRow | null> {
    const table = Prisma.raw(projection.table);
    const [row] = await this.run(keys, db, (client) =>
      client.$queryRaw<{ json: string }[]>(
        this.mark(Prisma.sql`
      SELECT ${jsonObject(projection, selection, 't')}::text AS json FROM ${table} t
      WHERE ${projection.visible('t')} AND ${where} ${orderBy} LIMIT 1`),
      ),
    );
    if (row) return finishRow(projection, selection, JSON.parse(row.json) as Record<string, unknown>, keys);
    keys.add(CacheKeys.lookupsOf(entityKind(projection)));
    return null;
  }

  /**
   * one() as the JSON text GraphQL sends: `row` is a shaped row over alias `t` (shaped-json.ts, columns
   * `json` and `keys`), evaluated for the one row found; 'null' when none, tagging keys as one() does.
   */
  async oneText(
    projection: EntityProjection,
    row: Prisma.Sql,
    where: Prisma.Sql,
    keys: ResponseKeys,
    orderBy: Prisma.Sql = Prisma.empty,
  ): Promise<string> {
    const table = Prisma.raw(projection.table);
    const [found] = await this.query<{ json: string; keys: string }>(
      keys,
      Prisma.sql`
      SELECT o.json, o.keys FROM (SELECT t.id FROM ${table} t WHERE ${projection.visible('t')} AND ${where} ${orderBy} LIMIT 1) k
      JOIN ${table} t ON t.id = k.id CROSS JOIN LATERAL (${row}) o`,
    );
    if (!found) {
      keys.add(CacheKeys.lookupsOf(entityKind(projection)));
      return 'null';
    }
    keys.add(...found.keys.split(' '));
    return found.json;
  }

  /** Visible rows matching `where` (over alias `t`), ordered by `orderBy` (over `t`), at most `limit`. */
  async many(
    projection: EntityProjection,
    selection: Selection,
    where: Prisma.Sql,
    orderBy: Prisma.Sql,
    keys: ResponseKeys,
    limit?: number,
    db?: Tx,
  ): Promise<ProjectedRow[]> {
    const table = Prisma.raw(projection.table);
    const take = limit === undefined ? Prisma.empty : literalLimit(limit);
    const [row] = await this.run(keys, db, (client) =>
      client.$queryRaw<{ json: string | null }[]>(
        this.mark(Prisma.sql`
      SELECT json_agg(${jsonObject(projection, selection, 't')} ORDER BY o.ord)::text AS json
      FROM (SELECT t.id, row_number() OVER (ORDER BY ${orderBy}) AS ord FROM ${table} t
            WHERE ${projection.visible('t')} AND ${where} ORDER BY ${orderBy} ${take}) o
      JOIN ${table} t ON t.id = o.id`),
      ),
    );
    return finishRows(projection, selection, row?.json, keys);
  }

  /** Visible rows by id, in the order of `ids`; every id asked for tags `keys` (a missing one may appear later). */
  async byIds(
    projection: EntityProjection,
    selection: Selection,
    ids: readonly string[],
    keys: ResponseKeys,
    where: Prisma.Sql = Prisma.sql`true`,
    db?: Tx,
  ): Promise<ProjectedRow[]> {
    if (ids.length === 0) return [];
    const table = Prisma.raw(projection.table);
    const [row] = await this.run(keys, db, (client) =>
      client.$queryRaw<{ json: string | null }[]>(
        this.mark(Prisma.sql`
      SELECT json_agg(${jsonObject(projection, selection, 't')})::text AS json FROM ${table} t
      WHERE t.id = ANY(${[...ids]}::uuid[]) AND ${projection.visible('t')} AND ${where}`),
      ),
    );
    const found = new Map(finishRows(projection, selection, row?.json, keys).map((item) => [item[ROW_ID], item]));
    return keys.requested(
      entityKind(projection),
      ids,
      ids.flatMap((id) => found.get(id) ?? []),
    );
  }

  private run<T>(keys: ResponseKeys, db: Tx | undefined, work: (db: Tx) => Promise<T>): Promise<T> {
    return db ? work(db) : this.router.read(keys, work);
  }
}
