/** A public response as sent, ready to be replayed byte for byte. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The content keys it shows (also sent as Surrogate-Key). */
  readonly keys: readonly string[];
}

export interface Lookup {
  readonly hit: StoredResponse | undefined;
  /**
   * The purge generation seen before the miss is computed. A response computed while a purge went by
   * may show the old content, so `set` stores it only if no purge happened since.
   */
  readonly generation: string;
  /**
   * A shared store's replay floor: the primary's WAL position at the newest purge any instance
   * applied to it. With read replicas, the miss reads only from one that has replayed that far
   * (ResponseKeys.replayFloor), even before this instance hears of the purge.
   */
  readonly replayFloor?: bigint;
}

// Where cached public responses live: this process's memory (the default) or Redis (shared by all
// instances). Purging removes every entry tagged with any of the keys.
export interface ResponseStore {
  get(key: string): Promise<Lookup>;
  /** Stores unless a purge happened after `generation` was read; true when stored. */
  set(key: string, response: StoredResponse, generation: string): Promise<boolean>;
  /** `replayFloor`: the primary's WAL position fenced for this purge (database/replicas), if any. */
  purge(keys: readonly string[], replayFloor?: bigint): Promise<void>;
  /** Drops everything: after missed purge notifications nothing cached can be trusted. */
  clear(replayFloor?: bigint): Promise<void>;
  close(): Promise<void>;
}

export const RESPONSE_STORE = Symbol('ResponseStore');
