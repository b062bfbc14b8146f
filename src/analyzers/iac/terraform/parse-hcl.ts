import Parser from 'tree-sitter';
import HCL from '@tree-sitter-grammars/tree-sitter-hcl';
import { nodeRange } from '../../../core/make-finding.js';
import { excessSyntaxNodes, MAX_COPIED_SYNTAX_NODES } from '../../../core/syntax-node-limit.js';
import type { Expr, HclAttribute, HclBlock } from './hcl-syntax.js';

type Node = Parser.SyntaxNode;

/** Deeper expressions than this are left unknown: no real configuration nests so far. */
const MAX_DEPTH = 100;
const MAX_PROBLEMS = 5;

let parser: Parser | undefined;

export interface ParsedHcl {
  blocks: HclBlock[];
  attributes: HclAttribute[];
  problems: string[];
}

/** Parses HCL into plain syntax; syntax errors tree-sitter recovered from become problems. */
export function parseHcl(text: string): ParsedHcl {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(HCL as Parser.Language);
  }
  const tree = parser.parse(text);
  const excess = excessSyntaxNodes(tree, MAX_COPIED_SYNTAX_NODES);
  if (excess) return { blocks: [], attributes: [], problems: [excess] };
  const body = tree.rootNode.namedChildren.find((n) => n.type === 'body');
  const { blocks, attributes } = body ? readBody(body) : { blocks: [], attributes: [] };
  return { blocks, attributes, problems: tree.rootNode.hasError ? syntaxProblems(tree.rootNode) : [] };
}

function syntaxProblems(root: Node): string[] {
  const problems: string[] = [];
  const visit = (node: Node): void => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (node.isMissing) problems.push(`HCL syntax error at line ${node.startPosition.row + 1}: missing "${node.type}"`);
    else if (node.type === 'ERROR') problems.push(`HCL syntax error at line ${node.startPosition.row + 1}: unexpected "${firstLine(node.text)}"`);
    else if (node.hasError) for (const child of node.children) visit(child);
  };
  visit(root);
  return problems.length > 0 ? problems : ['HCL syntax error'];
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

function readBody(body: Node): { blocks: HclBlock[]; attributes: HclAttribute[] } {
  const blocks: HclBlock[] = [];
  const attributes: HclAttribute[] = [];
  for (const child of body.namedChildren) {
    if (child.type === 'block') blocks.push(readBlock(child));
    else if (child.type === 'attribute') {
      const name = child.namedChildren.find((n) => n.type === 'identifier');
      const expr = child.namedChildren.find((n) => n.type === 'expression');
      if (name && expr) attributes.push({ name: name.text, range: nodeRange(child), expr: readExpr(expr, 0) });
    }
  }
  return { blocks, attributes };
}

function readBlock(node: Node): HclBlock {
  const [type, ...rest] = node.namedChildren;
  const labels = rest.filter((n) => n.type === 'string_lit' || n.type === 'identifier').map((n) => (n.type === 'identifier' ? n.text : unquote(n)));
  const body = node.namedChildren.find((n) => n.type === 'body');
  const range = nodeRange(node);
  // Findings about a block point at its header line, not at its whole body.
  const header = { startLine: range.startLine, startColumn: range.startColumn, endLine: range.startLine, endColumn: range.startColumn + firstLine(node.text).length };
  return { type: type?.text ?? '', labels, range: header, ...(body ? readBody(body) : { blocks: [], attributes: [] }) };
}

/** A string literal's text between its quotes (its template_literal drops trailing spaces). */
function unquote(stringLit: Node): string {
  const { text } = stringLit;
  return unescape(text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text);
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function unescape(text: string): string {
  return text
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (m, c: string) =>
      c.length > 1 ? String.fromCodePoint(parseInt(c.slice(1), 16)) : (ESCAPES[c] ?? m),
    )
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

function readExpr(node: Node, depth: number): Expr {
  const range = nodeRange(node);
  if (depth > MAX_DEPTH) return { t: 'other', range };
  const kids = node.namedChildren;
  switch (node.type) {
    case 'expression': {
      const first = kids[0];
      if (!first) return { t: 'other', range };
      if (first.type === 'variable_expr') return readTraversal(first.text, kids.slice(1), range, depth);
      // One child: a literal, a call, or the inside of `( … )`.
      if (kids.length === 1) return readExpr(first, depth + 1);
      return { t: 'other', range };
    }
    case 'literal_value':
      return readLiteral(kids[0], range);
    case 'template_expr':
      return readTemplate(kids[0], range, depth);
    case 'collection_value':
      return kids[0] ? readExpr(kids[0], depth + 1) : { t: 'other', range };
    case 'tuple':
      return { t: 'tuple', items: kids.filter((k) => k.type === 'expression').map((k) => readExpr(k, depth + 1)), range };
    case 'object':
      return {
        t: 'object',
        entries: kids
          .filter((k) => k.type === 'object_elem')
          .map((elem) => {
            const [key, value] = elem.namedChildren.filter((k) => k.type === 'expression');
            return { key: readKey(key!, depth), value: value ? readExpr(value, depth + 1) : { t: 'other', range: nodeRange(elem) } };
          }),
        range,
      };
    case 'function_call': {
      const name = kids.find((k) => k.type === 'identifier')?.text ?? '';
      const args = kids.find((k) => k.type === 'function_arguments')?.namedChildren.filter((k) => k.type === 'expression') ?? [];
      return { t: 'call', name, args: args.map((a) => readExpr(a, depth + 1)), range };
    }
    case 'conditional': {
      const [condition, then, otherwise] = kids.map((k) => readExpr(k, depth + 1));
      return condition && then && otherwise ? { t: 'conditional', condition, then, otherwise, range } : { t: 'other', range };
    }
    case 'operation':
      return kids[0] ? readExpr(kids[0], depth + 1) : { t: 'other', range };
    case 'unary_operation':
      return { t: 'unary', op: node.children[0]!.type, operand: readOperand(node.children.slice(1), range, depth), range };
    case 'binary_operation': {
      // Operands are not wrapped: `var.env == "dev"` is variable_expr, get_attr, ==, literal_value.
      const at = node.children.findIndex((c) => !c.isNamed);
      if (at <= 0) return { t: 'other', range };
      const op = node.children[at]!.type;
      return { t: 'binary', op, left: readOperand(node.children.slice(0, at), range, depth), right: readOperand(node.children.slice(at + 1), range, depth), range };
    }
    case 'variable_expr':
      return { t: 'traversal', root: node.text, steps: [], range };
    case 'for_expr':
      return kids[0] ? readExpr(kids[0], depth + 1) : { t: 'other', range };
    case 'for_tuple_expr':
    case 'for_object_expr':
      return readFor(node, range, depth);
    default:
      return { t: 'other', range };
  }
}

function readFor(node: Node, range: Expr['range'], depth: number): Expr {
  const kids = node.namedChildren;
  const intro = kids.find((k) => k.type === 'for_intro');
  const names = intro?.namedChildren.filter((k) => k.type === 'identifier').map((k) => k.text) ?? [];
  const collection = intro?.namedChildren.find((k) => k.type === 'expression');
  const parts = kids.filter((k) => k.type === 'expression').map((k) => readExpr(k, depth + 1));
  const condition = kids.find((k) => k.type === 'for_cond')?.namedChildren.find((k) => k.type === 'expression');
  const objectForm = node.type === 'for_object_expr';
  const valueName = names.at(-1);
  if (!collection || !valueName || parts.length !== (objectForm ? 2 : 1)) return { t: 'other', range };
  return {
    t: 'for',
    ...(names.length === 2 ? { keyName: names[0] } : {}),
    valueName,
    collection: readExpr(collection, depth + 1),
    ...(objectForm ? { key: parts[0] } : {}),
    value: parts.at(-1)!,
    ...(condition ? { condition: readExpr(condition, depth + 1) } : {}),
    grouped: kids.some((k) => k.type === 'ellipsis'),
    range,
  };
}

function readOperand(nodes: Node[], range: Expr['range'], depth: number): Expr {
  const [first, ...rest] = nodes;
  if (!first) return { t: 'other', range };
  return first.type === 'variable_expr' ? readTraversal(first.text, rest, nodeRange(first), depth) : readExpr(first, depth + 1);
}

/** Object keys: a bare word is the key itself, not a variable reference. */
function readKey(node: Node, depth: number): Expr {
  const only = node.namedChildren;
  if (only.length === 1 && only[0]!.type === 'variable_expr') return { t: 'literal', value: only[0]!.text, range: nodeRange(node) };
  return readExpr(node, depth + 1);
}

function readLiteral(node: Node | undefined, range: Expr['range']): Expr {
  switch (node?.type) {
    case 'string_lit':
      return { t: 'literal', value: unquote(node), range };
    case 'numeric_lit':
      return { t: 'literal', value: Number(node.text), range };
    case 'bool_lit':
      return { t: 'literal', value: node.text === 'true', range };
    case 'null_lit':
      return { t: 'literal', value: null, range };
    default:
      return { t: 'other', range };
  }
}

function readTemplate(node: Node | undefined, range: Expr['range'], depth: number): Expr {
  if (!node) return { t: 'other', range };
  const parts: Array<string | Expr> = [];
  const heredoc = node.type === 'heredoc_template';
  // The grammar leaves the spaces next to an interpolation out of every template_literal, so a
  // quoted string's literal text is read from the source between the interpolations instead.
  const text = node.text;
  let literalFrom = node.children.find((c) => c.type === 'quoted_template_start')?.endIndex;
  const literalUpTo = (end: number): void => {
    if (literalFrom !== undefined && end > literalFrom) parts.push(unescape(text.slice(literalFrom - node.startIndex, end - node.startIndex)));
  };
  for (const part of node.namedChildren) {
    if (part.type === 'template_literal') {
      if (heredoc) parts.push(part.text);
      continue;
    }
    literalUpTo(part.startIndex);
    if (literalFrom !== undefined) literalFrom = part.endIndex;
    if (part.type === 'template_interpolation') {
      const inner = part.namedChildren.find((k) => k.type === 'expression');
      parts.push(inner ? readExpr(inner, depth + 1) : { t: 'other', range: nodeRange(part) });
    } else if (part.type === 'template_directive') parts.push({ t: 'other', range: nodeRange(part) });
  }
  const end = node.children.find((c) => c.type === 'quoted_template_end');
  if (end) literalUpTo(end.startIndex);
  return { t: 'template', parts, range };
}

function readTraversal(root: string, steps: Node[], range: Expr['range'], depth: number): Expr {
  const out: Array<string | number | Expr> = [];
  for (const step of steps) {
    if (step.type === 'get_attr') out.push(step.namedChildren.find((k) => k.type === 'identifier')?.text ?? '');
    else if (step.type === 'index') {
      const inner = step.namedChildren[0];
      if (inner?.type === 'legacy_index') out.push(Number(inner.text.slice(1)));
      else {
        const key = inner?.namedChildren.find((k) => k.type === 'expression');
        out.push(key ? readExpr(key, depth + 1) : { t: 'other', range });
      }
    } else return { t: 'other', range }; // splats: a list of every instance's value
  }
  return { t: 'traversal', root, steps: out, range };
}
