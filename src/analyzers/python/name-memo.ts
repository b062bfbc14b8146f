/**
 * Memoised per-name answers over the file's bindings, which may refer to each other in cycles
 * (`q = q + " LIMIT 10"`) and, in hostile input, in exponentially branching chains.
 *
 * A name met again while its own answer is being computed gets `onCycle`, a pessimistic value.
 * Answers that leaned on such a cut of a name further up the stack are not cached, since they
 * are only partial; everything else is, so ordinary code computes each name once. A budget of
 * computations per file bounds the rest: once spent, uncached names get `onCycle`.
 */
export class NameMemo<T> {
  private readonly answers = new Map<string, T>();
  /** Names being computed, with their depth on the stack. */
  private readonly active = new Map<string, number>();
  /** Lowest stack depth a cycle cut reached during the current computation. */
  private lowest = Number.POSITIVE_INFINITY;
  private remaining: number;

  constructor(
    private readonly onCycle: T,
    budget: number,
  ) {
    this.remaining = budget;
  }

  get(name: string, compute: () => T): T {
    if (this.answers.has(name)) return this.answers.get(name) as T;
    const depth = this.active.get(name);
    if (depth !== undefined) {
      this.lowest = Math.min(this.lowest, depth);
      return this.onCycle;
    }
    if (this.remaining <= 0) return this.onCycle;
    this.remaining--;
    const own = this.active.size;
    const outerLowest = this.lowest;
    this.lowest = Number.POSITIVE_INFINITY;
    this.active.set(name, own);
    let answer: T;
    try {
      answer = compute();
    } finally {
      this.active.delete(name);
    }
    if (this.lowest >= own) this.answers.set(name, answer);
    this.lowest = Math.min(outerLowest, this.lowest);
    return answer;
  }
}

/** Enough for every name to be computed many times over; only pathological files reach it. */
export function budgetFor(names: number): number {
  return 10_000 + 50 * names;
}
