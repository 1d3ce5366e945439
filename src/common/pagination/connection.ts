/** A Relay connection as services return it; the GraphQL types are in graphql-types/pagination. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Lazy: reading it runs the count (see buildConnection). */
  readonly totalCount: Promise<number>;
}
