import os from 'node:os';

/** Maps `items` through `fn`, `concurrency` at a time (default: every core); results keep the input order. */
export async function inPool<T, R>(items: T[], fn: (item: T, index: number) => Promise<R>, concurrency = os.availableParallelism()): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
