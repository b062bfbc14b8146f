import type { CallSite } from './call-site.js';
import type { PythonContext } from './python-rule.js';

/** PEP 706 filters that check nothing: members keep their ../ paths and outside links. */
const UNCHECKED_FILTERS = new Set(['fully_trusted', 'tarfile.fully_trusted_filter']);

export type FilterVerdict = 'safe' | 'unsafe' | 'missing';

/**
 * What a tar extraction's `filter=` does: `missing` when absent or None, `unsafe` for the
 * fully-trusted filter, `safe` for anything else ("data", "tar", a filter function), which is a
 * deliberate choice of check.
 */
export function extractionFilter(call: CallSite, ask: Pick<PythonContext, 'constantOf' | 'nameOf'>): FilterVerdict {
  const filter = call.keywords.get('filter');
  if (!filter) return 'missing';
  const constant = ask.constantOf(filter);
  if (constant === null) return 'missing';
  const value = constant ?? ask.nameOf(filter);
  return typeof value === 'string' && UNCHECKED_FILTERS.has(value) ? 'unsafe' : 'safe';
}
