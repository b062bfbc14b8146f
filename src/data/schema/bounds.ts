/**
 * Observed ranges widened by a margin into schema bounds, shared by top-level columns (from the
 * profile) and nested values (from their shapes), so both read and widen the same way.
 */

/** `minimum`/`maximum` around [min, max], widened by `margin` of the range (or of the value when all are equal). */
export function numericBounds(min: number, max: number, integer: boolean, margin: number): { minimum: number; maximum: number } {
  const slack = (max - min || Math.abs(max) || 1) * margin;
  return integer
    ? { minimum: Math.floor(min - slack), maximum: Math.ceil(max + slack) }
    : { minimum: roundOutward(min - slack, slack, Math.floor), maximum: roundOutward(max + slack, slack, Math.ceil) };
}

/** `minLength`/`maxLength` (or `minItems`/`maxItems`) around observed lengths, widened by `margin` of each. */
export function lengthBounds(min: number, max: number, margin: number): { low: number; high: number } {
  return { low: Math.max(0, Math.floor(min * (1 - margin))), high: Math.ceil(max * (1 + margin)) };
}

/**
 * A widened bound rounded away from the data at the slack's leading digit, so that it reads as a
 * person would write it (-600 rather than -599.3831299999999). The step is at most the slack, so
 * the bound stays outside the observed range.
 */
function roundOutward(bound: number, slack: number, round: (x: number) => number): number {
  if (!(slack > 0) || !Number.isFinite(bound)) return bound;
  const decimals = Math.max(0, -Math.floor(Math.log10(slack)));
  if (decimals > 15) return bound;
  const scale = 10 ** decimals;
  return Number((round(bound * scale) / scale).toFixed(decimals));
}
