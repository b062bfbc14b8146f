/** What the index needs of a node: the Python analyzer's tree mirror and tree-sitter's own nodes both have it. */
export interface RangedNode<N> {
  readonly id: number;
  readonly startIndex: number;
  readonly endIndex: number;
  descendantsOfType(types: string[]): N[];
}

/** A node's range, read once: on tree-sitter's own nodes every property read crosses into native code. */
interface Span<N> {
  node: N;
  id: number;
  start: number;
  end: number;
  parent: Span<N> | undefined;
}

/**
 * The nodes of some types (scopes, loops) as nested ranges, to find the ones around a node by
 * offset. Walking up with `.parent` would do: tree-sitter keeps no parent links and finds each
 * parent by descending from the root, so climbing a deep tree that way costs depth squared.
 */
export class SpanIndex<N extends RangedNode<N>> {
  private readonly spans: Array<Span<N>> = [];

  /** The index of the nodes of `types` under `root`. */
  static of<N extends RangedNode<N>>(root: N, types: string[]): SpanIndex<N> {
    return new SpanIndex(root.descendantsOfType(types));
  }

  /** `nodes` in document order (as descendantsOfType lists them), so that an enclosing node comes first. */
  constructor(nodes: readonly N[]) {
    const open: Array<Span<N>> = [];
    for (const node of nodes) {
      const span: Span<N> = { node, id: node.id, start: node.startIndex, end: node.endIndex, parent: undefined };
      while (open.length > 0 && !(open.at(-1)!.start <= span.start && span.end <= open.at(-1)!.end)) open.pop();
      span.parent = open.at(-1);
      this.spans.push(span);
      open.push(span);
    }
  }

  /** The indexed nodes that contain `node` (other than itself), innermost first. */
  *around(node: N): Generator<N> {
    const id = node.id;
    const start = node.startIndex;
    const end = node.endIndex;
    for (let span = this.lastStartingBy(start); span; span = span.parent) {
      if (span.id !== id && span.start <= start && end <= span.end) yield span.node;
    }
  }

  private lastStartingBy(offset: number): Span<N> | undefined {
    let lo = 0;
    let hi = this.spans.length - 1;
    let found: Span<N> | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.start <= offset) {
        found = this.spans[mid];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
