export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** One page of a keyset-paged list, as every connection (public and admin) asks for it. */
export interface PageRequest {
  /** backward = `last`/`before`: read in reverse order from the cursor, then flip. */
  readonly direction: 'forward' | 'backward';
  readonly limit: number;
  readonly cursor: string | undefined;
}

/** The first `limit` items, no cursor. */
export function firstPage(limit: number): PageRequest {
  return { direction: 'forward', limit, cursor: undefined };
}
