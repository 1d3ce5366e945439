import { decodeCursor, encodeCursor } from './cursor.js';
import type { PageRequest } from './connection.args.js';

// Keyset paging for alphabetical lists (tags, authors): order by (name, id), cursor = [name, id].
// Returns Prisma arguments that work for any model with `name` and `id` columns.
export function nameKeysetArgs(page: PageRequest, path: string) {
  const ascending = page.direction === 'forward';
  const op = ascending ? 'gt' : 'lt';
  const order = ascending ? ('asc' as const) : ('desc' as const);
  const after = page.cursor ? decodeCursor(page.cursor, ['string', 'string'], path) : undefined;
  const where = after
    ? { OR: [{ name: { [op]: after[0] as string } }, { name: after[0] as string, id: { [op]: after[1] as string } }] }
    : {};
  return { where, orderBy: [{ name: order }, { id: order }], take: page.limit + 1 };
}

export function nameCursor(row: { name: string; rowId: string }): string {
  return encodeCursor([row.name, row.rowId]);
}
