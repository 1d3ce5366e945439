import { CacheKeys, type EntityKind } from '../../common/cache-keys.js';
import type { ResponseKeys } from '../../common/response-keys.js';
import { toGlobalId, type NodeType } from '../../common/global-id.js';
import { Prisma } from '../../generated/prisma/client.js';
import { Selection } from './selection.js';

// Public reads build their whole result in PostgreSQL, as the GraphQL servers that compile a query to
// one SQL statement do (PostGraphile, Hasura): an object is json_build_object over exactly the fields
// asked for, a relation a subquery of the same kind, so a page of articles with bylines, tags, section
// and image is one statement and the application maps no rows. Each feature declares how its public
// type reads (an EntityProjection); jsonObject() writes the SQL and finishRow() completes what
// PostgreSQL sent: Relay ids and the response's cache keys.

/** A column (or SQL expression) of the projected table, given the table's alias. */
export type ColumnSql = (alias: string) => Prisma.Sql;

export interface OneRelation {
  readonly kind: 'one';
  readonly target: () => EntityProjection;
  /** The column of the owning table that holds the target's id. */
  readonly foreignKey: string;
}

export interface ManyRelation {
  readonly kind: 'many';
  readonly target: () => EntityProjection;
  /** A link table: owner id, target id, position; `where` narrows the links (over the link's alias). */
  readonly link: {
    readonly table: string;
    readonly ownerColumn: string;
    readonly targetColumn: string;
    readonly orderColumn: string;
    readonly where?: (alias: string) => Prisma.Sql;
  };
}

export interface EntityProjection {
  readonly nodeType: NodeType;
  readonly table: string;
  /** Which rows the public may see; related rows that fail it read as null or drop out of lists. */
  visible(alias: string): Prisma.Sql;
  /** Field name -> SQL; the field is read only when selected (or required by a selected field). */
  readonly columns: Readonly<Record<string, ColumnSql>>;
  readonly relations?: Readonly<Record<string, OneRelation | ManyRelation>>;
  /** Fields that a selected field needs although nobody asked for them (a resolver computes from them). */
  readonly requires?: Readonly<Record<string, readonly string[]>>;
  /** Completes one object in place after parsing, for values computed from its Relay id. */
  finish?(row: Record<string, unknown>): void;
  /** Fields whose public value JS computes (finish, a resolver): a shaped read (shaped-json.ts) cannot write them... */
  readonly computedInJs?: readonly string[];
  /**
   * ...unless this configuration lets SQL write the very value JS computes: a shaped read writes these
   * (a jsonObject read still lets JS compute them, from the columns it `requires`).
   */
  readonly shapedColumns?: Readonly<Record<string, ColumnSql>>;
}

// Kept under symbols, which JSON.stringify and GraphQL both ignore: the object is the public shape as
// it stands, for a GraphQL response or a partner's JSON alike.
export const ROW_ID = Symbol('rowId');
export const NODE_TYPE = Symbol('nodeType');

/** A public object as read: GraphQL fields by name, plus its database id and type for resolvers. */
export type ProjectedRow = Record<string, unknown> & { id: string; [ROW_ID]: string; [NODE_TYPE]: NodeType };

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/i;

export function identifier(name: string): Prisma.Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  return Prisma.raw(name);
}

/** Table aliases unique within one statement. */
export class AliasCounter {
  private next = 0;

  take(): string {
    return `p${this.next++}`;
  }
}

function fieldsToRead(projection: EntityProjection, selection: Selection): Set<string> {
  const fields = new Set(selection.fields);
  for (const field of selection.fields) for (const required of projection.requires?.[field] ?? []) fields.add(required);
  fields.delete('id');
  return fields;
}

// The SQL of a selection depends only on the projection, the selection and the alias (a projection's
// parameters are fixed at start-up: site URL, language), and a public endpoint sees few distinct
// selections, one per query its clients send: each is written once, not on every request. Bounded as
// the prepared statements are: later selections are written each time, as before.
const WRITTEN_PER_PROJECTION = 256;
const written = new WeakMap<EntityProjection, Map<string, Prisma.Sql>>();

/** json_build_object(...) of one row of `projection` under `alias`, with the selected fields. */
export function jsonObject(projection: EntityProjection, selection: Selection, alias: string): Prisma.Sql {
  let known = written.get(projection);
  if (!known) written.set(projection, (known = new Map()));
  const key = `${alias} ${selection.signature}`;
  let sql = known.get(key);
  if (!sql) {
    sql = writeJsonObject(projection, selection, alias, new AliasCounter());
    if (known.size < WRITTEN_PER_PROJECTION) known.set(key, sql);
  }
  return sql;
}

function writeJsonObject(projection: EntityProjection, selection: Selection, alias: string, aliases: AliasCounter): Prisma.Sql {
  const pairs: Prisma.Sql[] = [Prisma.sql`'id', ${identifier(alias)}.id`];
  for (const field of fieldsToRead(projection, selection)) {
    const column = projection.columns[field];
    const relation = projection.relations?.[field];
    const key = Prisma.raw(`'${identifier(field).text}'`);
    if (column) pairs.push(Prisma.sql`${key}, ${column(alias)}`);
    else if (relation)
      pairs.push(Prisma.sql`${key}, ${relationSql(relation, selection.child(field) ?? Selection.EMPTY, alias, aliases)}`);
  }
  return Prisma.sql`json_build_object(${Prisma.join(pairs, ', ')})`;
}

function relationSql(
  relation: OneRelation | ManyRelation,
  selection: Selection,
  owner: string,
  aliases: AliasCounter,
): Prisma.Sql {
  const target = relation.target();
  const alias = aliases.take();
  const table = identifier(target.table);
  const t = identifier(alias);
  const object = writeJsonObject(target, selection, alias, aliases);
  if (relation.kind === 'one') {
    return Prisma.sql`(SELECT ${object} FROM ${table} ${t}
      WHERE ${t}.id = ${identifier(owner)}.${identifier(relation.foreignKey)} AND ${target.visible(alias)})`;
  }
  const linkAlias = aliases.take();
  const link = identifier(linkAlias);
  const { table: linkTable, ownerColumn, targetColumn, orderColumn, where } = relation.link;
  const narrowed = where ? Prisma.sql`AND ${where(linkAlias)}` : Prisma.empty;
  return Prisma.sql`(SELECT coalesce(json_agg(${object} ORDER BY ${link}.${identifier(orderColumn)}), '[]'::json)
    FROM ${identifier(linkTable)} ${link} JOIN ${table} ${t} ON ${t}.id = ${link}.${identifier(targetColumn)} AND ${target.visible(alias)}
    WHERE ${link}.${identifier(ownerColumn)} = ${identifier(owner)}.id ${narrowed})`;
}

export function entityKind(projection: EntityProjection): EntityKind {
  return projection.nodeType.toLowerCase() as EntityKind;
}

/**
 * Completes a parsed object and the related ones it holds, in place: the database id moves to ROW_ID,
 * id becomes the Relay id, and `keys` learns every entity shown (and, for relations, that restoring a
 * trashed related row would change the response).
 */
export function finishRow(
  projection: EntityProjection,
  selection: Selection,
  row: Record<string, unknown>,
  keys: ResponseKeys,
): ProjectedRow {
  const rowId = row.id as string;
  const finished = row as ProjectedRow;
  finished[ROW_ID] = rowId;
  finished[NODE_TYPE] = projection.nodeType;
  finished.id = toGlobalId(projection.nodeType, rowId);
  keys.add(CacheKeys.entity(entityKind(projection), rowId));
  projection.finish?.(row);
  for (const [field, child] of selection.children) {
    const relation = projection.relations?.[field];
    if (!relation) continue;
    const target = relation.target();
    keys.add(CacheKeys.linksOf(entityKind(target)));
    const value = row[field];
    if (Array.isArray(value)) for (const item of value) finishRow(target, child, item as Record<string, unknown>, keys);
    else if (value) finishRow(target, child, value as Record<string, unknown>, keys);
  }
  return finished;
}

/** Parses the JSON text of a list of projected objects and completes each. */
export function finishRows(
  projection: EntityProjection,
  selection: Selection,
  json: string | null | undefined,
  keys: ResponseKeys,
): ProjectedRow[] {
  if (!json) return [];
  return (JSON.parse(json) as Record<string, unknown>[]).map((row) => finishRow(projection, selection, row, keys));
}

/** ISO 8601 UTC with milliseconds, as Date.toISOString writes it (see the derived-fields migration). */
export function isoTime(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`newsdesk_iso_time(${column})`;
}

/** A plain column of the projected table. */
export function column(name: string): ColumnSql {
  return (alias) => Prisma.raw(`${identifier(alias).text}.${identifier(name).text}`);
}

/** A timestamp column, as an ISO string. */
export function timeColumn(name: string): ColumnSql {
  return (alias) => isoTime(column(name)(alias));
}

/** Rows of the projected table that are not in the trash. */
export function notTrashed(alias: string): Prisma.Sql {
  return Prisma.raw(`${identifier(alias).text}.deleted_at IS NULL`);
}
