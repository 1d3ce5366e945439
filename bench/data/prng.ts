// Seeded randomness for the benchmark dataset. Every value (ids included) comes from here, so the
// same --articles and --seed always produce byte-identical data.

/** Mixes any number of 32-bit inputs into one seed (murmur3 finaliser), so sub-streams do not overlap. */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35);
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h >>> 0;
}

/** A seed for a named stream ("authors", "tags"...), independent of the others. */
export function streamSeed(seed: number, name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return mixSeed(seed, h >>> 0);
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: tiny, fast and good enough for synthetic data. */
  uint32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** In [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * A version-7 UUID for a row created at `ms`: time-ordered like the ids the app generates (Prisma's
   * uuid(7)), so primary-key index locality matches production, but with seeded instead of random bits.
   */
  uuidV7(ms: number): string {
    const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');
    const high = Math.floor(ms / 2 ** 16);
    const low = ms % 2 ** 16;
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const version = 0x7000 | (a & 0x0fff);
    const variant = 0x8000 | ((a >>> 12) & 0x3fff);
    return `${hex(high, 8)}-${hex(low, 4)}-${hex(version, 4)}-${hex(variant, 4)}-${hex(b & 0xffff, 4)}${hex(c, 8)}`;
  }
}

/**
 * Draws indexes 0..n-1 with Zipf-like popularity (weight 1/(rank+1)^exponent): a few tags, authors
 * and words are very common and the long tail is rare, as in a real archive. A precomputed quantile
 * table makes each draw O(1), which matters at a hundred million words.
 */
export class ZipfSampler {
  private readonly table: Uint16Array | Uint32Array;
  private readonly shift: number;

  constructor(
    readonly size: number,
    exponent: number,
    tableBits = 20,
  ) {
    const weights = Array.from({ length: size }, (_, rank) => 1 / (rank + 1) ** exponent);
    this.table = quantileTable(weights, tableBits);
    this.shift = 32 - tableBits;
  }

  sample(rng: Rng): number {
    return this.table[rng.uint32() >>> this.shift];
  }
}

/** Draws indexes with arbitrary fixed weights (sections, article types). */
export class WeightedSampler {
  private readonly table: Uint16Array | Uint32Array;

  constructor(weights: readonly number[]) {
    this.table = quantileTable(weights, 16);
  }

  sample(rng: Rng): number {
    return this.table[rng.uint32() >>> 16];
  }
}

function quantileTable(weights: readonly number[], bits: number): Uint16Array | Uint32Array {
  const slots = 2 ** bits;
  const table = weights.length <= 0xffff ? new Uint16Array(slots) : new Uint32Array(slots);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let index = 0;
  let cumulative = weights[0] / total;
  for (let slot = 0; slot < slots; slot++) {
    const quantile = (slot + 0.5) / slots;
    while (quantile > cumulative && index < weights.length - 1) cumulative += weights[++index] / total;
    table[slot] = index;
  }
  return table;
}
