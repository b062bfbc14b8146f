import { DEFAULT_DEPS_SETTINGS, type DepsSettings } from '../../src/analyzers/deps/settings.js';
import type { AnalyzerSettings } from '../../src/core/analyzer.js';
import { assess } from '../../src/core/assess.js';
import type { AssessmentResult } from '../../src/core/assessment.js';
import { selectCategories, type ScanCategory } from '../../src/core/categories.js';
import { removeTree, tempTree } from './temp-tree.js';

export interface AssessTreeOptions {
  only?: ScanCategory[];
  deps?: Partial<DepsSettings>;
  /** Settings of the other analyzers (secrets, image), as the CLI would pass them. */
  settings?: Omit<AnalyzerSettings, 'deps'>;
  /** Whether other scanners' inline markers suppress (default true, as on the command line). */
  foreignMarkers?: boolean;
}

/**
 * Assesses the tree at `root` in this process (one thread, no cache, no history, offline unless
 * told otherwise): the whole pipeline from walk to suppressions, without the CLI around it.
 */
export function assessRoot(root: string, options: AssessTreeOptions = {}): Promise<AssessmentResult> {
  return assess({
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
    foreignMarkers: options.foreignMarkers ?? true,
    settings: { ...options.settings, deps: { ...DEFAULT_DEPS_SETTINGS, offline: true, ...options.deps } },
  });
}

/** Assesses a temporary tree holding `files`, like assessRoot. */
export async function assessTree(files: Record<string, string>, options: AssessTreeOptions = {}): Promise<AssessmentResult> {
  const root = tempTree(files);
  try {
    return await assessRoot(root, options);
  } finally {
    removeTree(root);
  }
}
