import type { Connection, PageInfo } from './connection.js';
import type { PageRequest } from './page-request.js';

// Turns a keyset read of `limit + 1` rows (in the read direction) into a Relay connection.
export function buildConnection<Row, Node = Row>(
  rows: Row[],
  page: PageRequest,
  cursorOf: (row: Row) => string,
  count: () => Promise<number>,
  nodeOf: (row: Row) => Node = (row) => row as unknown as Node,
): Connection<Node> {
  const hasMore = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit);
  if (page.direction === 'backward') pageRows.reverse();
  const edges = pageRows.map((row) => ({ node: nodeOf(row), cursor: cursorOf(row) }));
  const connection = { edges, pageInfo: pageInfoOf(page, hasMore, edges[0]?.cursor ?? null, edges.at(-1)?.cursor ?? null) };
  // A getter, so the COUNT query runs only when a client selects totalCount.
  return Object.defineProperty(connection, 'totalCount', { get: count, enumerable: true }) as Connection<Node>;
}

/**
 * A page's pageInfo: `hasMore` is whether the read found a row past the page (in the read direction);
 * the other direction has rows exactly when the page started from a cursor. Also used where
 * PostgreSQL writes the edges (database/projection/shaped-connection.ts).
 */
export function pageInfoOf(page: PageRequest, hasMore: boolean, startCursor: string | null, endCursor: string | null): PageInfo {
  return {
    hasNextPage: page.direction === 'forward' ? hasMore : page.cursor !== undefined,
    hasPreviousPage: page.direction === 'backward' ? hasMore : page.cursor !== undefined,
    startCursor,
    endCursor,
  };
}
