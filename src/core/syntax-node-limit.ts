/**
 * The most syntax nodes one file's tree may have when the analysis copies every node into a
 * JavaScript object (Python's syntax trees, see syntax-tree.ts; HCL's plain syntax). An analysis
 * thread's heap holds about a million of them, and when it runs out inside a call into the
 * tree-sitter binding, the binding aborts the whole process instead of failing the file. The
 * largest Python modules seen, generated API clients of 5 MB, have about 300,000 nodes; a 4 MB
 * generated literal (`x = [1, 1, …]`) has four million.
 */
export const MAX_COPIED_SYNTAX_NODES = 750_000;

/**
 * The most for a tree read in place through the binding (JavaScript): native memory grows about
 * 200 bytes per node. The largest scripts seen are bundles: recheck's 2.9 MB main.js has 1.1
 * million nodes, TypeScript's 9 MB compiler two million.
 */
export const MAX_NATIVE_SYNTAX_NODES = 5_000_000;

/** Why a parsed tree is too large to analyse, or undefined when it is not. */
export function excessSyntaxNodes(tree: { rootNode: { descendantCount: number } }, limit: number): string | undefined {
  const nodes = tree.rootNode.descendantCount;
  if (nodes <= limit) return undefined;
  return (
    `the file has ${nodes.toLocaleString('en-US')} syntax nodes, more than the ${limit.toLocaleString('en-US')} ` +
    'one analysis holds in memory (usually generated code or data), so its code was not analysed'
  );
}
