import type { SyntaxNode } from './parser.js';

interface Span {
  node: SyntaxNode;
  parent: Span | undefined;
}

/**
 * The nodes of some types (scopes, loops) as nested ranges, to find the ones around a node by
 * offset. Walking up with `.parent` would do: tree-sitter keeps no parent links and finds each
 * parent by descending from the root, so climbing a deep tree that way costs depth squared.
 */
export class SpanIndex {
  private readonly spans: Span[] = [];

  constructor(root: SyntaxNode, types: string[]) {
    const open: Span[] = [];
    // descendantsOfType lists nodes in document order, so an enclosing node comes first.
    for (const node of root.descendantsOfType(types)) {
      while (open.length > 0 && !contains(open.at(-1)!.node, node)) open.pop();
      const span = { node, parent: open.at(-1) };
      this.spans.push(span);
      open.push(span);
    }
  }

  /** The indexed nodes that contain `node` (other than itself), innermost first. */
  *around(node: SyntaxNode): Generator<SyntaxNode> {
    for (let span = this.lastStartingBy(node.startIndex); span; span = span.parent) {
      if (span.node.id !== node.id && contains(span.node, node)) yield span.node;
    }
  }

  private lastStartingBy(offset: number): Span | undefined {
    let lo = 0;
    let hi = this.spans.length - 1;
    let found: Span | undefined;
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

function contains(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}
