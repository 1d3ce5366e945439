import { CacheKeys } from '../../common/cache-keys.js';
import { Prisma } from '../../generated/prisma/client.js';
import {
  AliasCounter,
  entityKind,
  identifier,
  type EntityProjection,
  type ManyRelation,
  type OneRelation,
} from './projection.js';

// The response's own JSON text, written by PostgreSQL: where jsonObject() builds an object that JS
// completes (finishRow), a shaped row is already what GraphQL would send: its keys are the response
// keys in response order (aliases, __typename), `id` is the Relay id, and the text has no whitespace,
// as JSON.stringify writes it (json_build_object and json_agg put spaces after colons and commas, so
// the text is concatenated by hand). A second column lists the response's cache keys in the order
// finishRow adds them: each object's entity key, then per relation its links key and the related rows'.

/**
 * One key of a shaped object: the type's name, or a field of the projection (a relation with its own
 * shape). `withArguments`: a field whose value depends on the arguments the request gives it, which no
 * projection writes; a feature that registered it writes it (a JoinedField) from the coerced arguments.
 */
export type ShapedField =
  | { readonly key: string; readonly typename: string }
  | { readonly key: string; readonly field: string; readonly shape?: Shape; readonly withArguments?: true };

/** The arguments of a request's `withArguments` fields, coerced as graphql-js coerces them, by their shape entry. */
export type FieldArguments = ReadonlyMap<ShapedField, Record<string, unknown>>;

/**
 * A field of the outermost object that its feature writes itself: a subquery over the owner's alias
 * with two text columns, `json` (the field's whole value) and `keys`. A field with a resolver of its
 * own runs after the read of its object, so its keys come after all of the object's.
 */
export interface JoinedField {
  readonly entry: ShapedField;
  readonly sql: Prisma.Sql;
}

/** The keys of one object, in response order; each key once. */
export interface Shape {
  readonly fields: readonly ShapedField[];
}

// Response keys and type names are GraphQL names, so they go into the SQL text as they are.
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Whether PostgreSQL can write every field of `shape` as GraphQL would send it (no JS computes it). */
export function canShape(projection: EntityProjection, shape: Shape): boolean {
  return shape.fields.every((entry) => {
    if (!NAME.test(entry.key)) return false;
    if ('typename' in entry) return NAME.test(entry.typename);
    if ('withArguments' in entry) return false;
    if (projection.computedInJs?.includes(entry.field))
      return projection.shapedColumns?.[entry.field] !== undefined && !entry.shape;
    if (entry.field === 'id') return !entry.shape;
    const relation = projection.relations?.[entry.field];
    if (relation) return entry.shape !== undefined && canShape(relation.target(), entry.shape);
    return projection.columns[entry.field] !== undefined && !entry.shape;
  });
}

// "<Type>:<uuid>" is ASCII (a GraphQL name and a uuid's hex), so its text is its UTF-8 bytes; up to 57
// bytes base64 writes one line, so no newline needs removing. rtrim and replace, not translate(): a
// translate() per id cost PostgreSQL ~2.3 us, five times as much, ~0.3 ms of a 20-card page's ~140 ids.
const ONE_BASE64_LINE = 57;
const UUID_TEXT = 36;

/** Relay id, as common/global-id.ts toGlobalId: base64url of "<Type>:<uuid>" without padding. */
export function relayIdSql(type: string, id: Prisma.Sql): Prisma.Sql {
  if (!NAME.test(type) || type.length + 1 + UUID_TEXT > ONE_BASE64_LINE) throw new Error(`No Relay id SQL for type ${type}`);
  return Prisma.sql`replace(replace(rtrim(encode((${Prisma.raw(`'${type}:'`)} || ${id}::text)::bytea, 'base64'), '='), '+', '-'), '/', '_')`;
}

const written = new WeakMap<Shape, Map<string, Prisma.Sql>>();

/**
 * A subquery over one row of `projection` under `alias` (an outer table), with two text columns:
 * `json`, the object in `shape`, and `keys`, its cache keys separated by spaces. Call canShape first.
 */
export function shapedRow(projection: EntityProjection, shape: Shape, alias: string): Prisma.Sql {
  let known = written.get(shape);
  if (!known) written.set(shape, (known = new Map()));
  let sql = known.get(alias);
  if (!sql) known.set(alias, (sql = writeRow(projection, shape, alias, new AliasCounter())));
  return sql;
}

/**
 * shapedRow with `joined` fields written by their feature (not kept: the caller keeps what it reuses).
 * Call canShape on the shape without the joined entries first.
 */
export function shapedRowWith(
  projection: EntityProjection,
  shape: Shape,
  alias: string,
  joined: readonly JoinedField[],
): Prisma.Sql {
  return writeRow(projection, shape, alias, new AliasCounter(), joined);
}

function writeRow(
  projection: EntityProjection,
  shape: Shape,
  alias: string,
  aliases: AliasCounter,
  ownFields: readonly JoinedField[] = [],
): Prisma.Sql {
  const a = identifier(alias);
  const json: Prisma.Sql[] = [];
  const keys: Prisma.Sql[] = [Prisma.sql`${Prisma.raw(`'${entityKind(projection)}:'`)} || ${a}.id`];
  const laterKeys: Prisma.Sql[] = [];
  const joins: Prisma.Sql[] = [];
  shape.fields.forEach((entry, index) => {
    const key = `${index === 0 ? '{' : ','}"${entry.key}":`;
    if ('typename' in entry) return json.push(Prisma.raw(`'${key}"${entry.typename}"'`));
    if (entry.field === 'id')
      return json.push(Prisma.sql`${Prisma.raw(`'${key}"'`)} || ${relayIdSql(projection.nodeType, Prisma.sql`${a}.id`)} || '"'`);
    const own = ownFields.find((field) => field.entry === entry);
    if (own) {
      const r = identifier(aliases.take());
      joins.push(Prisma.sql`LEFT JOIN LATERAL (${own.sql}) ${r} ON true`);
      laterKeys.push(Prisma.sql`${r}.keys`);
      return json.push(Prisma.sql`${Prisma.raw(`'${key}'`)} || coalesce(${r}.json, 'null')`);
    }
    const relation = projection.relations?.[entry.field];
    if (!relation) {
      const column = projection.columns[entry.field] ?? projection.shapedColumns![entry.field];
      return json.push(Prisma.sql`${Prisma.raw(`'${key}'`)} || coalesce(to_json(${column(alias)})::text, 'null')`);
    }
    const joined = aliases.take();
    const r = identifier(joined);
    joins.push(relationJoin(relation, entry.shape!, alias, joined, aliases));
    keys.push(Prisma.raw(`'${CacheKeys.linksOf(entityKind(relation.target()))}'`), Prisma.sql`${r}.keys`);
    json.push(
      relation.kind === 'many'
        ? Prisma.sql`${Prisma.raw(`'${key}['`)} || coalesce(${r}.json, '') || ']'`
        : Prisma.sql`${Prisma.raw(`'${key}'`)} || coalesce(${r}.json, 'null')`,
    );
  });
  const text = json.length ? Prisma.sql`${Prisma.join(json, ' || ')} || '}'` : Prisma.sql`'{}'`;
  const from = joins.length
    ? Prisma.sql`FROM (VALUES (1)) ${identifier(aliases.take())} ${Prisma.join(joins, ' ')}`
    : Prisma.empty;
  return Prisma.sql`SELECT ${text} AS json, concat_ws(' ', ${Prisma.join([...keys, ...laterKeys], ', ')}) AS keys ${from}`;
}

// The related rows as jsonObject's relationSql reads them (same links, order and visibility), one
// LATERAL join so that their JSON and their keys come from one evaluation.
function relationJoin(
  relation: OneRelation | ManyRelation,
  shape: Shape,
  owner: string,
  joined: string,
  aliases: AliasCounter,
): Prisma.Sql {
  const target = relation.target();
  const alias = aliases.take();
  const t = identifier(alias);
  const row = identifier(aliases.take());
  const table = identifier(target.table);
  const inner = writeRow(target, shape, alias, aliases);
  if (relation.kind === 'one') {
    return Prisma.sql`LEFT JOIN LATERAL (SELECT ${row}.json, ${row}.keys FROM ${table} ${t} CROSS JOIN LATERAL (${inner}) ${row}
      WHERE ${t}.id = ${identifier(owner)}.${identifier(relation.foreignKey)} AND ${target.visible(alias)}) ${identifier(joined)} ON true`;
  }
  const link = identifier(aliases.take());
  const { table: linkTable, ownerColumn, targetColumn, orderColumn, where } = relation.link;
  const narrowed = where ? Prisma.sql`AND ${where(link.text)}` : Prisma.empty;
  const order = Prisma.sql`ORDER BY ${link}.${identifier(orderColumn)}`;
  return Prisma.sql`LEFT JOIN LATERAL (SELECT string_agg(${row}.json, ',' ${order}) AS json, string_agg(${row}.keys, ' ' ${order}) AS keys
    FROM ${identifier(linkTable)} ${link} JOIN ${table} ${t} ON ${t}.id = ${link}.${identifier(targetColumn)} AND ${target.visible(alias)}
    CROSS JOIN LATERAL (${inner}) ${row}
    WHERE ${link}.${identifier(ownerColumn)} = ${identifier(owner)}.id ${narrowed}) ${identifier(joined)} ON true`;
}
