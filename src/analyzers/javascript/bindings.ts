import type { SyntaxNode } from './parser.js';

/**
 * What a name is bound to somewhere in the file. Scope is ignored: a name means the union of all
 * its bindings, which is what a reviewer skimming the file would assume too.
 */
export type Binding =
  | { kind: 'assign'; value: SyntaxNode }
  | { kind: 'augment'; operator: string; value: SyntaxNode }
  /** `const { exec: run } = object` (key 'exec') and `const [, file] = object` (no key). */
  | { kind: 'member'; object: SyntaxNode; key: string | undefined }
  /** An ESM import: the module, or one of its exports. */
  | { kind: 'import'; name: string };

export type Bindings = Map<string, Binding[]>;

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

export function collectBindings(root: SyntaxNode): Bindings {
  const bindings: Bindings = new Map();
  const add = (name: string, binding: Binding) => {
    const list = bindings.get(name);
    if (list) list.push(binding);
    else bindings.set(name, [binding]);
  };
  for (const node of root.descendantsOfType(['variable_declarator', 'assignment_expression', 'augmented_assignment_expression', 'import_statement'])) {
    if (node.type === 'import_statement') {
      collectImport(node, add);
      continue;
    }
    const target = node.childForFieldName(node.type === 'variable_declarator' ? 'name' : 'left');
    const value = node.childForFieldName(node.type === 'variable_declarator' ? 'value' : 'right');
    if (!target || !value) continue;
    if (node.type === 'augmented_assignment_expression') {
      if (target.type === 'identifier') add(target.text, { kind: 'augment', operator: node.childForFieldName('operator')?.text ?? '', value });
    } else if (target.type === 'identifier') {
      add(target.text, { kind: 'assign', value });
    } else {
      collectPattern(target, value, add);
    }
  }
  return bindings;
}

type Add = (name: string, binding: Binding) => void;

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
