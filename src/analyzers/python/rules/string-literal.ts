import type { SyntaxNode } from '../parser.js';
import type { PythonContext } from '../python-rule.js';

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };

/**
 * The text of a str literal, escapes decoded as Python does. The value classifier leaves strings
 * with escape sequences unknown; regex rules need them, since "\\d+" spelt without r"" is common.
 * Undefined for f-strings with fields, bytes, and escapes this decoder does not know (\N{…}).
 */
export function stringText(node: SyntaxNode, ctx: PythonContext): string | undefined {
  const constant = ctx.constantOf(node);
  if (typeof constant === 'string') return constant;
  if (node.type === 'concatenated_string') {
    const parts = node.namedChildren.map((part) => stringText(part, ctx));
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  const prefix = (node.firstChild?.text ?? '').replace(/['"]+$/, '').toLowerCase();
  if (prefix.includes('b') || node.namedChildren.some((c) => c.type === 'interpolation')) return undefined;
  const content = node.namedChildren.filter((c) => c.type === 'string_content').map((c) => c.text).join('');
  return prefix.includes('r') ? content : decodeEscapes(content);
}

function decodeEscapes(text: string): string | undefined {
  let unknown = false;
  const decoded = text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]*\}|\n|.)/g, (whole, esc: string) => {
    if (esc === '\n') return '';
    if (SIMPLE_ESCAPES[esc] !== undefined && !/^[0-7]{2,}$/.test(esc)) return SIMPLE_ESCAPES[esc];
    if (/^[xuU]/.test(esc)) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    if (/^[0-7]+$/.test(esc)) return String.fromCodePoint(parseInt(esc, 8));
    if (esc.startsWith('N{')) unknown = true;
    // Python keeps unknown escapes as written: "\d" is backslash and d.
    return whole;
  });
  return unknown ? undefined : decoded;
}
