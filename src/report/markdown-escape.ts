import path from 'node:path';
import { printable } from './printable.js';

/*
 * Markdown building blocks for text that may come from the scanned repository. A PR comment is
 * rendered by GitHub, so untrusted text must not be able to open HTML, break a table, start a
 * link or @-mention (and so notify) anyone.
 */

/** Text for a table cell or a paragraph: one line, every Markdown-active character neutralised. */
export function mdText(text: string): string {
  // One pass, so the `#` of an inserted `&#64;` is not escaped in turn.
  return printable(text)
    .replace(/\n/g, ' ')
    .replace(/[&<>@\\`*_[\]|~#!]/g, (c) => HTML_ENTITIES[c] ?? `\\${c}`);
}

/** Inline code. Backticks cannot be escaped inside a span, so the fence outgrows every run inside. */
export function codeSpan(text: string): string {
  const body = printable(text).replace(/\n/g, ' ');
  const fence = '`'.repeat(longestRun(body, '`') + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Inline code in a table cell: GFM strips the `\|` at the table level, before the span is read. */
export function cellCode(text: string): string {
  return codeSpan(text.replace(/\|/g, '\\|'));
}

/** A fenced code block that no backtick run inside the code can close early. */
export function codeBlock(code: string, file: string): string {
  const body = printable(code);
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}${languageOf(file)}\n${body}\n${fence}`;
}

/** For text inside raw HTML such as `<summary>`, where Markdown is not parsed. */
export function htmlText(text: string): string {
  return printable(text).replace(/[&<>"@]/g, (c) => HTML_ENTITIES[c]!);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '@': '&#64;' };

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

const LANGUAGES: Record<string, string> = {
  '.py': 'python',
  '.pyi': 'python',
  '.sql': 'sql',
  '.ipynb': 'json',
  '.json': 'json',
  '.yml': 'yaml',
  '.yaml': 'yaml',
  '.toml': 'toml',
  '.tf': 'hcl',
  '.js': 'javascript',
  '.ts': 'typescript',
  '.sh': 'shell',
};

/** Info string for a fence, from the file name, so GitHub highlights the snippet. */
function languageOf(file: string): string {
  if (/^(.*\/)?dockerfile[^/]*$/i.test(file)) return 'dockerfile';
  return LANGUAGES[path.posix.extname(file).toLowerCase()] ?? '';
}
