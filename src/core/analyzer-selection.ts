import { fileAnalyzers, projectAnalyzers } from '../analyzers/registry.js';
import type { FileAnalyzer, FileEntry, ProjectAnalyzer } from './analyzer.js';
import type { ScanCategory } from './categories.js';

/**
 * The registered file analyzers that want this file: those of the chosen categories, and those
 * whose facts a chosen project analyzer reads (their findings are dropped if their own category
 * was not chosen).
 */
export function analyzersFor(entry: FileEntry, categories: ReadonlySet<ScanCategory>): FileAnalyzer[] {
  const factNeeded = new Set(selectedProjectAnalyzers(categories).flatMap((p) => p.usesFactsFrom));
  return fileAnalyzers.filter((a) => (categories.has(a.category) || factNeeded.has(a.name)) && a.required(entry));
}

export function selectedProjectAnalyzers(categories: ReadonlySet<ScanCategory>): ProjectAnalyzer[] {
  return projectAnalyzers.filter((p) => categories.has(p.category));
}
