import type { Range } from '../../../core/make-finding.js';
import type { Expr } from './hcl-syntax.js';
import { parseHcl } from './parse-hcl.js';

/**
 * A string of Terraform's JSON syntax read as the template it is there: literal text with
 * `${ expression }` interpolations (`$${` and `%%{` escape them) and `%{ … }` directives. Each
 * interpolation is parsed as native syntax, so references, calls and `jsonencode({…})` evaluate
 * exactly as in a .tf file. The JSON string is one token, so every part sits at its range.
 */
export function readTemplateString(text: string, range: Range, problems: string[]): Expr {
  if (!/[$%]\{/.test(text)) return { t: 'literal', value: text, range };
  const parts: Array<string | Expr> = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const opener = text.startsWith('${', i) ? '$' : text.startsWith('%{', i) ? '%' : undefined;
    if (!opener) {
      literal += text[i++];
      continue;
    }
    if (i > 0 && text[i - 1] === opener && isEscape(text, i - 1)) {
      // `$${` is a literal `${`: the first `$` was taken as text, the second is dropped.
      literal += '{';
      i += 2;
      continue;
    }
    const end = closingBrace(text, i + 2);
    if (end === undefined) {
      problems.push(`line ${range.startLine}: unterminated "${opener}{" in a Terraform JSON string`);
      return { t: 'other', range };
    }
    if (literal) parts.push(literal);
    literal = '';
    parts.push(opener === '$' ? interpolation(text.slice(i + 2, end), range, problems) : { t: 'other', range });
    i = end + 1;
  }
  if (literal) parts.push(literal);
  // Only escapes: the text is a plain string after all.
  if (parts.every((p) => typeof p === 'string')) return { t: 'literal', value: parts.join(''), range };
  return { t: 'template', parts, range };
}

/** Is the `$`/`%` at `at` the first of an escaping pair (`$${`), counting runs of them? */
function isEscape(text: string, at: number): boolean {
  let run = 0;
  for (let j = at; j >= 0 && text[j] === text[at]; j--) run++;
  return run % 2 === 1;
}

/** The index of the `}` closing a template sequence opened before `from`, skipping nested braces and quoted strings. */
function closingBrace(text: string, from: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

function interpolation(source: string, range: Range, problems: string[]): Expr {
  // `${~ x ~}` strip markers only trim whitespace around the sequence.
  const inner = source.replace(/^~/, '').replace(/~$/, '').trim();
  const parsed = parseHcl(`x = ${inner}\n`);
  const expr = parsed.attributes.length === 1 && parsed.blocks.length === 0 ? parsed.attributes[0]!.expr : undefined;
  if (!expr || parsed.problems.length > 0) {
    problems.push(`line ${range.startLine}: invalid expression in "\${${firstLine(inner)}}"`);
    return { t: 'other', range };
  }
  return at(expr, range);
}

/** A copy of a syntax tree with every range moved to `range`. */
function at<T>(node: T, range: Range): T {
  if (Array.isArray(node)) return node.map((n) => at(n, range)) as T;
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'range' ? range : at(value, range)])) as T;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!;
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}
