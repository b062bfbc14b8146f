import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import { excessSyntaxNodes, MAX_COPIED_SYNTAX_NODES } from '../../core/syntax-node-limit.js';
import { SyntaxTree, typesWithFields } from './syntax-tree.js';

export type { SyntaxNode } from './syntax-tree.js';
export type Tree = SyntaxTree;

/**
 * tree-sitter-python's external scanner saves its stack of indentation widths in a 1024-byte
 * buffer and, when the stack is deep, writes past it: a native assertion then aborts the whole
 * process. The stacked widths strictly increase, so while every line is indented less than
 * this many columns the stack stays small enough. Python itself allows only 100 levels.
 */
const MAX_INDENT_COLUMNS = 380;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const FORM_FEED = 12;
const SPACE = 32;
const TAB = 9;
const BACKSLASH = 92;

/** Source the parser cannot be trusted with; the file is reported instead of parsed. */
export class UnparseableSource extends Error {}

let parser: Parser | undefined;
const FIELD_PARENTS = typesWithFields(Python.nodeTypeInfo);

/** Parses Python source into a concrete syntax tree; one parser per thread, reused. */
export function parsePython(text: string): SyntaxTree {
  const deepest = deepestIndent(text);
  if (deepest.columns >= MAX_INDENT_COLUMNS) {
    throw new UnparseableSource(
      `line ${deepest.line} is indented ${deepest.columns} columns; the Python parser cannot safely handle indentation ` +
        `of ${MAX_INDENT_COLUMNS} columns or more, so the file was not analysed`,
    );
  }
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Python as unknown as Parser.Language);
  }
  // The binding reads the string through a callback; a buffer size above the default keeps
  // large files from being fed in many small chunks.
  const native = parser.parse(text, undefined, { bufferSize: Math.max(text.length + 1, 32 * 1024) });
  const excess = excessSyntaxNodes(native, MAX_COPIED_SYNTAX_NODES);
  if (excess) throw new UnparseableSource(excess);
  return new SyntaxTree(native, text, FIELD_PARENTS);
}

/**
 * The widest indentation as the grammar's scanner measures it: a space is one column, a tab
 * eight; a newline, carriage return or form feed starts over, and a backslash-newline joins
 * lines without starting over.
 */
function deepestIndent(text: string): { columns: number; line: number } {
  const deepest = { columns: 0, line: 0 };
  let columns = 0;
  let line = 1;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE || c === CARRIAGE_RETURN || c === FORM_FEED) {
      if (c === NEWLINE) line++;
      columns = 0;
      leading = true;
    } else if (!leading) {
      continue;
    } else if (c === SPACE || c === TAB) {
      columns += c === TAB ? 8 : 1;
      if (columns > deepest.columns) Object.assign(deepest, { columns, line });
    } else if (c === BACKSLASH && isLineBreakAt(text, i + 1)) {
      i += text.charCodeAt(i + 1) === CARRIAGE_RETURN ? 2 : 1;
      line++;
    } else {
      leading = false;
    }
  }
  return deepest;
}

function isLineBreakAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === NEWLINE || (c === CARRIAGE_RETURN && text.charCodeAt(i + 1) === NEWLINE);
}
