import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Native parsers allocate syntax trees outside the V8 heap, and the tree-sitter binding does not
 * report them, so V8 sees no pressure and may never collect: a long assessment would grow to
 * gigabytes. After every few megabytes of source we force a collection; the trees' finalizers
 * then run on the next turn of the event loop.
 */
const SOURCE_BYTES_BETWEEN_COLLECTIONS = 8 * 1024 * 1024;

let collect: (() => void) | undefined;
let sinceLast = 0;

export function noteSourceAnalyzed(bytes: number): void {
  sinceLast += bytes;
  if (sinceLast < SOURCE_BYTES_BETWEEN_COLLECTIONS) return;
  sinceLast = 0;
  collect ??= exposeGc();
  collect();
}

function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
