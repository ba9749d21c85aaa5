/**
 * Seeded randomness for demo data: the same seed gives the same year, so tests, screenshots and demos are stable.
 * Not for anything secret.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Standard normal. */
  gaussian(): number;
  shuffle<T>(items: readonly T[]): T[];
  /** A well-formed version 4 UUID drawn from this generator instead of the system's entropy. */
  uuid(): string;
}

/** mulberry32: tiny, fast, and good enough for spreading demo data; returns unsigned 32-bit integers. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

export function createRandom(seed: number): Random {
  const nextUint32 = mulberry32(seed);
  const next = () => nextUint32() / 2 ** 32;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const random: Random = {
    next,
    int,
    chance: (probability) => next() < probability,
    pick(items) {
      if (items.length === 0) throw new Error('Cannot pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    weighted(entries) {
      if (entries.length === 0) throw new Error('Cannot pick from an empty list');
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let remaining = next() * total;
      for (const [item, weight] of entries) {
        remaining -= weight;
        if (remaining < 0) return item;
      }
      // Only reached through floating-point rounding of the total.
      return entries.at(-1)![0];
    },
    gaussian() {
      // Box–Muller; 1 − u keeps the logarithm away from zero.
      return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    },
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
    uuid() {
      const hex = Array.from({ length: 4 }, () => nextUint32().toString(16).padStart(8, '0')).join('');
      // Version nibble 4 and variant bits 10xx, as RFC 9562 prescribes for random UUIDs.
      const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
  return random;
}
