import { LineIndex } from './lines.js';

/** A `{{ … }}`, `{% … %}` or `{# … #}` block of a dbt/Jinja template, by offsets into the raw text. */
export interface JinjaBlock {
  kind: 'expression' | 'statement' | 'comment';
  /** Offset of the opening brace. */
  start: number;
  /** Offset just past the closing brace. */
  end: number;
  /** The text between the delimiters, whitespace-control dashes included. */
  body: string;
}

export interface JinjaScan {
  blocks: JinjaBlock[];
  /**
   * The text with every block overwritten, offsets and newlines kept: an expression becomes a run
   * of `_` (so the SQL tokenizer sees one opaque word where the value is spliced, and knows whether
   * that word sits in a string or a comment), statements and comments become spaces.
   */
  masked: string;
  problems: string[];
}

const OPENERS: Record<string, { kind: JinjaBlock['kind']; close: string }> = {
  '{': { kind: 'expression', close: '}}' },
  '%': { kind: 'statement', close: '%}' },
  '#': { kind: 'comment', close: '#}' },
};

/**
 * Finds the template blocks. Jinja renders before the database parses anything, so blocks are
 * found in the raw text regardless of SQL quoting; quotes inside a block are Jinja's own strings.
 */
export function scanJinja(text: string): JinjaScan {
  const blocks: JinjaBlock[] = [];
  const problems: string[] = [];
  for (let i = text.indexOf('{'); i !== -1 && i + 1 < text.length; i = text.indexOf('{', i + 1)) {
    const opener = OPENERS[text[i + 1]!];
    if (!opener) continue;
    const close = opener.kind === 'comment' ? text.indexOf(opener.close, i + 2) : closingOf(text, i + 2, opener.close);
    if (close === -1) {
      problems.push(`unterminated Jinja block at line ${new LineIndex(text).position(i).line}; the rest of the file was read as plain SQL`);
      break;
    }
    const end = close + 2;
    blocks.push({ kind: opener.kind, start: i, end, body: text.slice(i + 2, close) });
    i = end - 1;
  }
  return { blocks, masked: mask(text, blocks), problems };
}

/** Offset of `close` after `from`, skipping Jinja string literals; -1 when there is none. */
function closingOf(text: string, from: number, close: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      i = stringEnd(text, i);
      if (i === -1) return -1;
    } else if (c === close[0] && text[i + 1] === close[1]) {
      return i;
    }
  }
  return -1;
}

/** Offset of the quote closing the Jinja string opened at `open`; -1 when unterminated. */
export function stringEnd(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

function mask(text: string, blocks: JinjaBlock[]): string {
  if (blocks.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const block of blocks) {
    parts.push(text.slice(at, block.start));
    const filler = block.kind === 'expression' ? '_' : ' ';
    parts.push(text.slice(block.start, block.end).replace(/[^\r\n]/g, filler));
    at = block.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

