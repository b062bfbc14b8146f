import type { SyntaxNode } from './parser.js';

/**
 * Maps each name an import statement binds to the dotted name it stands for:
 * `import pickle as p` binds p → pickle, `from yaml import load as l` binds l → yaml.load,
 * `import os.path` binds os → os, `from . import util` binds util → .util (relative names keep
 * their dots). Imports anywhere in the file count, since Python code often
 * imports inside functions.
 */
export function collectImports(root: SyntaxNode): Map<string, string> {
  const bindings = new Map<string, string>();
  for (const stmt of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (stmt.type === 'import_statement') {
      for (const name of stmt.namedChildren) bindImport(bindings, name, '');
      continue;
    }
    const moduleNode = stmt.childForFieldName('module_name');
    if (!moduleNode) continue;
    const moduleName = moduleNode.text;
    for (const name of stmt.childrenForFieldName('name')) bindImport(bindings, name, moduleName);
  }
  return bindings;
}

function bindImport(bindings: Map<string, string>, node: SyntaxNode, fromModule: string): void {
  // `from . import x` and `from .. import x` bind x to `.x` and `..x`, as `from .m import x` binds `.m.x`.
  const prefix = fromModule && !fromModule.endsWith('.') ? `${fromModule}.` : fromModule;
  if (node.type === 'aliased_import') {
    const target = node.childForFieldName('name')?.text;
    const alias = node.childForFieldName('alias')?.text;
    if (target && alias) bindings.set(alias, prefix + target);
  } else if (node.type === 'dotted_name') {
    if (fromModule) bindings.set(node.text, prefix + node.text);
    else bindings.set(node.text.split('.')[0]!, node.text.split('.')[0]!);
  }
}
