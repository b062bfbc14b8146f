import type { FindingCategory } from './finding.js';

/** The names users pass to --only / --skip; each maps onto one finding category. */
export const SCAN_CATEGORIES = {
  sast: 'sast',
  deps: 'dependency',
  secrets: 'secret',
  iac: 'iac',
  container: 'container',
  iam: 'iam',
  data: 'data',
  dynamic: 'dynamic',
} as const satisfies Record<string, FindingCategory>;

export type ScanCategory = keyof typeof SCAN_CATEGORIES;

export function isScanCategory(value: string): value is ScanCategory {
  return Object.hasOwn(SCAN_CATEGORIES, value);
}

/** Which categories run, given --only and --skip (both optional). */
export function selectCategories(only: ScanCategory[] | undefined, skip: ScanCategory[] | undefined): Set<ScanCategory> {
  const all = Object.keys(SCAN_CATEGORIES) as ScanCategory[];
  const chosen = only && only.length > 0 ? only : all;
  const skipped = new Set(skip ?? []);
  return new Set(chosen.filter((c) => !skipped.has(c)));
}
