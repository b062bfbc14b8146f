import { fileAnalyzers } from '../analyzers/registry.js';
import type { FileAnalyzer, FileEntry } from './analyzer.js';
import type { ScanCategory } from './categories.js';

/** The registered analyzers of the chosen categories that want this file. */
export function analyzersFor(entry: FileEntry, categories: ReadonlySet<ScanCategory>): FileAnalyzer[] {
  return fileAnalyzers.filter((a) => categories.has(a.category) && a.required(entry));
}
