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
 * V8 sizes a thread's heap for throughput and grows it lazily; an analysis thread keeps little
 * between files (each file's syntax tree is garbage once analysed), so smaller generations cut
 * its resident memory by about a third for about a tenth more CPU. The old generation still
 * holds the syntax tree of a Python file at the default 5 MB size limit; a file that needs
 * more stops its thread and becomes a scan error, like a timeout.
 */
const WORKER_HEAP_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 };

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
    resourceLimits: WORKER_HEAP_LIMITS,
  });
  const categoryList = [...categories];
  // Loading the analyzers takes a moment per thread; it must not count against a file's timeout.
  const warm = Promise.all(Array.from({ length: threads }, () => pool.run({ warmUp: true })));
  // A file's timeout runs from when a thread takes it up, not while it waits in the queue behind
  // others: so no more files are handed to the pool than it has threads.
  const slots = new Slots(threads);
  return {
    async run(entry) {
      await slots.acquire();
      try {
        await warm;
        const result = await pool.run({ entry, categories: categoryList }, { signal: AbortSignal.timeout(timeoutMs) });
        return result!;
      } catch (err) {
        const timedOut = (err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError';
        const message = timedOut ? `analysis stopped after ${Math.round(timeoutMs / 1000)} s (file timeout)` : `analysis failed: ${(err as Error).message}`;
        return { findings: [], errors: [{ file: entry.path, message }], ignores: [], lines: 0, facts: {} };
      } finally {
        slots.release();
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

/** A counting semaphore: at most `free` holders at a time, the rest served in arrival order. */
class Slots {
  private readonly waiting: Array<() => void> = [];

  constructor(private free: number) {}

  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
