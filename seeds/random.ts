// Seeded PRNG for the seed data. Math.random() would make every `db:seed` produce a different
// park map, so screenshots, tests and bug reports could never refer to "parcel XH-SM-B03-P02".
// sfc32 uses only 32-bit integer arithmetic (Math.imul, shifts), so the stream is bit-identical
// on every JS engine and CPU; the string hash lets callers derive independent streams by name.

export interface Rng {
  /** The string the stream was derived from; fork() builds on it. */
  readonly seed: string;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  /** Standard normal deviate (Box-Muller). */
  normal(): number;
  pick<T>(items: readonly T[]): T;
  /** Picks a value with probability proportional to its weight; zero weights never win. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Fisher-Yates on a copy; the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /**
   * An independent stream named `label`, derived from this stream's seed, not its position:
   * consuming more numbers here (e.g. a park with an extra zone) never changes a fork.
   */
  fork(label: string): Rng;
}

/** cyrb128: spreads any string over four 32-bit words, the state sfc32 needs. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function sfc32(seedWords: [number, number, number, number]): () => number {
  let [a, b, c, d] = seedWords;
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export function createRng(seed: number | string): Rng {
  const seedText = String(seed);
  const raw = sfc32(hash128(seedText));
  // Early sfc32 outputs still correlate with the hash words; discarding a few is the usual advice.
  for (let i = 0; i < 15; i++) raw();

  const rng: Rng = {
    seed: seedText,
    next: raw,
    float: (min, max) => min + (max - min) * raw(),
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        throw new Error(`rng.int: invalid range [${min}, ${max}]`);
      }
      return min + Math.floor(raw() * (max - min + 1));
    },
    chance: (probability) => raw() < probability,
    normal() {
      const u1 = 1 - raw(); // (0, 1]: keeps log() finite
      const u2 = raw();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    pick(items) {
      if (items.length === 0) throw new Error("rng.pick: empty array");
      return items[Math.floor(raw() * items.length)] as (typeof items)[number];
    },
    weighted(entries) {
      const total = entries.reduce((sum, [, w]) => sum + Math.max(0, w), 0);
      if (!(total > 0)) throw new Error("rng.weighted: no entry has a positive weight");
      let target = raw() * total;
      for (const [value, w] of entries) {
        if (w <= 0) continue;
        target -= w;
        if (target < 0) return value;
      }
      // Floating-point leftovers can skip past the end; the last positive entry is the right answer.
      for (let i = entries.length - 1; ; i--) {
        const entry = entries[i];
        if (entry && entry[1] > 0) return entry[0];
      }
    },
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(raw() * (i + 1));
        const tmp = out[i] as (typeof out)[number];
        out[i] = out[j] as (typeof out)[number];
        out[j] = tmp;
      }
      return out;
    },
    fork: (label) => createRng(`${seedText}/${label}`),
  };
  return rng;
}
