/** What the index needs of a node: the Python analyzer's tree mirror and tree-sitter's own nodes both have it. */
export interface RangedNode<N> {
  readonly id: number;
  readonly startIndex: number;
  readonly endIndex: number;
  descendantsOfType(types: string[]): N[];
}

interface Span<N> {
  node: N;
  parent: Span<N> | undefined;
}

/**
 * The nodes of some types (scopes, loops) as nested ranges, to find the ones around a node by
 * offset. Walking up with `.parent` would do: tree-sitter keeps no parent links and finds each
 * parent by descending from the root, so climbing a deep tree that way costs depth squared.
 */
export class SpanIndex<N extends RangedNode<N>> {
  private readonly spans: Array<Span<N>> = [];

  constructor(root: N, types: string[]) {
    const open: Array<Span<N>> = [];
    // descendantsOfType lists nodes in document order, so an enclosing node comes first.
    for (const node of root.descendantsOfType(types)) {
      while (open.length > 0 && !contains(open.at(-1)!.node, node)) open.pop();
      const span = { node, parent: open.at(-1) };
      this.spans.push(span);
      open.push(span);
    }
  }

  /** The indexed nodes that contain `node` (other than itself), innermost first. */
  *around(node: N): Generator<N> {
    for (let span = this.lastStartingBy(node.startIndex); span; span = span.parent) {
      if (span.node.id !== node.id && contains(span.node, node)) yield span.node;
    }
  }

  private lastStartingBy(offset: number): Span<N> | undefined {
    let lo = 0;
    let hi = this.spans.length - 1;
    let found: Span<N> | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.node.startIndex <= offset) {
        found = this.spans[mid];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}

function contains(outer: RangedNode<unknown>, inner: RangedNode<unknown>): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}
