import type { ColumnProfile } from '../profile/types.js';

export interface CategoryCounts {
  labels: string[];
  reference: number[];
  current: number[];
}

/** Label of the bucket holding every value outside both top-value lists. */
export const OTHER = '(other)';

/**
 * Aligns two top-value lists into one table of counts. A value missing from a side's list has
 * count 0 when that list is complete (it holds every non-null value); otherwise its count is
 * unknown but at most the side's smallest listed count, and it gets that bound or an equal share
 * of the unlisted remainder, whichever is smaller. The remainder left over is the `(other)` bucket.
 */
export function alignCategories(reference: ColumnProfile, current: ColumnProfile): CategoryCounts {
  const labels = [...new Set([...reference.topValues.map((t) => t.value), ...current.topValues.map((t) => t.value)])];
  const ref = countsFor(reference, labels);
  const cur = countsFor(current, labels);
  if (ref.other > 0 || cur.other > 0) return { labels: [...labels, OTHER], reference: [...ref.counts, ref.other], current: [...cur.counts, cur.other] };
  return { labels, reference: ref.counts, current: cur.counts };
}

function countsFor(column: ColumnProfile, labels: string[]): { counts: number[]; other: number } {
  const known = new Map(column.topValues.map((t) => [t.value, t.count]));
  const nonNull = Math.max(0, column.count - column.nullCount);
  const listed = column.topValues.reduce((s, t) => s + t.count, 0);
  let remainder = Math.max(0, nonNull - listed);
  const missing = labels.filter((l) => !known.has(l)).length;
  if (remainder === 0 || missing === 0) return { counts: labels.map((l) => known.get(l) ?? 0), other: remainder };
  const smallest = Math.min(...column.topValues.map((t) => t.count));
  const estimate = Math.min(smallest, remainder / (missing + 1));
  const counts = labels.map((l) => known.get(l) ?? estimate);
  remainder -= estimate * missing;
  return { counts, other: remainder };
}
