/**
 * Change detectors over a series of standardised observations z₁…zₙ (each "in σ units": the
 * deviation from the target divided by the observation's standard error). Both return the index
 * of the first observation at which they signal, or -1.
 */

export interface DetectorRun {
  /** Statistic after each observation (CUSUM: the larger side; EWMA: |E_t| / control limit). */
  statistics: number[];
  firstAlarm: number;
}

/**
 * Which deviations count: both directions, or only increases (for a metric that is measured as a
 * lower bound, so that its decreases are not evidence of anything).
 */
export type Sides = 'both' | 'upper';

/**
 * Two-sided tabular CUSUM: S⁺ₜ = max(0, S⁺ₜ₋₁ + zₜ − k), S⁻ₜ = max(0, S⁻ₜ₋₁ − zₜ − k); it signals
 * when either (or, with sides `upper`, S⁺) exceeds h. k is half the shift (in σ) it is tuned for;
 * h sets the in-control run length.
 */
export function cusum(z: readonly number[], k: number, h: number, sides: Sides = 'both'): DetectorRun {
  let upper = 0;
  let lower = 0;
  let firstAlarm = -1;
  const statistics = z.map((x, t) => {
    upper = Math.max(0, upper + x - k);
    lower = sides === 'both' ? Math.max(0, lower - x - k) : 0;
    const s = Math.max(upper, lower);
    if (s > h && firstAlarm === -1) firstAlarm = t;
    return s;
  });
  return { statistics, firstAlarm };
}

/**
 * EWMA chart: Eₜ = λzₜ + (1 − λ)Eₜ₋₁ from E₀ = 0, signalling when |Eₜ| exceeds
 * L·√(λ/(2 − λ)·(1 − (1 − λ)^{2t})), its exact standard deviation at t for unit-variance zₜ.
 * The statistic reported is |Eₜ| (with sides `upper`: max(Eₜ, 0)) divided by that limit, so above
 * 1 means an alarm.
 */
export function ewma(z: readonly number[], lambda: number, width: number, sides: Sides = 'both'): DetectorRun {
  let e = 0;
  let firstAlarm = -1;
  const statistics = z.map((x, t) => {
    e = lambda * x + (1 - lambda) * e;
    const limit = width * Math.sqrt((lambda / (2 - lambda)) * (1 - (1 - lambda) ** (2 * (t + 1))));
    const s = (sides === 'both' ? Math.abs(e) : Math.max(e, 0)) / limit;
    if (s > 1 && firstAlarm === -1) firstAlarm = t;
    return s;
  });
  return { statistics, firstAlarm };
}
