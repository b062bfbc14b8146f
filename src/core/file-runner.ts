import os from 'node:os';
import { Piscina } from 'piscina';
import type { FileEntry } from './analyzer.js';
import { analyzeFile, type FileResult } from './analyze-file.js';
import { analyzersFor } from './analyzer-selection.js';
import type { ScanCategory } from './categories.js';
import { noteSourceAnalyzed } from './native-memory.js';
import type { WorkerTask } from './worker.js';

export interface FileRunner {
  run(entry: FileEntry): Promise<FileResult>;
  close(): Promise<void>;
}

/**
 * Analyses files on a pool of worker threads (one per core by default). A file that takes
 * longer than `timeoutMs` has its thread stopped and becomes a scan error, so one pathological
 * file cannot hang the assessment.
 */
export function workerRunner(categories: ReadonlySet<ScanCategory>, threads: number, timeoutMs: number): FileRunner {
  const pool = new Piscina<WorkerTask, FileResult | undefined>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    // With atomics a worker waits for its next task without returning to the event loop, so the
    // finalizers that free native parse trees would never run (see native-memory.ts).
    atomics: 'disabled',
  });
  const categoryList = [...categories];
  // Loading the analyzers takes a moment per thread; it must not count against a file's timeout.
  const warm = Promise.all(Array.from({ length: threads }, () => pool.run({ warmUp: true })));
  return {
    async run(entry) {
      try {
        await warm;
        const result = await pool.run({ entry, categories: categoryList }, { signal: AbortSignal.timeout(timeoutMs) });
        return result!;
      } catch (err) {
        const timedOut = (err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError';
        const message = timedOut ? `analysis stopped after ${Math.round(timeoutMs / 1000)} s (file timeout)` : `analysis failed: ${(err as Error).message}`;
        return { findings: [], errors: [{ file: entry.path, message }], ignores: [], lines: 0, facts: {} };
      }
    },
    close: () => pool.destroy(),
  };
}

/** Analyses files on the calling thread: for `--jobs 1` and for embedding in tests. */
export function inlineRunner(categories: ReadonlySet<ScanCategory>): FileRunner {
  // Files go one at a time, each on a later turn of the event loop than the one before, so the
  // finalizers of native parse trees run between files (see native-memory.ts).
  let previous: Promise<unknown> = Promise.resolve();
  return {
    run(entry) {
      const next = previous.then(async () => {
        await new Promise((resolve) => setImmediate(resolve));
        const result = analyzeFile(entry, analyzersFor(entry, categories));
        noteSourceAnalyzed(entry.size);
        return result;
      });
      previous = next;
      return next;
    },
    close: async () => {},
  };
}

export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism());
}
