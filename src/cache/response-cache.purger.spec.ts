import { payloadChunks } from './response-cache.purger.js';

// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more.
const NOTIFY_LIMIT = 8000;

const keysOf = (count: number, length: number) =>
  Array.from({ length: count }, (_, i) => `k${String(i).padStart(length - 1, '0')}`);

describe('payloadChunks', () => {
  it('sends a few keys as one notification naming the sender', () => {
    expect(payloadChunks('instance-1', ['article:1', 'tag:news'])).toEqual([
      JSON.stringify({ from: 'instance-1', keys: ['article:1', 'tag:news'] }),
    ]);
  });

  it('sends nothing when there is nothing to purge', () => {
    expect(payloadChunks('instance-1', [])).toEqual([]);
  });

  it('splits many keys into notifications under the NOTIFY limit, keeping every key once and in order', () => {
    const keys = keysOf(2000, 40);
    const chunks = payloadChunks('instance-1', keys);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(Buffer.byteLength(chunk)).toBeLessThan(NOTIFY_LIMIT);
    const parsed = chunks.map((chunk) => JSON.parse(chunk) as { from: string; keys: string[] });
    expect(parsed.every(({ from }) => from === 'instance-1')).toBe(true);
    expect(parsed.flatMap((chunk) => chunk.keys)).toEqual(keys);
  });
});
