import { SpanIndex } from '../spans.js';
import type { SyntaxNode } from './parser.js';

type BindingShape =
  | { kind: 'assign'; value: SyntaxNode }
  | { kind: 'augment'; operator: string; value: SyntaxNode }
  /** `const { exec: run } = object` (key 'exec') and `const [, file] = object` (no key). */
  | { kind: 'member'; object: SyntaxNode; key: string | undefined }
  /** An ESM import: the module, or one of its exports. */
  | { kind: 'import'; name: string }
  /**
   * A function's parameter (or a catch clause's): whatever the caller passes. `firstOf` is the
   * function whose plain first parameter it is; `partOfFirst` the function whose destructured
   * first parameter (`({ message }) => …`) it is part of.
   */
  | { kind: 'param'; firstOf?: SyntaxNode; partOfFirst?: SyntaxNode }
  /** `let x;`: declared with no value yet. */
  | { kind: 'declared' };

/** One way a name gets a value somewhere in the file; `id` tells bindings apart for memo keys. */
export type Binding = BindingShape & { id: number };

/** Nodes whose parameters and `var` declarations live in a scope of their own. */
const FUNCTION_SCOPES = [
  'function_declaration',
  'function_expression',
  'function',
  'arrow_function',
  'method_definition',
  'generator_function_declaration',
  'generator_function',
];
/** Nodes that hold `let`/`const` declarations (and a catch clause's parameter) to themselves. */
const BLOCK_SCOPES = ['statement_block', 'for_statement', 'for_in_statement', 'switch_body', 'catch_clause'];
const SCOPES = [...FUNCTION_SCOPES, ...BLOCK_SCOPES];
const DECLARATIONS = ['lexical_declaration', 'variable_declaration', 'formal_parameters', 'arrow_function', 'catch_clause', 'import_statement', 'for_in_statement'];
const ASSIGNMENTS = ['assignment_expression', 'augmented_assignment_expression', 'for_in_statement'];

/**
 * Every binding of every plain name in the file, by scope. A read sees the bindings of the
 * innermost scope around it that declares the name: the block of a `let`/`const`, the function of
 * a parameter or `var`, the module of an import; all of them wherever they are in that scope, since
 * the order of statements is ignored, as a reviewer skimming the file would. An assignment to a
 * name no scope around it declares binds a global.
 */
export class Bindings {
  private readonly table = new Map<number, Map<string, Binding[]>>();
  private readonly scopes: SpanIndex<SyntaxNode>;
  private nextId = 0;

  constructor(private readonly root: SyntaxNode) {
    // One walk for all three kinds of node: on tree-sitter's own nodes each walk crosses into native code.
    const nodes = root.descendantsOfType([...new Set([...SCOPES, ...DECLARATIONS, ...ASSIGNMENTS])]);
    const types = nodes.map((n) => n.type);
    const ofTypes = (wanted: readonly string[]) => nodes.filter((_, i) => wanted.includes(types[i]!));
    this.scopes = new SpanIndex(ofTypes(SCOPES));
    for (const node of ofTypes(DECLARATIONS)) this.declare(node);
    for (const node of ofTypes(ASSIGNMENTS)) this.assign(node);
  }

  /** The bindings of `name` where `use` reads it; undefined where nothing in the file binds it (globals). */
  visibleAt(name: string, use: SyntaxNode): Binding[] | undefined {
    return this.declaringScope(name, use) ?? this.table.get(this.root.id)?.get(name);
  }

  private declaringScope(name: string, use: SyntaxNode): Binding[] | undefined {
    for (const scope of this.scopes.around(use)) {
      const list = this.table.get(scope.id)?.get(name);
      if (list) return list;
    }
    return undefined;
  }

  private add(scope: SyntaxNode, name: string, shape: BindingShape): void {
    let names = this.table.get(scope.id);
    if (!names) this.table.set(scope.id, (names = new Map()));
    const binding: Binding = { ...shape, id: this.nextId++ };
    const list = names.get(name);
    if (list) list.push(binding);
    else names.set(name, [binding]);
  }

  /** The function a `var` or parameter belongs to: the one it sits in, or for parameters the one they belong to. */
  private functionOf(node: SyntaxNode): SyntaxNode {
    for (const scope of this.scopes.around(node)) if (FUNCTION_SCOPES.includes(scope.type)) return scope;
    return this.root;
  }

  /** The block a `let` or `const` belongs to. */
  private blockOf(node: SyntaxNode): SyntaxNode {
    return this.scopes.around(node).next().value ?? this.root;
  }

  private declare(node: SyntaxNode): void {
    switch (node.type) {
      case 'import_statement':
        collectImport(node, (name, shape) => this.add(this.root, name, shape));
        return;
      case 'formal_parameters': {
        const fn = this.functionOf(node);
        node.namedChildren.forEach((param, i) => {
          const plain = i === 0 && (param.type === 'identifier' || param.childForFieldName('pattern')?.type === 'identifier');
          const shape = plain ? { kind: 'param', firstOf: fn } as const : i === 0 ? { kind: 'param', partOfFirst: fn } as const : { kind: 'param' } as const;
          for (const name of patternNames(param)) this.add(fn, name, shape);
        });
        return;
      }
      case 'arrow_function': {
        // `x => …` has its one parameter as a field rather than in formal_parameters.
        const single = node.childForFieldName('parameter');
        if (single) this.add(node, single.text, { kind: 'param', firstOf: node });
        return;
      }
      case 'for_in_statement': {
        // `for (const x of xs)` declares x in the loop; `for (x of xs)` assigns an outer x (see assign).
        const kind = node.childForFieldName('kind')?.text;
        const scope = kind === 'var' ? this.functionOf(node) : node;
        if (kind) this.addLoopTarget(node, (name, shape) => this.add(scope, name, shape));
        return;
      }
      case 'catch_clause': {
        const param = node.childForFieldName('parameter');
        for (const name of param ? patternNames(param) : []) this.add(node, name, { kind: 'param' });
        return;
      }
      default: {
        const scope = node.type === 'lexical_declaration' ? this.blockOf(node) : this.functionOf(node);
        for (const declarator of node.namedChildren) if (declarator.type === 'variable_declarator') this.declareVariable(scope, declarator);
      }
    }
  }

  private declareVariable(scope: SyntaxNode, declarator: SyntaxNode): void {
    const target = declarator.childForFieldName('name');
    const value = declarator.childForFieldName('value');
    if (!target) return;
    if (!value) for (const name of patternNames(target)) this.add(scope, name, { kind: 'declared' });
    else if (target.type === 'identifier') this.add(scope, target.text, { kind: 'assign', value });
    else collectPattern(target, value, (name, shape) => this.add(scope, name, shape));
  }

  /** A for-of/for-in target is bound to an element (or key) of what the loop runs over. */
  private addLoopTarget(node: SyntaxNode, add: Add): void {
    const target = node.childForFieldName('left');
    const object = node.childForFieldName('right');
    if (!target || !object) return;
    for (const name of patternNames(target)) add(name, { kind: 'member', object, key: undefined });
  }

  /** An assignment binds the name in the innermost function around it that declares it, else a global. */
  private assign(node: SyntaxNode): void {
    const target = node.childForFieldName('left');
    const value = node.childForFieldName('right');
    if (!target || !value) return;
    const add: Add = (name, shape) => {
      const scope = [...this.scopes.around(node)].find((s) => this.table.get(s.id)?.has(name)) ?? this.root;
      this.add(scope, name, shape);
    };
    if (node.type === 'for_in_statement') {
      if (!node.childForFieldName('kind')) this.addLoopTarget(node, add);
    } else if (node.type === 'augmented_assignment_expression') {
      if (target.type === 'identifier') add(target.text, { kind: 'augment', operator: node.childForFieldName('operator')?.text ?? '', value });
    } else if (target.type === 'identifier') {
      add(target.text, { kind: 'assign', value });
    } else {
      collectPattern(target, value, add);
    }
  }
}

export function collectBindings(root: SyntaxNode): Bindings {
  return new Bindings(root);
}

/** Identifies a set of bindings: reads that see the same set get the same answers. */
export function bindingsKey(bindings: Binding[]): string {
  return bindings.map((b) => b.id).join(',');
}

/** The names a parameter or declaration pattern binds: `a`, `a = 1`, `...a`, `{ a, b: c }`, `[a, b]`, `a?: T`. */
function patternNames(pattern: SyntaxNode): string[] {
  switch (pattern.type) {
    case 'identifier':
    case 'shorthand_property_identifier_pattern':
      return [pattern.text];
    case 'assignment_pattern':
    case 'object_assignment_pattern':
      return namesIn(pattern.childForFieldName('left'));
    case 'pair_pattern':
      return namesIn(pattern.childForFieldName('value'));
    case 'required_parameter':
    case 'optional_parameter':
      return namesIn(pattern.childForFieldName('pattern'));
    case 'rest_pattern':
    case 'object_pattern':
    case 'array_pattern':
      return pattern.namedChildren.flatMap(patternNames);
    default:
      return [];
  }
}

function namesIn(node: SyntaxNode | null): string[] {
  return node ? patternNames(node) : [];
}

/** Module specifiers as rules name them: without `node:`, with promise variants folded into their module. */
const MODULE_ALIASES: Record<string, string> = {
  'fs/promises': 'fs.promises',
  'fs-extra': 'fs',
  'graceful-fs': 'fs',
  'mysql2/promise': 'mysql2',
  'child_process/promises': 'child_process',
};

export function moduleName(specifier: string): string {
  const bare = specifier.replace(/^node:/, '');
  return MODULE_ALIASES[bare] ?? bare;
}

type Add = (name: string, binding: BindingShape) => void;

function collectPattern(pattern: SyntaxNode, object: SyntaxNode, add: Add): void {
  for (const part of pattern.namedChildren) {
    if (part.type === 'shorthand_property_identifier_pattern') add(part.text, { kind: 'member', object, key: part.text });
    else if (part.type === 'pair_pattern') {
      const key = part.childForFieldName('key');
      const value = part.childForFieldName('value');
      if (key && value?.type === 'identifier') add(value.text, { kind: 'member', object, key: key.text.replace(/^['"]|['"]$/g, '') });
    } else if (pattern.type === 'array_pattern' && part.type === 'identifier') {
      add(part.text, { kind: 'member', object, key: undefined });
    }
  }
}

function collectImport(node: SyntaxNode, add: Add): void {
  for (const clause of node.namedChildren) {
    // TypeScript's `import cp = require('child_process')` keeps its source inside the clause.
    const source = (clause.type === 'import_require_clause' ? clause : node).childForFieldName('source');
    if (!source) continue;
    const module = moduleName(source.text.slice(1, -1));
    if (clause.type === 'import_require_clause') {
      const name = clause.firstNamedChild;
      if (name?.type === 'identifier') add(name.text, { kind: 'import', name: module });
    }
    if (clause.type !== 'import_clause') continue;
    for (const part of clause.namedChildren) {
      if (part.type === 'identifier') add(part.text, { kind: 'import', name: module });
      else if (part.type === 'namespace_import' && part.firstNamedChild) add(part.firstNamedChild.text, { kind: 'import', name: module });
      else if (part.type === 'named_imports') {
        for (const spec of part.namedChildren) {
          const imported = spec.childForFieldName('name')?.text;
          const local = spec.childForFieldName('alias')?.text ?? imported;
          if (!imported || !local) continue;
          add(local, { kind: 'import', name: imported === 'default' ? module : `${module}.${imported}` });
        }
      }
    }
  }
}
