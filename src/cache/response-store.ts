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
}

// Where cached public responses live: this process's memory (the default) or Redis (shared by all
// instances). Purging removes every entry tagged with any of the keys.
export interface ResponseStore {
  get(key: string): Promise<Lookup>;
  /** Stores unless a purge happened after `generation` was read; true when stored. */
  set(key: string, response: StoredResponse, generation: string): Promise<boolean>;
  purge(keys: readonly string[]): Promise<void>;
  /** Drops everything: after missed purge notifications nothing cached can be trusted. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

export const RESPONSE_STORE = Symbol('ResponseStore');
