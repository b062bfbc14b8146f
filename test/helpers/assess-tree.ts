import { DEFAULT_DEPS_SETTINGS, type DepsSettings } from '../../src/analyzers/deps/settings.js';
import { assess } from '../../src/core/assess.js';
import type { AssessmentResult } from '../../src/core/assessment.js';
import { selectCategories, type ScanCategory } from '../../src/core/categories.js';
import { removeTree, tempTree } from './temp-tree.js';

/**
 * Assesses a temporary tree holding `files` in this process (one thread, no cache, no history):
 * the whole pipeline from walk to suppressions, without the CLI around it.
 */
export async function assessTree(
  files: Record<string, string>,
  options: { only?: ScanCategory[]; deps?: Partial<DepsSettings> } = {},
): Promise<AssessmentResult> {
  const root = tempTree(files);
  try {
    return await assess({
      root,
      categories: selectCategories(options.only, undefined),
      maxFileSize: 5_000_000,
      exclude: [],
      threads: 1,
      fileTimeoutMs: 60_000,
      cacheDir: undefined,
      historyDb: undefined,
      baselineFile: undefined,
      ignoreEntries: [],
      failOn: 'high',
      settings: { deps: { ...DEFAULT_DEPS_SETTINGS, offline: true, ...options.deps } },
    });
  } finally {
    removeTree(root);
  }
}
