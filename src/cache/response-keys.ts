import { AsyncLocalStorage } from 'node:async_hooks';
import { CacheKeys, type EntityKind } from './cache-keys.js';

// Collects the content keys of the response being built, wherever the content is read (repositories
// tag what they return). Request-scoped through AsyncLocalStorage, because the reads happen deep in
// resolvers and DataLoader batches that share no parameter with the HTTP layer. Outside a cacheable
// request (admin API, jobs) there is no collector and tagging costs nothing.
const collector = new AsyncLocalStorage<Set<string>>();

/** Runs `work` with a fresh key set that every read in its async call tree adds to. */
export function runCollectingKeys<T>(work: (keys: ReadonlySet<string>) => T): T {
  const keys = new Set<string>();
  return collector.run(keys, () => work(keys));
}

/** Tags the current response with content keys (see CacheKeys); a no-op outside a collected request. */
export function tagResponse(...keys: string[]): void {
  const set = collector.getStore();
  if (set) for (const key of keys) set.add(key);
}

/** The keys collected so far for the current request, if it is collected. */
export function currentResponseKeys(): ReadonlySet<string> | undefined {
  return collector.getStore();
}

/** Tags the response with a row found by a lookup, or with the kind's lookups when nothing matched. */
export function tagLookup<Row extends { id: string }>(kind: EntityKind, row: Row | null): Row | null {
  tagResponse(row ? CacheKeys.entity(kind, row.id) : CacheKeys.lookupsOf(kind));
  return row;
}

/** Tags the response with every id asked for: a missing one may be published or restored later. */
export function tagRequested<Row>(kind: EntityKind, ids: readonly string[], rows: Row[]): Row[] {
  for (const id of ids) tagResponse(CacheKeys.entity(kind, id));
  return rows;
}

/** Tags a listing of a kind (all tags, a page of authors): any new or restored row can join it. */
export function tagListing<Row extends { id: string }>(kind: EntityKind, rows: Row[]): Row[] {
  tagResponse(CacheKeys.lookupsOf(kind));
  for (const row of rows) tagResponse(CacheKeys.entity(kind, row.id));
  return rows;
}

/** Tags the rows linked to articles (bylines, tags); restoring a trashed one makes it reappear. */
export function tagLinked<Row extends { id: string }>(kind: EntityKind, groups: Map<string, Row[]>): Map<string, Row[]> {
  tagResponse(CacheKeys.linksOf(kind));
  for (const rows of groups.values()) for (const row of rows) tagResponse(CacheKeys.entity(kind, row.id));
  return groups;
}
