import type { SyntaxNode } from './parser.js';
import type { Constant } from './values.js';

/**
 * A URL whose scheme and host are written out and closed by `/`, `?` or `#`: whatever follows can
 * pick a path or query on that host but not another host. Without the closing character the rest
 * could still move it (`"https://api.example.com" + "@evil.example/"`).
 */
const FIXED_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s{}%]+[/?#]/i;

/** A URL whose scheme is written out: it cannot turn into file:// or ftp://. */
const FIXED_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A local path written out up to a `/` with no `:` before it (`/data/`, `./in/`, `exports/`):
 * no scheme can precede it, so whatever follows cannot make it a URL. Leading whitespace is
 * no start, as requests and urllib strip it.
 */
const LOCAL_PATH = /^(?:\.{0,2}\/|[\w.-]+\/)/;

/**
 * How much of a URL built from parts — an f-string, `+`, `%` or `str.format` — its leading literal
 * text fixes: the host (and so the scheme), only the scheme, that it is a local path and no URL,
 * or nothing. What is spliced in after a fixed host picks a path or query on it, not where the
 * request goes (the SSRF remediation).
 */
export function fixedUrlPart(node: SyntaxNode, constantOf: (node: SyntaxNode) => Constant | undefined): 'host' | 'scheme' | 'local-path' | undefined {
  const text = leadingLiteralText(node, constantOf);
  if (text === undefined) return undefined;
  if (FIXED_HOST.test(text)) return 'host';
  if (FIXED_SCHEME.test(text)) return 'scheme';
  return LOCAL_PATH.test(text) ? 'local-path' : undefined;
}

const MAX_DEPTH = 16;

/** The literal text a string built from parts starts with, up to its first non-literal part. */
export function leadingLiteralText(node: SyntaxNode, constantOf: (node: SyntaxNode) => Constant | undefined): string | undefined {
  return leadingText(node, constantOf, 0);
}

function leadingText(node: SyntaxNode, constantOf: (node: SyntaxNode) => Constant | undefined, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const constant = constantOf(node);
  if (typeof constant === 'string') return constant;
  switch (node.type) {
    case 'string':
      return fStringHead(node);
    case 'concatenated_string':
    case 'parenthesized_expression':
      return node.namedChildren[0] ? leadingText(node.namedChildren[0], constantOf, depth + 1) : undefined;
    case 'binary_operator': {
      const left = node.childForFieldName('left');
      const operator = node.childForFieldName('operator')?.text;
      if (!left) return undefined;
      if (operator === '+') return leadingText(left, constantOf, depth + 1);
      const format = constantOf(left);
      return operator === '%' && typeof format === 'string' ? format.split('%')[0] : undefined;
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      const receiver = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format' ? fn.childForFieldName('object') : null;
      const format = receiver ? constantOf(receiver) : undefined;
      return typeof format === 'string' ? format.split('{')[0] : undefined;
    }
    default:
      return undefined;
  }
}

/** An f-string's text before its first replacement field. */
function fStringHead(node: SyntaxNode): string {
  let head = '';
  for (const part of node.namedChildren) {
    if (part.type === 'interpolation') break;
    if (part.type === 'string_content') head += part.text;
  }
  return head;
}
