/** A seeded random source for the data generator: the same seed gives the same data set on every run. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** mulberry32: small, fast and good enough for synthetic data. Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)]!;
  }

  /** A log-normal weight around 1: a few units or procedures carry much more volume than the rest. */
  skewedWeight(sigma = 0.8): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }

  /** A child generator: independent streams per purpose keep the data stable when one part changes. */
  fork(salt: number): Random {
    return new Random(Math.imul(this.state ^ salt, 0x85ebca6b) ^ salt);
  }
}

/** Draws indices in proportion to fixed weights (binary search over the cumulative sums). */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const w of weights) this.cumulative.push((sum += w));
    this.total = sum;
    if (items.length === 0 || sum <= 0) throw new Error("WeightedPicker needs items with a positive total weight");
  }

  pick(random: Random): T {
    const x = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/** Zipf-like weights 1/(rank+1)^s: the first procedures of a pool carry most dossiers, as in real one-stop desks. */
export function zipfWeights(n: number, s = 1.05): number[] {
  return Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
}
