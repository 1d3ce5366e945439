import type { Lookup, ResponseStore, StoredResponse } from './response-store.js';

interface Entry {
  response: StoredResponse;
  expiresAt: number;
  size: number;
}

// The default store: a byte-bounded LRU in this process, with a key -> entries index for purging.
// Map iteration order is insertion order, so re-inserting on a hit makes the first entry the least
// recently used one.
// It keeps no replay floor: only this process purges it, and its read router is fenced before each
// purge, so the router's own floor already covers every purge the store has seen.
export class MemoryResponseStore implements ResponseStore {
  private readonly entries = new Map<string, Entry>();
  private readonly byContentKey = new Map<string, Set<string>>();
  private bytes = 0;
  private purges = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): Promise<Lookup> {
    const generation = String(this.purges);
    const entry = this.entries.get(key);
    if (!entry) return Promise.resolve({ hit: undefined, generation });
    if (entry.expiresAt <= this.now()) {
      this.remove(key);
      return Promise.resolve({ hit: undefined, generation });
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return Promise.resolve({ hit: entry.response, generation });
  }

  set(key: string, response: StoredResponse, generation: string): Promise<boolean> {
    if (generation !== String(this.purges)) return Promise.resolve(false);
    const size = response.body.length + 512;
    if (size > this.maxBytes / 4) return Promise.resolve(false);
    this.remove(key);
    this.entries.set(key, { response, expiresAt: this.now() + this.ttlMs, size });
    this.bytes += size;
    for (const contentKey of response.keys) {
      let set = this.byContentKey.get(contentKey);
      if (!set) this.byContentKey.set(contentKey, (set = new Set()));
      set.add(key);
    }
    this.evictOverflow();
    return Promise.resolve(true);
  }

  purge(keys: readonly string[]): Promise<void> {
    this.purges += 1;
    for (const contentKey of keys) {
      const cacheKeys = this.byContentKey.get(contentKey);
      if (!cacheKeys) continue;
      for (const key of [...cacheKeys]) this.remove(key);
    }
    return Promise.resolve();
  }

  clear(): Promise<void> {
    this.purges += 1;
    this.entries.clear();
    this.byContentKey.clear();
    this.bytes = 0;
    return Promise.resolve();
  }

  close(): Promise<void> {
    return this.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private evictOverflow() {
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) return;
      this.remove(key);
    }
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
    for (const contentKey of entry.response.keys) {
      const set = this.byContentKey.get(contentKey);
      set?.delete(key);
      if (set?.size === 0) this.byContentKey.delete(contentKey);
    }
  }
}
