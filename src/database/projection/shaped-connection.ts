import type { PageInfo } from '../../common/pagination/connection.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { Shape, ShapedField } from './shaped-json.js';

// A Relay connection (common/pagination/build-connection.ts) in a shaped response: the edges' text
// is written by PostgreSQL (each edge's cursor and node), the few pageInfo values by JS, in the
// response keys' order. Only what buildConnection computes from the page's rows can be written so:
// totalCount (a second statement) cannot.

const EDGE_FIELDS = new Set(['cursor', 'node']);
const PAGE_INFO_FIELDS = new Set(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor']);

/** A connection's shape: its own keys, each edge's and the node's (empty when no node is asked for). */
export interface ConnectionShape {
  readonly connection: Shape;
  readonly edge: Shape;
  readonly node: Shape;
}

const NO_FIELDS: Shape = { fields: [] };

function leavesOnly(shape: Shape | undefined, names: ReadonlySet<string>): boolean {
  return shape !== undefined && shape.fields.every((entry) => 'typename' in entry || (names.has(entry.field) && !entry.shape));
}

// Shapes live with their compiled plan: read once at planning, not again on every request.
const read = new WeakMap<Shape, ConnectionShape | null>();

/** `shape` read as a connection's, or null when it asks for anything buildConnection's rows do not give. */
export function connectionShape(shape: Shape): ConnectionShape | null {
  let connection = read.get(shape);
  if (connection === undefined) read.set(shape, (connection = readConnectionShape(shape)));
  return connection;
}

function readConnectionShape(shape: Shape): ConnectionShape | null {
  let edge: Shape = NO_FIELDS;
  let node: Shape = NO_FIELDS;
  for (const entry of shape.fields) {
    if ('typename' in entry) continue;
    if (entry.field === 'pageInfo') {
      if (!leavesOnly(entry.shape, PAGE_INFO_FIELDS)) return null;
    } else if (entry.field === 'edges' && entry.shape) {
      edge = entry.shape;
      for (const part of edge.fields) {
        if ('typename' in part) continue;
        if (!EDGE_FIELDS.has(part.field) || (part.field === 'node') !== (part.shape !== undefined)) return null;
        if (part.shape) node = part.shape;
      }
    } else {
      return null;
    }
  }
  return { connection: shape, edge, node };
}

/** One edge's JSON text, in the edge's response order, from its cursor's and node's SQL text. */
export function edgeSql(edge: Shape, cursor: Prisma.Sql, nodeJson: Prisma.Sql): Prisma.Sql {
  if (!edge.fields.length) return Prisma.sql`'{}'`;
  const parts = edge.fields.map((entry: ShapedField, index) => {
    const key = `${index === 0 ? '{' : ','}"${entry.key}":`;
    if ('typename' in entry) return Prisma.raw(`'${key}"${entry.typename}"'`);
    if (entry.field === 'cursor') return Prisma.sql`${Prisma.raw(`'${key}"'`)} || ${cursor} || '"'`;
    return Prisma.sql`${Prisma.raw(`'${key}'`)} || ${nodeJson}`;
  });
  return Prisma.sql`${Prisma.join(parts, ' || ')} || '}'`;
}

/** The connection's JSON text, from the edges' text (joined by commas) and the page's values. */
export function connectionText({ connection }: ConnectionShape, edges: string, pageInfo: PageInfo): string {
  // A base64url cursor needs no JSON escaping; JSON.stringify writes the booleans and nulls.
  const text = connection.fields.map((entry) => {
    if ('typename' in entry) return `"${entry.key}":"${entry.typename}"`;
    if (entry.field === 'edges') return `"${entry.key}":[${edges}]`;
    return `"${entry.key}":${pageInfoText(entry.shape!, pageInfo)}`;
  });
  return `{${text.join(',')}}`;
}

function pageInfoText(shape: Shape, values: PageInfo): string {
  const text = shape.fields.map((entry) => {
    if ('typename' in entry) return `"${entry.key}":"${entry.typename}"`;
    return `"${entry.key}":${JSON.stringify(values[entry.field as keyof PageInfo])}`;
  });
  return `{${text.join(',')}}`;
}
