import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import { describe, expect, it } from 'vitest';
import { parsePython } from '../../../src/analyzers/python/parser.js';
import type { SyntaxNode } from '../../../src/analyzers/python/syntax-tree.js';

/** Field names the analysis asks for. */
const FIELDS = ['left', 'right', 'name', 'value', 'body', 'function', 'arguments', 'object', 'attribute', 'operator', 'condition', 'consequence', 'alias', 'module_name', 'parameters', 'superclasses', 'definition', 'key', 'subscript', 'argument', 'type', 'operators'];

const SAMPLES: Record<string, string> = {
  'calls, fields and comments': 'import os, sys as s\nfrom a.b import (c, d as e)  # two\nx = os.path.join(s.argv[1], "é")\nprint(x, sep="")\n',
  'non-ASCII text and surrogate pairs': 'é = "😀"; y = 1\n  \t\nz = f"{é!r:>{y}} ü" + q\n',
  'CRLF line ends': 'def f(a, *b, c=1, **d):\r\n    return a if a not in b else c is not None\r\n',
  'classes, decorators, comprehensions': '@app.route("/x")\nclass K(Base, metaclass=M):\n    """doc"""\n    def m(self) -> int:\n        return [i for i in self.x if i]\n',
  'match statement and lambdas': 'match cmd:\n    case [x, *rest] if x > 0:\n        f = lambda y=x: y\n    case {"k": v}:\n        pass\n',
  'syntax errors and missing tokens': 'def broken(:\n    x = (1, 2\nprint("unclosed\nfor in range(3): pass\n',
  'empty file': '',
};

function nativeRoot(code: string): Parser.SyntaxNode {
  const parser = new Parser();
  parser.setLanguage(Python as unknown as Parser.Language);
  return parser.parse(code).rootNode;
}

function shape(node: SyntaxNode | Parser.SyntaxNode): unknown {
  return {
    type: node.type,
    range: [node.startIndex, node.endIndex, node.startPosition, node.endPosition],
    text: node.text,
    flags: [node.isNamed, node.isMissing, node.hasError],
    fields: Object.fromEntries(FIELDS.map((f) => [f, [node.childForFieldName(f)?.startIndex, node.childrenForFieldName(f).map((c) => c.type)]])),
    named: node.namedChildren.map((c) => c.type),
    children: node.children.map(shape),
  };
}

describe('SyntaxTree (the JavaScript copy of a tree-sitter tree)', () => {
  for (const [name, code] of Object.entries(SAMPLES)) {
    it(`matches the tree-sitter binding node for node: ${name}`, () => {
      const mirror = parsePython(code).rootNode;
      const native = nativeRoot(code);
      expect(shape(mirror)).toEqual(shape(native));
      for (const types of ['call', ['identifier', 'string'], ['ERROR', 'return_statement', 'lambda']]) {
        expect(mirror.descendantsOfType(types).map((n) => [n.type, n.startIndex])).toEqual(native.descendantsOfType(types).map((n) => [n.type, n.startIndex]));
      }
    });
  }

  it('lists descendants of a subtree only, the node itself included', () => {
    const root = parsePython('def f():\n    def g():\n        return 1\n    return 2\nreturn 3\n').rootNode;
    const [f, g] = root.descendantsOfType('function_definition');
    expect(f!.descendantsOfType('return_statement').map((r) => r.text)).toEqual(['return 1', 'return 2']);
    expect(g!.descendantsOfType(['return_statement', 'function_definition']).map((r) => r.type)).toEqual(['function_definition', 'return_statement']);
  });

  it('finds the smallest named node around an offset range, as tree-sitter does', () => {
    const code = 'import sys\nname = sys.argv[1]\nenv = os.environ.get("K")\n';
    const mirror = parsePython(code).rootNode;
    const native = nativeRoot(code);
    for (const word of ['argv', 'environ', 'name', 'get']) {
      const at = code.indexOf(word);
      const a = mirror.namedDescendantForIndex(at, at + word.length);
      const b = native.namedDescendantForIndex(at, at + word.length);
      expect([a.type, a.startIndex, a.parent?.type]).toEqual([b.type, b.startIndex, b.parent?.type]);
    }
  });

  it('links parents and siblings', () => {
    const root = parsePython('a = b + c\n').rootNode;
    const plus = root.descendantsOfType('binary_operator')[0]!;
    const [left, op, right] = plus.children;
    expect(left!.parent).toBe(plus);
    expect(left!.nextSibling).toBe(op);
    expect(left!.nextNamedSibling).toBe(right);
    expect(right!.previousNamedSibling).toBe(left);
    expect(plus.parent?.childForFieldName('right')).toBe(plus);
  });
});
