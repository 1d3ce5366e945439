import type { Connection } from './connection.js';
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
  const connection = {
    edges,
    pageInfo: {
      hasNextPage: page.direction === 'forward' ? hasMore : page.cursor !== undefined,
      hasPreviousPage: page.direction === 'backward' ? hasMore : page.cursor !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
  // A getter, so the COUNT query runs only when a client selects totalCount.
  return Object.defineProperty(connection, 'totalCount', { get: count, enumerable: true }) as Connection<Node>;
}
