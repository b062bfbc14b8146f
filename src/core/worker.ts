import type { FileEntry } from './analyzer.js';
import { analyzeFile, type FileResult } from './analyze-file.js';
import { analyzersFor } from './analyzer-selection.js';
import type { ScanCategory } from './categories.js';
import { noteSourceAnalyzed } from './native-memory.js';

export type WorkerTask = { entry: FileEntry; categories: ScanCategory[] } | { warmUp: true };

/** Entry point of a pool thread: analyse one file (or just load, for a warm-up task). */
export default function analyzeTask(task: WorkerTask): FileResult | undefined {
  if ('warmUp' in task) return undefined;
  const result = analyzeFile(task.entry, analyzersFor(task.entry, new Set(task.categories)));
  noteSourceAnalyzed(task.entry.size);
  return result;
}
