import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;

let parser: Parser | undefined;

/** Parses Python source into a concrete syntax tree; one parser per thread, reused. */
export function parsePython(text: string): Tree {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Python as unknown as Parser.Language);
  }
  // The binding reads the string through a callback; a buffer size above the default keeps
  // large files from being fed in many small chunks.
  return parser.parse(text, undefined, { bufferSize: Math.max(text.length + 1, 32 * 1024) });
}
