/** A source of numbers in [0, 1), like Math.random; tests pass a seeded one for repeatable data. */
export type Random = () => number;

export const DAY_MS = 24 * 60 * 60 * 1000;

/** An integer in [min, max], both ends included. */
export const pickInt = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

/** A number in [min, max). */
export const pickFloat = (random: Random, min: number, max: number): number => min + random() * (max - min);

export const pickOne = <T>(random: Random, items: readonly T[]): T => {
  if (items.length === 0) throw new RangeError('cannot pick from an empty list');
  return items[Math.floor(random() * items.length)]!;
};

/** A key of `weights`, each as likely as its weight says. */
export const pickWeighted = <K extends string>(random: Random, weights: Readonly<Record<K, number>>): K => {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return entries[entries.length - 1]![0];
};

/** True with probability `p`. */
export const flipCoin = (random: Random, p: number): boolean => random() < p;

/** `count` distinct indexes below `size`, skewed towards the low ones (a catalogue's bestsellers). */
export const pickSkewedIndexes = (random: Random, size: number, count: number): number[] => {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, size)) picked.add(Math.floor(size * random() ** 1.6));
  return [...picked];
};

export const subtractDays = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);

export const pickDateBetween = (random: Random, from: Date, to: Date): Date =>
  new Date(from.getTime() + random() * Math.max(0, to.getTime() - from.getTime()));

/** A small, fast, seedable generator (mulberry32) for repeatable demo data. */
export const createSeededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
