import type { Redis } from 'ioredis';
import { createRedisClient } from '../common/redis-client.js';
import type { Lookup, ResponseStore, StoredResponse } from './response-store.js';

// Stores only if no purge happened since the miss began (the generation check), and indexes the entry
// under each content key; atomic, so a purge is either before it (and it is not stored) or after it.
const STORE_SCRIPT = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], KEYS[2])
  redis.call('EXPIRE', KEYS[i], ARGV[3])
end
return 1`;

// Also raises the replay floor in the same step, so a miss that sees the new generation sees the
// floor too. Floors are 16 hex digits, compared as two 32-bit halves (Lua numbers are doubles).
const PURGE_SCRIPT = `
local function higher(a, b)
  if not b then return true end
  local ah, bh = tonumber(string.sub(a, 1, 8), 16), tonumber(string.sub(b, 1, 8), 16)
  if ah ~= bh then return ah > bh end
  return tonumber(string.sub(a, 9), 16) > tonumber(string.sub(b, 9), 16)
end
redis.call('INCR', KEYS[1])
if ARGV[1] ~= '' and higher(ARGV[1], redis.call('GET', KEYS[2])) then redis.call('SET', KEYS[2], ARGV[1]) end
for i = 3, #KEYS do
  local entries = redis.call('SMEMBERS', KEYS[i])
  for j = 1, #entries, 500 do
    redis.call('UNLINK', unpack(entries, j, math.min(j + 499, #entries)))
  end
  redis.call('UNLINK', KEYS[i])
end
return 1`;

type ScriptedRedis = Redis & {
  storeResponse(...args: (string | Buffer | number)[]): Promise<number>;
  purgeResponses(...args: (string | number)[]): Promise<number>;
};

// The shared store (REDIS_URL): every instance reads and purges the same entries, so a purge done by
// the instance that made the change is seen by all at once. Every key shares one hash tag so the
// scripts stay single-slot on a Redis Cluster.
export class RedisResponseStore implements ResponseStore {
  private readonly redis: ScriptedRedis;
  private readonly generationKey: string;
  private readonly floorKey: string;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {
    this.redis = createRedisClient(url, { maxRetriesPerRequest: 2 }) as ScriptedRedis;
    this.redis.defineCommand('storeResponse', { lua: STORE_SCRIPT });
    this.redis.defineCommand('purgeResponses', { lua: PURGE_SCRIPT });
    this.generationKey = this.name('generation');
    this.floorKey = this.name('replay-floor');
  }

  async get(key: string): Promise<Lookup> {
    const [entry, generation, floor] = await this.redis.mgetBuffer(this.entryKey(key), this.generationKey, this.floorKey);
    return {
      hit: entry ? decode(entry) : undefined,
      generation: generation?.toString() ?? '0',
      replayFloor: floor ? BigInt(`0x${floor.toString()}`) : undefined,
    };
  }

  async set(key: string, response: StoredResponse, generation: string): Promise<boolean> {
    const contentKeys = response.keys.map((contentKey) => this.name(`key:${contentKey}`));
    const keys = [this.generationKey, this.entryKey(key), ...contentKeys];
    const stored = await this.redis.storeResponse(keys.length, ...keys, generation, encode(response), this.ttlSeconds);
    return stored === 1;
  }

  async purge(keys: readonly string[], replayFloor?: bigint): Promise<void> {
    const names = [this.generationKey, this.floorKey, ...keys.map((contentKey) => this.name(`key:${contentKey}`))];
    await this.redis.purgeResponses(names.length, ...names, floorText(replayFloor));
  }

  async clear(replayFloor?: bigint): Promise<void> {
    await this.purge([], replayFloor);
    let cursor = '0';
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', `${this.name('')}*`, 'COUNT', 1000);
      const stale = found.filter((name) => name !== this.generationKey && name !== this.floorKey);
      if (stale.length) await this.redis.unlink(...stale);
      cursor = next;
    } while (cursor !== '0');
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  private entryKey(key: string): string {
    return this.name(`entry:${key}`);
  }

  private name(suffix: string): string {
    return `{${this.prefix}response-cache}:${suffix}`;
  }
}

function floorText(replayFloor: bigint | undefined): string {
  return replayFloor === undefined ? '' : replayFloor.toString(16).padStart(16, '0');
}

// One value per entry: the JSON head, a newline (JSON.stringify never emits a raw one), the body bytes.
function encode(response: StoredResponse): Buffer {
  const head = JSON.stringify({ status: response.status, headers: response.headers, keys: response.keys });
  return Buffer.concat([Buffer.from(`${head}\n`), response.body]);
}

function decode(value: Buffer): StoredResponse {
  const newline = value.indexOf(10);
  const head = JSON.parse(value.subarray(0, newline).toString()) as Omit<StoredResponse, 'body'>;
  return { ...head, body: value.subarray(newline + 1) };
}
