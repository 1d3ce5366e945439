import { MemoryResponseStore } from './memory-response-store.js';

const response = (keys: string[], bytes = 10) => ({ status: 200, headers: {}, body: Buffer.alloc(bytes), keys });

describe('MemoryResponseStore', () => {
  it('refuses an answer computed while a purge went by', async () => {
    const store = new MemoryResponseStore(1_000_000, 60_000);
    const { generation } = await store.get('k');
    await store.purge(['anything']);
    expect(await store.set('k', response(['article:1']), generation)).toBe(false);
    expect((await store.get('k')).hit).toBeUndefined();
  });

  it('purges exactly the entries carrying a purged key', async () => {
    const store = new MemoryResponseStore(1_000_000, 60_000);
    const { generation } = await store.get('a');
    await store.set('a', response(['article:1', 'articles']), generation);
    await store.set('b', response(['article:2']), generation);
    await store.set('c', response(['articles']), generation);
    await store.purge(['articles']);
    expect((await store.get('a')).hit).toBeUndefined();
    expect((await store.get('c')).hit).toBeUndefined();
    expect((await store.get('b')).hit).toBeDefined();
  });

  it('evicts the least recently used entries beyond its size and expires old ones', async () => {
    let now = 0;
    // Room for four entries of 100 bytes (plus 512 of overhead each).
    const store = new MemoryResponseStore(4 * (100 + 512), 60_000, () => now);
    const { generation } = await store.get('x');
    for (const key of ['a', 'b', 'c', 'd']) await store.set(key, response([key], 100), generation);
    await store.get('a');
    await store.set('e', response(['e'], 100), generation);
    expect((await store.get('b')).hit).toBeUndefined();
    expect((await store.get('a')).hit).toBeDefined();
    now = 60_001;
    expect((await store.get('a')).hit).toBeUndefined();
    expect(store.size).toBe(3);
  });
});
