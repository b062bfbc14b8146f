import type { SyntaxNode } from './parser.js';
import { SpanIndex } from '../spans.js';

type BindingShape =
  | { kind: 'assign'; value: SyntaxNode }
  | { kind: 'augment'; operator: string; value: SyntaxNode }
  | { kind: 'with'; value: SyntaxNode }
  | { kind: 'class'; node: SyntaxNode }
  | { kind: 'function'; node: SyntaxNode }
  /** A parameter of `fn`, the `index`th in its parameter list. */
  | { kind: 'param'; fn: SyntaxNode; index: number }
  /** A name bound to a part of `value`: an unpacking target, or a loop target over `value`. */
  /** `item`: the name is one of a flat unpacking of each element (`for line, reason, raw in rejects`). */
  | { kind: 'element'; value: SyntaxNode; item?: ItemPosition }
  | { kind: 'other' };

interface Span {
  start: number;
  end: number;
}

/**
 * One way a name gets a value somewhere in the file. `at` is the offset from which the value
 * holds: the end of the statement for an assignment, so `q = q + "x"` reads the earlier `q`;
 * -1 for names other scopes may set at any time (`global`, `nonlocal`).
 * `replaces`, for statements that always run once reached and overwrite the name outright, is
 * the block in which every later read sees this value or a newer one.
 */
export type Binding = BindingShape & { id: number; at: number; replaces: Span | undefined };

/** Nodes whose names live in a scope of their own. */
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const SCOPES = ['function_definition', 'lambda', 'class_definition', ...COMPREHENSIONS];
/** Scopes whose code runs top to bottom, so a binding reaches only later reads, or reads around a loop. */
const SEQUENTIAL = new Set(['module', 'function_definition', 'class_definition']);
const LOOPS = ['for_statement', 'while_statement'];
/** Statements of which one run takes at most one arm. */
const BRANCHING = ['if_statement', 'match_statement'];
const ANY_TIME = -1;
const UNPACKING = new Set(['pattern_list', 'tuple_pattern', 'list_pattern']);
/** Methods that put their (last) argument into the container they are called on. */
const MUTATORS = new Set(['append', 'extend', 'insert', 'add', 'update', 'appendleft', 'extendleft', 'setdefault']);

const BINDING_SITES = [
  'assignment',
  'augmented_assignment',
  'with_item',
  'for_statement',
  'for_in_clause',
  'named_expression',
  'except_clause',
  'global_statement',
  'nonlocal_statement',
  'function_definition',
  'class_definition',
  'parameters',
  'lambda_parameters',
];

/**
 * Every binding of every plain name in the file, by scope. Within one function (or the module)
 * a read sees the bindings that may reach it: those before it, except ones an assignment in a
 * block around the read has overwritten since, and those later in a loop around it. A read
 * from a nested function sees every binding of the enclosing scope, as it may run at any time.
 * Any binding that is not a simple assignment makes the answers built on it "unknown".
 */
export class Bindings {
  private readonly table = new Map<number, Map<string, Binding[]>>();
  private readonly scopes: SpanIndex<SyntaxNode>;
  private readonly loops: SpanIndex<SyntaxNode>;
  private readonly blocks: SpanIndex<SyntaxNode>;
  private branching: SpanIndex<SyntaxNode> | undefined;
  private readonly reads = new Map<string, Binding[] | undefined>();
  private innerNames: Set<string> | undefined;
  /** Every identifier of the file by its text, gathered on first need in one walk. */
  private mentions: Map<string, SyntaxNode[]> | undefined;
  private nextId = 0;

  constructor(private readonly root: SyntaxNode) {
    this.scopes = SpanIndex.of(root, SCOPES);
    this.loops = SpanIndex.of(root, LOOPS);
    this.blocks = SpanIndex.of(root, ['block']);
    for (const node of root.descendantsOfType(BINDING_SITES)) this.collect(node);
    // After every assignment is known: a container is filled where its name is bound.
    for (const node of root.descendantsOfType(['call', 'assignment', 'augmented_assignment'])) this.collectStore(node);
  }

  /** The identifiers spelled `name` inside `within` (its own name included), in document order. */
  mentionsOf(name: string, within: SyntaxNode): SyntaxNode[] {
    if (!this.mentions) {
      this.mentions = new Map();
      for (const identifier of this.root.descendantsOfType('identifier')) {
        const list = this.mentions.get(identifier.text);
        if (list) list.push(identifier);
        else this.mentions.set(identifier.text, [identifier]);
      }
    }
    return (this.mentions.get(name) ?? []).filter((m) => m.startIndex >= within.startIndex && m.endIndex <= within.endIndex);
  }

  /** How many bindings the file has, to size work budgets. */
  get count(): number {
    return this.nextId;
  }

  /**
   * The bindings of `name` that may have given it its value where `use` reads it; undefined
   * when no scope around the read binds the name (a builtin, or a global from elsewhere).
   */
  visibleAt(name: string, use: SyntaxNode): Binding[] | undefined {
    const key = `${use.id}:${name}`;
    if (this.reads.has(key)) return this.reads.get(key);
    const visible = this.lookup(name, use);
    this.reads.set(key, visible);
    return visible;
  }

  private lookup(name: string, use: SyntaxNode): Binding[] | undefined {
    let scope = this.scopeOf(use);
    for (let innermost = true; ; innermost = false) {
      const list = this.table.get(scope.id)?.get(name);
      // A class body's names are not visible inside the methods defined in it.
      if (list && (innermost || scope.type !== 'class_definition')) return innermost ? this.reaching(list, use, scope) : list;
      if (scope.id === this.root.id) return undefined;
      scope = this.scopeOf(scope);
    }
  }

  private reaching(list: Binding[], use: SyntaxNode, scope: SyntaxNode): Binding[] {
    if (!SEQUENTIAL.has(scope.type)) return list;
    const read = use.startIndex;
    const loops: SyntaxNode[] = [];
    for (const loop of this.loops.around(use)) {
      if (loop.startIndex < scope.startIndex) break;
      loops.push(loop);
    }
    const inLoop = (b: Binding, loop: SyntaxNode) => loop.startIndex <= b.at && b.at <= loop.endIndex;
    const before = (b: Binding) => b.at <= read;
    const anytime = (b: Binding) => b.at === ANY_TIME;
    const candidates = list.filter((b) => loops.some((l) => inLoop(b, l)) || (before(b) && !(list.length > 1 && this.inOtherArm(b, use))));
    // A read before every binding fails at run time; keep all rather than claim to know.
    if (candidates.length === 0) return list;
    const replacing = candidates.filter((b) => before(b) && b.replaces && b.replaces.start <= read && read <= b.replaces.end);
    if (replacing.length === 0) return candidates;
    const latest = replacing.reduce((max, b) => Math.max(max, b.at), 0);
    // A binding later in a loop comes round to the read through the loop's start, and is
    // overwritten on the way if that loop holds a replacing assignment.
    const loopReplaces = loops.map((l) => replacing.some((b) => inLoop(b, l)));
    return candidates.filter((b) => anytime(b) || (before(b) ? b.at >= latest : !loopReplaces[loops.findIndex((l) => inLoop(b, l))]));
  }

  /**
   * Whether a binding before the read sits in another arm of an if/elif/else or match around the
   * read (`if f == '-': f = sys.stdin` does not reach `elif …: open(f)`). Only a loop around both
   * carries it over, and callers keep bindings in loops around the read anyway.
   */
  private inOtherArm(b: Binding, use: SyntaxNode): boolean {
    this.branching ??= SpanIndex.of(this.root, BRANCHING);
    for (const statement of this.branching.around(use)) {
      if (b.at < statement.startIndex || b.at > statement.endIndex) continue;
      const arms = armsOf(statement);
      const armAt = (offset: number) => arms.findIndex((a) => a.startIndex <= offset && offset <= a.endIndex);
      const arm = armAt(b.at);
      return arm !== -1 && arm !== armAt(use.startIndex);
    }
    return false;
  }

  /** The module: the outermost scope. */
  get module(): SyntaxNode {
    return this.root;
  }

  /** The scopes around a node, innermost first, the module last. */
  *scopesAround(node: SyntaxNode): Generator<SyntaxNode> {
    yield* this.scopes.around(node);
    yield this.root;
  }

  /** Whether `scope` itself binds `name` (by assignment, parameter, loop target…; imports are not counted). */
  bindsIn(scope: SyntaxNode, name: string): boolean {
    return this.table.get(scope.id)?.has(name) ?? false;
  }

  /** Whether a scope other than the module (a function, class or comprehension) binds `name`. */
  bindsInInnerScopes(name: string): boolean {
    if (!this.innerNames) {
      this.innerNames = new Set();
      for (const [scope, names] of this.table) if (scope !== this.root.id) for (const n of names.keys()) this.innerNames.add(n);
    }
    return this.innerNames.has(name);
  }

  /** The scope a node's names belong to: the nearest scope-making ancestor, or the module. */
  scopeOf(node: SyntaxNode): SyntaxNode {
    return this.scopes.around(node).next().value ?? this.root;
  }

  /** The block (or module) whose statements include the one `node` is part of. */
  private blockAround(node: SyntaxNode): Span {
    const block = this.blocks.around(node).next().value ?? this.root;
    return { start: block.startIndex, end: block.endIndex };
  }

  private add(scope: SyntaxNode, name: string, at: number, shape: BindingShape, replaces?: Span): void {
    let names = this.table.get(scope.id);
    if (!names) this.table.set(scope.id, (names = new Map()));
    const binding: Binding = { ...shape, id: this.nextId++, at, replaces };
    const list = names.get(name);
    if (list) list.push(binding);
    else names.set(name, [binding]);
  }

  private addOpaque(scope: SyntaxNode, target: SyntaxNode, at: number): void {
    for (const name of targetNames(target)) this.add(scope, name, at, { kind: 'other' });
  }

  private addElements(scope: SyntaxNode, target: SyntaxNode, value: SyntaxNode, at: number, replaces?: Span): void {
    for (const name of targetNames(target)) this.add(scope, name, at, { kind: 'element', value }, replaces);
  }

  /** A loop's target: a flat unpacking of plain names knows which item of each element each name gets. */
  private addLoopTarget(scope: SyntaxNode, target: SyntaxNode, value: SyntaxNode, at: number, replaces?: Span): void {
    const names = UNPACKING.has(target.type) ? target.namedChildren : [];
    if (names.length < 2 || names.some((n) => n.type !== 'identifier')) return this.addElements(scope, target, value, at, replaces);
    names.forEach((n, index) => this.add(scope, n.text, at, { kind: 'element', value, item: { index, of: names.length } }, replaces));
  }

  private collect(node: SyntaxNode): void {
    const scope = this.scopeOf(node);
    switch (node.type) {
      case 'assignment':
      case 'augmented_assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (!left) return;
        if (!right) {
          this.addOpaque(scope, left, node.endIndex);
        } else if (left.type !== 'identifier') {
          this.addElements(scope, left, right, node.endIndex);
        } else if (node.type === 'assignment') {
          this.add(scope, left.text, node.endIndex, { kind: 'assign', value: right }, this.blockAround(node));
        } else {
          const operator = node.childForFieldName('operator')?.text ?? '';
          this.add(scope, left.text, node.endIndex, { kind: 'augment', operator, value: right });
        }
        return;
      }
      case 'with_item': {
        const value = node.childForFieldName('value');
        const alias = value?.type === 'as_pattern' ? value.childForFieldName('alias') : null;
        const source = value?.namedChildren[0];
        if (!alias) return;
        const only = alias.namedChildren.length === 1 ? alias.namedChildren[0] : undefined;
        if (only?.type === 'identifier' && source) {
          this.add(scope, only.text, node.endIndex, { kind: 'with', value: source }, this.blockAround(node));
        } else {
          this.addOpaque(scope, alias, node.endIndex);
        }
        return;
      }
      case 'for_statement':
      case 'for_in_clause': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        // Each pass of a loop binds its target afresh before the body runs: there it is the element.
        const body = node.type === 'for_statement' ? node.childForFieldName('body') : null;
        const replaces = body ? { start: body.startIndex, end: body.endIndex } : undefined;
        if (left && right) this.addLoopTarget(scope, left, right, right.endIndex, replaces);
        else if (left) this.addOpaque(scope, left, node.startIndex);
        return;
      }
      case 'named_expression': {
        // `(x := v)` binds like `x = v`, but in a comprehension it binds in the scope around it
        // (PEP 572). It may sit in a condition that short-circuits, so earlier bindings stay visible.
        const name = node.childForFieldName('name');
        const value = node.childForFieldName('value');
        let owner = scope;
        while (COMPREHENSIONS.has(owner.type)) owner = this.scopeOf(owner);
        if (name && value) this.add(owner, name.text, node.endIndex, { kind: 'assign', value });
        return;
      }
      case 'except_clause': {
        // Only the `as` target is bound; the exception classes are merely read.
        const value = node.childForFieldName('value');
        const alias = value?.type === 'as_pattern' ? value.childForFieldName('alias') : null;
        if (value && alias) this.addOpaque(scope, alias, value.endIndex);
        return;
      }
      case 'global_statement':
      case 'nonlocal_statement': {
        // The name is shared with an outer scope that other code also writes: opaque in both.
        const outer = node.type === 'global_statement' ? this.root : this.outerFunction(scope);
        for (const s of [scope, outer]) this.addOpaque(s, node, ANY_TIME);
        return;
      }
      case 'function_definition':
      case 'class_definition': {
        const name = node.childForFieldName('name');
        if (!name) return;
        const shape: BindingShape = node.type === 'class_definition' ? { kind: 'class', node } : { kind: 'function', node };
        this.add(scope, name.text, node.endIndex, shape, this.blockAround(node));
        return;
      }
      case 'parameters':
      case 'lambda_parameters':
        // Bound on entry, before any statement of the body.
        for (const [index, name] of targetNames(node).entries()) this.add(scope, name, node.startIndex, { kind: 'param', fn: scope, index });
        return;
      default:
        this.addOpaque(scope, node, node.startIndex);
    }
  }

  /**
   * `parts.append(x)`, `seen.add(x)`, `d.update(x)`, `d[k] = x`: the container now also holds x,
   * as if by `parts += [x]`, in the scope that binds the name (neither makes a name local).
   */
  private collectStore(node: SyntaxNode): void {
    const store = node.type === 'call' ? mutation(node) : itemStore(node);
    if (!store) return;
    const { container, operator, value } = store;
    for (let scope = this.scopeOf(node); ; scope = this.scopeOf(scope)) {
      if (this.table.get(scope.id)?.has(container)) return this.add(scope, container, node.endIndex, { kind: 'augment', operator, value });
      if (scope.id === this.root.id) return;
    }
  }

  private outerFunction(scope: SyntaxNode): SyntaxNode {
    let outer = scope;
    do outer = this.scopeOf(outer);
    while (outer.id !== this.root.id && outer.type !== 'function_definition');
    return outer;
  }
}

export function collectBindings(root: SyntaxNode): Bindings {
  return new Bindings(root);
}

/** Item `index` of elements that are tuples of `of` items. */
export interface ItemPosition {
  index: number;
  of: number;
}

interface ContainerStore {
  container: string;
  operator: string;
  value: SyntaxNode;
}

/** `parts.append(x)` and the other mutators: the value put in is the last positional argument. */
function mutation(call: SyntaxNode): ContainerStore | undefined {
  const fn = call.childForFieldName('function');
  const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
  const method = fn?.childForFieldName('attribute')?.text ?? '';
  if (object?.type !== 'identifier' || !MUTATORS.has(method)) return undefined;
  const value = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment').at(-1);
  return value ? { container: object.text, operator: `.${method}()`, value } : undefined;
}

/** `d[k] = x` and `d[k] += x`. */
function itemStore(assignment: SyntaxNode): ContainerStore | undefined {
  const left = assignment.childForFieldName('left');
  const object = left?.type === 'subscript' ? left.childForFieldName('value') : null;
  const value = assignment.childForFieldName('right');
  return object?.type === 'identifier' && value ? { container: object.text, operator: '[]=', value } : undefined;
}

/** Identifies a set of bindings: reads that see the same set get the same answers. */
export function bindingsKey(bindings: Binding[]): string {
  return bindings.map((b) => b.id).join(',');
}

/** The arms of a branching statement: an if's body and its elif and else clauses, a match's cases. */
function armsOf(statement: SyntaxNode): SyntaxNode[] {
  if (statement.type === 'match_statement') return (statement.childForFieldName('body')?.namedChildren ?? []).filter((c) => c.type === 'case_clause');
  return statement.namedChildren.filter((c) => c.type === 'block' || c.type === 'elif_clause' || c.type === 'else_clause');
}

/** Identifiers bound by a target expression; `a.b = …` and `a[i] = …` bind nothing new. */
function targetNames(target: SyntaxNode): string[] {
  if (target.type === 'identifier') return [target.text];
  if (target.type === 'attribute' || target.type === 'subscript') return [];
  const names: string[] = [];
  for (const child of target.namedChildren) {
    if (child.type === 'default_parameter' || child.type === 'typed_default_parameter') {
      const name = child.childForFieldName('name');
      if (name) names.push(...targetNames(name));
    } else if (child.type !== 'type' && child.type !== 'block' && child.type !== 'expression_statement') {
      names.push(...targetNames(child));
    }
  }
  return names;
}
