import type { FileEntry } from './analyzer.js';
import { analyzeFile, type FileResult } from './analyze-file.js';
import { analyzersFor } from './analyzer-selection.js';
import type { ScanCategory } from './categories.js';
import { noteSourceAnalyzed } from './native-memory.js';

export interface WorkerTask {
  entry: FileEntry;
  categories: ScanCategory[];
}

/** Entry point of a pool thread: analyse one file. */
export default function analyzeTask(task: WorkerTask): FileResult {
  const result = analyzeFile(task.entry, analyzersFor(task.entry, new Set(task.categories)));
  noteSourceAnalyzed(task.entry.size);
  return result;
}
