/**
 * How a memo treats a name met again while its own answer is being computed
 * (`q = q + " LIMIT 10"`, or `a = b` and `b = a`).
 */
export interface CycleHandling<T> {
  /** What the name stands for meanwhile. */
  guess: T;
  /**
   * When answers are ordered and computed monotonically from their parts, the guess can be the
   * bottom of the order: the computation is then repeated, each time guessing its previous
   * answer, until the answer stops changing. Otherwise the guess must be a final, pessimistic
   * answer.
   */
  iterate: boolean;
  /** The answer when a computation cannot be finished: out of budget, or not converging. */
  giveUp: T;
}

interface Frame<T> {
  depth: number;
  guess: T;
  revisited: boolean;
}

const MAX_ROUNDS = 4;

/**
 * Memoised answers about names (keyed by the bindings a read sees), which may refer to each
 * other in cycles and, in hostile input, in exponentially branching chains. Answers that leaned on a guess for
 * a name further up the stack are partial and not cached; everything else is, so ordinary code
 * computes each name once. A budget of computations per file bounds the rest.
 */
export class NameMemo<T> {
  private readonly answers = new Map<string, T>();
  private readonly active = new Map<string, Frame<T>>();
  /** Lowest stack depth whose guess the current computation used. */
  private lowest = Number.POSITIVE_INFINITY;
  private remaining: number;

  constructor(
    private readonly cycles: CycleHandling<T>,
    budget: number,
  ) {
    this.remaining = budget;
  }

  get(name: string, compute: () => T): T {
    if (this.answers.has(name)) return this.answers.get(name) as T;
    const open = this.active.get(name);
    if (open) {
      this.lowest = Math.min(this.lowest, open.depth);
      open.revisited = true;
      return open.guess;
    }
    const frame: Frame<T> = { depth: this.active.size, guess: this.cycles.guess, revisited: false };
    const outerLowest = this.lowest;
    this.active.set(name, frame);
    let answer = this.cycles.giveUp;
    try {
      for (let round = 0; round < MAX_ROUNDS && this.remaining > 0; round++) {
        this.remaining--;
        this.lowest = Number.POSITIVE_INFINITY;
        frame.revisited = false;
        answer = compute();
        if (!this.cycles.iterate || !frame.revisited || answer === frame.guess) break;
        frame.guess = answer;
        answer = this.cycles.giveUp;
      }
    } finally {
      this.active.delete(name);
    }
    if (this.lowest >= frame.depth) this.answers.set(name, answer);
    this.lowest = Math.min(outerLowest, this.lowest);
    return answer;
  }
}

/** Enough for every name to be computed many times over; only pathological files reach it. */
export function budgetFor(names: number): number {
  return 10_000 + 50 * names;
}
