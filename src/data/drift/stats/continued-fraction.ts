/** Convergence settings shared by the series and continued fractions of the special functions. */
export const EPS = 1e-15;
export const MAX_ITERATIONS = 10_000;
const TINY = 1e-300;

/**
 * The modified Lentz algorithm's running state for a continued fraction b₀ + a₁/(b₁ + a₂/(b₂ + …)):
 * `step(a, b)` takes in the next partial numerator and denominator and returns the factor the
 * running value is multiplied by (converged once it is 1 within EPS). Starting values follow the
 * fraction's first term.
 */
export class Lentz {
  constructor(
    private c: number,
    private d: number,
  ) {}

  step(a: number, b: number): number {
    this.d = nonZero(b + a * this.d);
    this.c = nonZero(b + a / this.c);
    this.d = 1 / this.d;
    return this.d * this.c;
  }
}

/** Lentz's guard: a zero denominator is nudged to a tiny value instead of dividing by zero. */
export function nonZero(x: number): number {
  return Math.abs(x) < TINY ? TINY : x;
}
