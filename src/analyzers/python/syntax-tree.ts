import type Parser from 'tree-sitter';

export interface Point {
  row: number;
  column: number;
}

const NO_NODES: readonly SyntaxNode[] = Object.freeze([]);

/** What the walk needs to know of a node type; learnt once per thread, by tree-sitter type id. */
interface TypeInfo {
  name: string;
  named: boolean;
  /** The grammar gives some children of this type field names (`left`, `body`). */
  hasFields: boolean;
}

const types: TypeInfo[] = [];
const fieldNames: string[] = [];

/** The node types of a grammar whose children may fill fields, from its node-types.json. */
export function typesWithFields(nodeTypeInfo: ReadonlyArray<{ type: string; fields?: object }>): ReadonlySet<string> {
  return new Set(nodeTypeInfo.filter((t) => t.fields && Object.keys(t.fields).length > 0).map((t) => t.type));
}

/**
 * A parsed file held entirely in JavaScript: the tree-sitter tree is walked once, right after
 * parsing, and then dropped. Every property read on a tree-sitter binding node crosses into
 * native code and allocates (marshalling, a per-tree node cache); the analysis reads each node
 * many times, which made those crossings most of its run time. Offsets and columns count
 * UTF-16 code units, as the binding's do for a JavaScript string.
 */
export class SyntaxTree {
  readonly rootNode: SyntaxNode;
  /** Offsets at which lines start, for turning offsets into rows and columns. */
  private readonly lineStarts: number[] = [0];
  /** Nodes in document order (pre-order), per type. */
  private readonly byType = new Map<string, SyntaxNode[]>();

  constructor(
    native: Parser.Tree,
    readonly text: string,
    fieldParents: ReadonlySet<string>,
  ) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    // Error recovery makes trees the grammar alone does not describe (missing tokens, fields in
    // ERROR nodes): for those, every node is asked everything.
    this.rootNode = this.mirror(native.walk(), fieldParents, native.rootNode.hasError);
  }

  pointAt(offset: number): Point {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { row: lo, column: offset - starts[lo]! };
  }

  /** The nodes of `types` in the subtree of `node` (itself included), in document order. */
  descendantsOfType(node: SyntaxNode, types: string | readonly string[]): SyntaxNode[] {
    const lists = (typeof types === 'string' ? [types] : types).flatMap((t) => {
      const list = this.byType.get(t);
      return list ? [within(list, node)] : [];
    });
    if (lists.length <= 1) return lists[0] ?? [];
    return lists.flat().sort((a, b) => a.id - b.id);
  }

  /**
   * Pre-order walk with one cursor. Each crossing into the binding costs about as much as
   * parsing a few bytes, so a node is asked only what cannot be known otherwise: its field only
   * where its parent's type has fields, and its end only where its text is not its type (an
   * anonymous leaf is a keyword or punctuation token, spelt as its type).
   */
  private mirror(cursor: Parser.TreeCursor, fieldParents: ReadonlySet<string>, exact: boolean): SyntaxNode {
    let id = 0;
    const open: SyntaxNode[] = [];
    const openHasFields: boolean[] = [];
    let root: SyntaxNode | undefined;
    for (;;) {
      const typeId = cursor.nodeTypeId;
      let type = types[typeId];
      if (type === undefined) {
        const name = cursor.nodeType;
        type = types[typeId] = { name, named: cursor.nodeIsNamed, hasFields: fieldParents.has(name) };
      }
      const depth = open.length;
      const parent = depth > 0 ? open[depth - 1]! : null;
      let field: string | undefined;
      if (depth > 0 && (exact || openHasFields[depth - 1])) {
        const fieldId = cursor.currentFieldId;
        if (fieldId) field = fieldNames[fieldId] ??= cursor.currentFieldName;
      }
      const node = new SyntaxNode(this, id++, type.name, type.named, cursor.startIndex, parent, field);
      if (parent) parent.children === NO_NODES ? (parent.children = [node]) : parent.children.push(node);
      else root = node;
      const list = this.byType.get(type.name);
      if (list) list.push(node);
      else this.byType.set(type.name, [node]);
      if (cursor.gotoFirstChild()) {
        open.push(node);
        openHasFields.push(type.hasFields);
        continue;
      }
      if (exact || type.named) {
        node.endIndex = cursor.endIndex;
        // Missing nodes, which error recovery inserts, are leaves that take no space.
        if (exact && node.endIndex === node.startIndex && cursor.nodeIsMissing) node.markMissing();
      } else {
        node.endIndex = node.startIndex + type.name.length;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return root!;
        const done = open.pop()!;
        openHasFields.pop();
        done.endIndex = cursor.endIndex;
        done.lastDescendantId = id - 1;
        if (exact) done.hasError ||= done.children.some((c) => c.hasError);
      }
    }
  }
}

/** The part of a pre-order list that lies in `node`'s subtree. */
function within(list: SyntaxNode[], node: SyntaxNode): SyntaxNode[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.id < node.id) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < list.length && list[end]!.id <= node.lastDescendantId) end++;
  return list.slice(lo, end);
}

/** One node of a {@link SyntaxTree}, with the members of tree-sitter's SyntaxNode the analysis uses. */
export class SyntaxNode {
  children: SyntaxNode[] = NO_NODES as SyntaxNode[];
  endIndex: number;
  /** Id of the last node of this node's subtree (ids are pre-order positions). */
  lastDescendantId: number;
  hasError: boolean;
  isMissing = false;
  private named: SyntaxNode[] | undefined;

  constructor(
    private readonly tree: SyntaxTree,
    /** Unique within the tree. */
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly parent: SyntaxNode | null,
    /** The field of the parent this node fills (`left` of an assignment), if any. */
    readonly fieldName: string | undefined,
  ) {
    this.endIndex = startIndex;
    this.lastDescendantId = id;
    this.hasError = type === 'ERROR';
  }

  markMissing(): void {
    this.isMissing = true;
    this.hasError = true;
  }

  get text(): string {
    return this.tree.text.slice(this.startIndex, this.endIndex);
  }

  get startPosition(): Point {
    return this.tree.pointAt(this.startIndex);
  }

  get endPosition(): Point {
    return this.tree.pointAt(this.endIndex);
  }

  get namedChildren(): SyntaxNode[] {
    this.named ??= this.children.length === 0 ? this.children : this.children.filter((c) => c.isNamed);
    return this.named;
  }

  get childCount(): number {
    return this.children.length;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  get firstChild(): SyntaxNode | null {
    return this.children[0] ?? null;
  }

  get lastChild(): SyntaxNode | null {
    return this.children.at(-1) ?? null;
  }

  get firstNamedChild(): SyntaxNode | null {
    return this.namedChildren[0] ?? null;
  }

  get lastNamedChild(): SyntaxNode | null {
    return this.namedChildren.at(-1) ?? null;
  }

  get nextSibling(): SyntaxNode | null {
    return this.sibling(1, false);
  }

  get previousSibling(): SyntaxNode | null {
    return this.sibling(-1, false);
  }

  get nextNamedSibling(): SyntaxNode | null {
    return this.sibling(1, true);
  }

  get previousNamedSibling(): SyntaxNode | null {
    return this.sibling(-1, true);
  }

  childForFieldName(field: string): SyntaxNode | null {
    for (const child of this.children) if (child.fieldName === field) return child;
    return null;
  }

  childrenForFieldName(field: string): SyntaxNode[] {
    return this.children.filter((c) => c.fieldName === field);
  }

  /** Nodes of the given types in this subtree, this node included, in document order. */
  descendantsOfType(types: string | readonly string[]): SyntaxNode[] {
    return this.tree.descendantsOfType(this, types);
  }

  /** The smallest named node in this subtree that spans the offsets `start` to `end`. */
  namedDescendantForIndex(start: number, end = start): SyntaxNode {
    let found: SyntaxNode = this;
    for (let node: SyntaxNode | undefined = this; node; ) {
      const inner: SyntaxNode | undefined = node.children.find((c) => c.startIndex <= start && end <= c.endIndex && (c.endIndex > start || c.startIndex === c.endIndex));
      if (inner?.isNamed) found = inner;
      node = inner;
    }
    return found;
  }

  toString(): string {
    return `(${this.type})`;
  }

  private sibling(step: 1 | -1, named: boolean): SyntaxNode | null {
    const siblings = this.parent?.children ?? [];
    for (let i = siblings.indexOf(this) + step; i >= 0 && i < siblings.length; i += step) {
      if (!named || siblings[i]!.isNamed) return siblings[i]!;
    }
    return null;
  }
}
