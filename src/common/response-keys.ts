import type { Request } from 'express';
import { CacheKeys, type EntityKind } from './cache-keys.js';

const ATTACHED = Symbol('responseKeys');

// The content keys of one response: what it shows (see CacheKeys). Every public read takes one and
// tags what it returns, so a cacheable response knows exactly which changes make it stale; reads that
// feed no cacheable response (syndication, mail) pass ResponseKeys.none. Passed explicitly rather
// than kept in AsyncLocalStorage: on Node 20 that turns on promise hooks for the whole process, which
// measured 30% fewer uncached GraphQL requests per second.
// It also says where the response's reads may go (database/replicas/read-router.ts): a read replica
// for public responses, the primary for reads that must see the latest commit.
export class ResponseKeys {
  /** Discards everything, and reads the primary: for reads that feed no public response (syndication, mail, previews). */
  static readonly none = new ResponseKeys(false, false);
  /** Discards everything: a public read that no cache keeps (a POST, a partner's feed); a replica may serve it. */
  static readonly uncached = new ResponseKeys(false, true);
  private readonly keys = new Set<string>();

  constructor(
    private readonly collecting = true,
    /** False: every read for this response goes to the primary. */
    readonly mayReadReplica = true,
    /** The WAL position a replica must have replayed to serve it: the newest purge its cache store knew of. */
    readonly replayFloor = 0n,
  ) {}

  /** The request's collector, attached by the response cache middleware; `uncached` for other public requests. */
  static of(req: Request): ResponseKeys {
    return (req as Request & { [ATTACHED]?: ResponseKeys })[ATTACHED] ?? ResponseKeys.uncached;
  }

  static attachTo(req: Request, replayFloor = 0n): ResponseKeys {
    const keys = new ResponseKeys(true, true, replayFloor);
    (req as Request & { [ATTACHED]?: ResponseKeys })[ATTACHED] = keys;
    return keys;
  }

  /** An empty collector reading where this one reads: for a second answer to the same request, compared with the first. */
  sibling(): ResponseKeys {
    return new ResponseKeys(this.collecting, this.mayReadReplica, this.replayFloor);
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
