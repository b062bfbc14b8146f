import { createHash } from 'node:crypto';
import { seededRandom, shuffled } from '../fuzz/rng.js';

/**
 * The fuzzer's seeded generator, keyed by a hash: every (seed, attack, rate) cell draws its own
 * stream, so adding an attack or a rate never changes what the others inject.
 */
export class Rng {
  private readonly random: () => number;

  constructor(...key: Array<string | number>) {
    this.random = seededRandom(createHash('sha256').update(key.join('\u0000')).digest().readUInt32LE(0));
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** `k` distinct indices of [0, n), in ascending order (all of them when k ≥ n). */
  indices(n: number, k: number): number[] {
    return shuffled(Array.from({ length: n }, (_, i) => i), this.random)
      .slice(0, k)
      .sort((a, b) => a - b);
  }
}
