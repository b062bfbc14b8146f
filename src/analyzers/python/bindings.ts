import type { SyntaxNode } from './parser.js';

/** One way a name gets a value somewhere in the file. */
export type Binding =
  | { kind: 'assign'; value: SyntaxNode }
  | { kind: 'augment'; operator: string; value: SyntaxNode }
  | { kind: 'with'; value: SyntaxNode }
  | { kind: 'class'; node: SyntaxNode }
  | { kind: 'other' };

const TARGET_OWNERS = [
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
 * Every binding of every plain name in the file, flow-insensitively. Names are merged across
 * scopes, which is conservative for the questions asked of it ("is this name only ever a
 * literal?", "what call produced this object?"): any non-simple binding anywhere makes the
 * answer "unknown".
 */
export function collectBindings(root: SyntaxNode): Map<string, Binding[]> {
  const bindings = new Map<string, Binding[]>();
  const add = (name: string, binding: Binding) => {
    const list = bindings.get(name);
    if (list) list.push(binding);
    else bindings.set(name, [binding]);
  };

  for (const node of root.descendantsOfType(['assignment', 'augmented_assignment', 'with_item', ...TARGET_OWNERS])) {
    switch (node.type) {
      case 'assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (left?.type === 'identifier' && right) add(left.text, { kind: 'assign', value: right });
        else if (left) for (const name of targetNames(left)) add(name, { kind: 'other' });
        break;
      }
      case 'augmented_assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const operator = node.childForFieldName('operator')?.text ?? '';
        if (left?.type === 'identifier' && right) add(left.text, { kind: 'augment', operator, value: right });
        else if (left) for (const name of targetNames(left)) add(name, { kind: 'other' });
        break;
      }
      case 'with_item': {
        const value = node.childForFieldName('value');
        if (value?.type === 'as_pattern') {
          const alias = value.childForFieldName('alias');
          const source = value.namedChildren[0];
          const names = alias ? targetNames(alias) : [];
          if (names.length === 1 && alias?.namedChildren.length === 1 && source) add(names[0]!, { kind: 'with', value: source });
          else for (const name of names) add(name, { kind: 'other' });
        }
        break;
      }
      case 'class_definition': {
        const name = node.childForFieldName('name');
        if (name) add(name.text, { kind: 'class', node });
        break;
      }
      case 'function_definition': {
        const name = node.childForFieldName('name');
        if (name) add(name.text, { kind: 'other' });
        break;
      }
      case 'for_statement':
      case 'for_in_clause': {
        const left = node.childForFieldName('left');
        if (left) for (const name of targetNames(left)) add(name, { kind: 'other' });
        break;
      }
      case 'except_clause': {
        // Only the `as` target is bound; the exception classes are merely read.
        const value = node.childForFieldName('value');
        const alias = value?.type === 'as_pattern' ? value.childForFieldName('alias') : null;
        if (alias) for (const name of targetNames(alias)) add(name, { kind: 'other' });
        break;
      }
      case 'named_expression': {
        const name = node.childForFieldName('name');
        if (name) add(name.text, { kind: 'other' });
        break;
      }
      default:
        // parameters, global/nonlocal: every identifier bound there is opaque.
        for (const name of targetNames(node)) add(name, { kind: 'other' });
    }
  }
  return bindings;
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
