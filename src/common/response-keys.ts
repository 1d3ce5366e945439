import type { Request } from 'express';
import { CacheKeys, type EntityKind } from './cache-keys.js';

const ATTACHED = Symbol('responseKeys');

// The content keys of one response: what it shows (see CacheKeys). Every public read takes one and
// tags what it returns, so a cacheable response knows exactly which changes make it stale; reads that
// feed no cacheable response (syndication, mail) pass ResponseKeys.none. Passed explicitly rather
// than kept in AsyncLocalStorage: on Node 20 that turns on promise hooks for the whole process, which
// measured 30% fewer uncached GraphQL requests per second.
export class ResponseKeys {
  /** Discards everything: for reads whose result is not a cacheable public response. */
  static readonly none = new ResponseKeys(false);
  private readonly keys = new Set<string>();

  constructor(private readonly collecting = true) {}

  /** The request's collector, attached by the response cache middleware; none for other requests. */
  static of(req: Request): ResponseKeys {
    return (req as Request & { [ATTACHED]?: ResponseKeys })[ATTACHED] ?? ResponseKeys.none;
  }

  static attachTo(req: Request): ResponseKeys {
    const keys = new ResponseKeys();
    (req as Request & { [ATTACHED]?: ResponseKeys })[ATTACHED] = keys;
    return keys;
  }

  add(...keys: string[]): void {
    if (this.collecting) for (const key of keys) this.keys.add(key);
  }

  /** A row found by a lookup, or the kind's lookups when nothing matched (it may be created later). */
  lookup<Row extends { id: string }>(kind: EntityKind, row: Row | null): Row | null {
    this.add(row ? CacheKeys.entity(kind, row.id) : CacheKeys.lookupsOf(kind));
    return row;
  }

  /** Every id asked for: a missing one may be published or restored later. */
  requested<Row>(kind: EntityKind, ids: readonly string[], rows: Row[]): Row[] {
    for (const id of ids) this.add(CacheKeys.entity(kind, id));
    return rows;
  }

  /** A listing of a kind (all tags, a page of authors): any new or restored row can join it. */
  listing<Row extends { id: string }>(kind: EntityKind, rows: Row[]): Row[] {
    this.add(CacheKeys.lookupsOf(kind));
    for (const row of rows) this.add(CacheKeys.entity(kind, row.id));
    return rows;
  }

  /** Rows linked to articles (bylines, tags): restoring a trashed one makes it reappear. */
  linked<Row extends { id: string }>(kind: EntityKind, groups: Map<string, Row[]>): Map<string, Row[]> {
    this.add(CacheKeys.linksOf(kind));
    for (const rows of groups.values()) for (const row of rows) this.add(CacheKeys.entity(kind, row.id));
    return groups;
  }

  get size(): number {
    return this.keys.size;
  }

  values(): string[] {
    return [...this.keys];
  }
}
