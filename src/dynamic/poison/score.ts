import type { Outcome } from './classify.js';

/**
 * Credit a poisoned record earns the pipeline. Rejected and neutralised records kept the output
 * clean with a trace of why; a silent drop kept it clean but leaves nobody able to tell a filter
 * from a bug, so it earns half; propagated and crashed earn nothing.
 */
export const OUTCOME_CREDIT: Record<Outcome, number> = { rejected: 1, neutralised: 1, dropped: 0.5, propagated: 0, crashed: 0 };

/**
 * The resistance score, 0–100: the mean over every (attack, rate) cell that ran of the mean
 * credit of its poisoned records. Each cell weighs the same, so the 10% rate's many records do
 * not drown out the 0.1% rate's one, and an attack that does not apply to the sample is left out.
 */
export function resistanceScore(cells: Array<Record<Outcome, number>>): number {
  const scored = cells.map((counts) => {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return total === 0 ? undefined : Object.entries(counts).reduce((sum, [outcome, n]) => sum + OUTCOME_CREDIT[outcome as Outcome] * n, 0) / total;
  });
  const ran = scored.filter((s): s is number => s !== undefined);
  if (ran.length === 0) return 0;
  return Math.round((1000 * ran.reduce((a, b) => a + b, 0)) / ran.length) / 10;
}
