import { type Binding, type Bindings, bindingsKey } from './bindings.js';
import { BUILTIN_NAMES } from './builtins.js';
import type { CallSite } from './call-site.js';
import { budgetFor, NameMemo } from './name-memo.js';
import type { SyntaxNode } from './parser.js';

const MAX_DEPTH = 32;
/** Values an assignment can alias: `run = subprocess.run`, `t = tarfile.open(f)`, `s = t`. */
const ALIASABLE = new Set(['call', 'attribute', 'identifier', 'parenthesized_expression']);

/** Resolves expressions to dotted names through import aliases, assignments and object-producing calls. */
export class Resolver {
  /** What each assigned name stands for; undefined where a cycle cut it short. */
  private readonly aliases: NameMemo<string | undefined>;

  constructor(
    private readonly imports: Map<string, string>,
    private readonly bindings: Bindings,
    /** Ids of the scopes whose import statements bind each imported name. */
    private readonly importScopes: Map<string, Set<number>>,
  ) {
    this.aliases = new NameMemo<string | undefined>({ guess: undefined, iterate: false, giveUp: undefined }, budgetFor(bindings.count));
  }

  callSite(node: SyntaxNode): CallSite {
    const fn = node.childForFieldName('function');
    const positional: SyntaxNode[] = [];
    const keywords = new Map<string, SyntaxNode>();
    let hasSplat = false;
    for (const arg of node.childForFieldName('arguments')?.namedChildren ?? []) {
      if (arg.type === 'keyword_argument') {
        const key = arg.childForFieldName('name')?.text;
        const value = arg.childForFieldName('value');
        if (key && value) keywords.set(key, value);
      } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') {
        hasSplat = true;
      } else if (arg.type !== 'comment') {
        positional.push(arg);
      }
    }
    return {
      node,
      name: fn ? this.nameOf(fn) : undefined,
      method: fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined,
      positional,
      keywords,
      hasSplat,
    };
  }

  /**
   * The dotted name an expression stands for: `p.loads` after `import pickle as p` is
   * `pickle.loads`, `t.extractall` after `t = tarfile.open(f)` is `tarfile.open().extractall`,
   * a bare `eval` the file never binds is `builtins.eval`, and a name of unknown origin keeps
   * its own text (`cursor.execute`). Undefined for expressions that are not names.
   */
  nameOf(node: SyntaxNode): string | undefined {
    return this.dotted(node, 0);
  }

  /**
   * A class expression's name followed, for classes defined in this file, by the names of
   * their bases, transitively: `[MyLoader, yaml.SafeLoader]` after
   * `class MyLoader(yaml.SafeLoader)`.
   */
  lineageOf(node: SyntaxNode): string[] {
    const lineage = new Set<string>();
    const pending = [node];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const name = this.nameOf(next);
      if (!name || lineage.has(name)) continue;
      lineage.add(name);
      const definition = this.classDefinition(next);
      const bases = definition?.childForFieldName('superclasses')?.namedChildren ?? [];
      pending.push(...bases.filter((b) => b.type !== 'keyword_argument').reverse());
    }
    return [...lineage];
  }

  private dotted(node: SyntaxNode, depth: number): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (node.type) {
      case 'identifier':
        return this.identifier(node, depth);
      case 'attribute': {
        const object = node.childForFieldName('object');
        const attr = node.childForFieldName('attribute')?.text;
        const base = object ? this.dotted(object, depth + 1) : undefined;
        return base && attr ? `${base}.${attr}` : undefined;
      }
      case 'call': {
        const fn = node.childForFieldName('function');
        const base = fn ? this.dotted(fn, depth + 1) : undefined;
        return base ? `${base}()` : undefined;
      }
      case 'parenthesized_expression':
        return node.namedChildren[0] ? this.dotted(node.namedChildren[0], depth + 1) : undefined;
      default:
        return undefined;
    }
  }

  private identifier(node: SyntaxNode, depth: number): string | undefined {
    const name = node.text;
    const imported = this.imports.get(name);
    if (imported !== undefined && this.importBinds(name, node)) return imported;
    const bindings = this.bindings.visibleAt(name, node);
    if (!bindings) return BUILTIN_NAMES.has(name) ? `builtins.${name}` : name;
    return this.aliases.get(bindingsKey(bindings), () => this.aliasOf(bindings, depth) ?? name);
  }

  /**
   * Whether an import of `name` binds it where `use` reads it: a function's own parameter or
   * assignment of the name shadows the module's import, and an import inside one function binds
   * the name in that function only.
   */
  private importBinds(name: string, use: SyntaxNode): boolean {
    const importing = this.importScopes.get(name);
    if (!importing) return false;
    const moduleId = this.bindings.module.id;
    if (importing.size === 1 && importing.has(moduleId) && !this.bindings.bindsInInnerScopes(name)) return true;
    let innermost = true;
    for (const scope of this.bindings.scopesAround(use)) {
      if (importing.has(scope.id)) return true;
      // A class body's names are not visible inside its methods.
      if ((innermost || scope.type !== 'class_definition') && scope.id !== moduleId && this.bindings.bindsIn(scope, name)) return false;
      innermost = false;
    }
    return false;
  }

  /** The one name every binding agrees on, when each assigns an aliasable expression. */
  private aliasOf(bindings: Binding[], depth: number): string | undefined {
    let target: string | undefined;
    for (const b of bindings) {
      if ((b.kind !== 'assign' && b.kind !== 'with') || !ALIASABLE.has(b.value.type)) return undefined;
      const resolved = this.dotted(b.value, depth + 1);
      if (!resolved || (target !== undefined && target !== resolved)) return undefined;
      target = resolved;
    }
    return target;
  }

  /** The class a name stands for: its definition, or the class it was assigned (`loader = SafeLoaderWrapper`). */
  private classDefinition(node: SyntaxNode, depth = 0): SyntaxNode | undefined {
    if (node.type !== 'identifier' || this.imports.has(node.text) || depth > MAX_DEPTH) return undefined;
    const bindings = this.bindings.visibleAt(node.text, node);
    const only = bindings?.length === 1 ? bindings[0] : undefined;
    if (only?.kind === 'assign') return this.classDefinition(only.value, depth + 1);
    return only?.kind === 'class' ? only.node : undefined;
  }
}
