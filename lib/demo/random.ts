// Seeded pseudo-random numbers for the demo data: the same seed always gives the same province
// (docs/architecture.md, Conventions: no Math.random, no Date.now, no unseeded faker).

export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  pickWeighted<T>(items: readonly (readonly [T, number])[]): T;
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** An independent stream, so adding draws in one part of the data leaves the others unchanged. */
  fork(label: string): Random;
};

function hashLabel(label: string): number {
  let hash = 2166136261;
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 16777619);
  return hash >>> 0;
}

export function createRandom(seed: number): Random {
  // mulberry32: small, fast and good enough for synthetic data.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const shuffle = <T>(items: readonly T[]) => {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    pickWeighted: (items) => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return items[items.length - 1][0];
    },
    shuffle,
    sample: (items, count) => shuffle(items).slice(0, count),
    fork: (label) => createRandom((seed ^ hashLabel(label)) >>> 0),
  };
}

/**
 * Moves the values one unit at a time, each within [min, max], until they add up to `total`: random
 * figures per unit whose sum reproduces a published total exactly.
 */
export function adjustToTotal(random: Random, values: number[], total: number, min: number[] | number, max: number[] | number): number[] {
  const result = values.slice();
  const lower = (i: number) => (typeof min === 'number' ? min : min[i]);
  const upper = (i: number) => (typeof max === 'number' ? max : max[i]);
  for (let i = 0; i < result.length; i++) result[i] = Math.min(upper(i), Math.max(lower(i), result[i]));
  let gap = total - result.reduce((sum, v) => sum + v, 0);
  while (gap !== 0) {
    const step = gap > 0 ? 1 : -1;
    const movable = result.map((_, i) => i).filter((i) => (step > 0 ? result[i] < upper(i) : result[i] > lower(i)));
    if (movable.length === 0) throw new Error(`adjustToTotal: cannot reach ${total} within the bounds`);
    const i = movable[Math.floor(random.next() * movable.length)];
    result[i] += step;
    gap -= step;
  }
  return result;
}
