import type { SyntaxNode } from './parser.js';

/**
 * Maps each name an import statement binds to the dotted name it stands for:
 * `import pickle as p` binds p → pickle, `from yaml import load as l` binds l → yaml.load,
 * `import os.path` binds os → os, `from . import util` binds util → .util (relative names keep
 * their dots). Imports anywhere in the file count, since Python code often
 * imports inside functions; `importScopes` tells where each one binds.
 */
export function collectImports(root: SyntaxNode): Map<string, string> {
  const bindings = new Map<string, string>();
  for (const stmt of importStatements(root)) for (const [name, target] of namesBound(stmt)) bindings.set(name, target);
  return bindings;
}

/**
 * For each imported name, the scopes whose import statements bind it (the function or class
 * around the statement, or the module), as `scopeOf` tells them.
 */
export function importScopes(root: SyntaxNode, scopeOf: (node: SyntaxNode) => SyntaxNode): Map<string, Set<number>> {
  const scopes = new Map<string, Set<number>>();
  for (const stmt of importStatements(root)) {
    const scope = scopeOf(stmt).id;
    for (const [name] of namesBound(stmt)) {
      const set = scopes.get(name);
      if (set) set.add(scope);
      else scopes.set(name, new Set([scope]));
    }
  }
  return scopes;
}

function importStatements(root: SyntaxNode): SyntaxNode[] {
  return root.descendantsOfType(['import_statement', 'import_from_statement']);
}

/** The names one import statement binds, each with the dotted name it stands for. */
function namesBound(stmt: SyntaxNode): Array<[string, string]> {
  if (stmt.type === 'import_statement') return stmt.namedChildren.flatMap((name) => bound(name, ''));
  const moduleName = stmt.childForFieldName('module_name')?.text;
  return moduleName ? stmt.childrenForFieldName('name').flatMap((name) => bound(name, moduleName)) : [];
}

function bound(node: SyntaxNode, fromModule: string): Array<[string, string]> {
  // `from . import x` and `from .. import x` bind x to `.x` and `..x`, as `from .m import x` binds `.m.x`.
  const prefix = fromModule && !fromModule.endsWith('.') ? `${fromModule}.` : fromModule;
  if (node.type === 'aliased_import') {
    const target = node.childForFieldName('name')?.text;
    const alias = node.childForFieldName('alias')?.text;
    return target && alias ? [[alias, prefix + target]] : [];
  }
  if (node.type !== 'dotted_name') return [];
  if (fromModule) return [[node.text, prefix + node.text]];
  const first = node.text.split('.')[0]!;
  return [[first, first]];
}
