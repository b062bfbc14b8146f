import { type Binding, type Bindings, bindingsKey, moduleName } from './bindings.js';
import { type SyntaxNode, unwrap } from './parser.js';

/** Objects that hold the globals: `globalThis.eval` is `eval`. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'global', 'self']);
const MAX_DEPTH = 32;

/**
 * Names expressions by what they refer to, through imports, `require` and simple assignments:
 * `run` after `import { exec as run } from 'node:child_process'` is `child_process.exec`;
 * `pool.query` after `const pool = new Pool()` with `Pool` from 'pg' is `pg.Pool().query`.
 * A name with no binding keeps its own text (globals such as `eval`), as does a parameter.
 */
export class Resolver {
  private readonly memo = new Map<string, string | undefined>();

  constructor(private readonly bindings: Bindings) {}

  nameOf(node: SyntaxNode): string | undefined {
    return this.resolve(node, 0);
  }

  private resolve(raw: SyntaxNode, depth: number): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = unwrap(raw);
    switch (node.type) {
      case 'identifier':
        return this.identifier(node, depth);
      case 'member_expression': {
        const object = node.childForFieldName('object');
        const property = node.childForFieldName('property')?.text;
        if (!object || !property) return undefined;
        if (object.type === 'identifier' && GLOBAL_OBJECTS.has(object.text) && !this.bindings.visibleAt(object.text, object)) return property;
        const base = this.resolve(object, depth + 1);
        return base === undefined ? undefined : `${base}.${property}`;
      }
      case 'subscript_expression': {
        const object = node.childForFieldName('object');
        const index = node.childForFieldName('index');
        if (!object || index?.type !== 'string') return undefined;
        const base = this.resolve(object, depth + 1);
        return base === undefined ? undefined : `${base}.${index.text.slice(1, -1)}`;
      }
      case 'call_expression': {
        const fn = node.childForFieldName('function');
        if (!fn) return undefined;
        const specifier = moduleSpecifier(node);
        if (specifier !== undefined) return moduleName(specifier);
        const callee = this.resolve(fn, depth + 1);
        return callee === undefined ? undefined : `${callee}()`;
      }
      case 'new_expression': {
        const constructor = node.childForFieldName('constructor');
        const callee = constructor ? this.resolve(constructor, depth + 1) : undefined;
        return callee === undefined ? undefined : `${callee}()`;
      }
      default:
        return undefined;
    }
  }

  private identifier(node: SyntaxNode, depth: number): string | undefined {
    const name = node.text;
    const bindings = this.bindings.visibleAt(name, node);
    if (!bindings) return name;
    const key = bindingsKey(bindings);
    if (this.memo.has(key)) return this.memo.get(key);
    // Until resolved, a name stands for nothing: `a = a.next` must not loop.
    this.memo.set(key, undefined);
    const names = new Set(bindings.map((b) => this.binding(name, b, depth)));
    const resolved = names.size === 1 ? [...names][0] : undefined;
    this.memo.set(key, resolved);
    return resolved;
  }

  private binding(name: string, binding: Binding, depth: number): string | undefined {
    switch (binding.kind) {
      case 'param':
        // A parameter stands for what its name says (`fs`, `cp`), as a name bound nowhere would.
        return name;
      case 'import':
        return binding.name;
      case 'assign':
        return this.resolve(binding.value, depth + 1);
      case 'member': {
        const base = this.resolve(binding.object, depth + 1);
        return base === undefined || binding.key === undefined ? undefined : `${base}.${binding.key}`;
      }
      case 'augment':
      case 'declared':
        return undefined;
    }
  }
}

/** The module a `require('x')` or `import('x')` call loads, when written as a plain string. */
export function moduleSpecifier(call: SyntaxNode): string | undefined {
  const fn = call.childForFieldName('function');
  if (!fn || !(fn.type === 'import' || (fn.type === 'identifier' && fn.text === 'require'))) return undefined;
  const arg = call.childForFieldName('arguments')?.firstNamedChild;
  return arg?.type === 'string' ? arg.text.slice(1, -1) : undefined;
}
