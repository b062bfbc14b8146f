import { createRequire } from 'node:module';
import Parser from 'tree-sitter';
import JavaScript from 'tree-sitter-javascript';

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;

/** The grammar a file needs: TypeScript's own for .ts/.mts/.cts, its JSX variant for .tsx. */
export type Dialect = 'javascript' | 'typescript' | 'tsx';

// tree-sitter-typescript ships CommonJS with two grammars on one export object.
const TypeScript = createRequire(import.meta.url)('tree-sitter-typescript') as { typescript: unknown; tsx: unknown };
const LANGUAGES: Record<Dialect, unknown> = { javascript: JavaScript, typescript: TypeScript.typescript, tsx: TypeScript.tsx };

export function dialectOf(file: string): Dialect {
  const ext = /\.[^./]+$/.exec(file.toLowerCase())?.[0];
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') return 'typescript';
  return ext === '.tsx' ? 'tsx' : 'javascript';
}

const parsers = new Map<Dialect, Parser>();

/** Parses a script into a concrete syntax tree; one parser per grammar per thread, reused. */
export function parseScript(text: string, dialect: Dialect): Tree {
  let parser = parsers.get(dialect);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(LANGUAGES[dialect] as Parser.Language);
    parsers.set(dialect, parser);
  }
  const source = dialect === 'javascript' ? text : blankTypeReexports(text);
  // As for Python: a buffer above the default keeps large files from being fed in small chunks.
  return parser.parse(source, undefined, { bufferSize: Math.max(source.length + 1, 32 * 1024) });
}

/** `export type * from "./types"` and `export type * as T from …` (TypeScript 5.0), whole statements. */
const TYPE_REEXPORT = /^[ \t]*export[ \t]+type[ \t]+\*(?:[ \t]+as[ \t]+[\w$]+)?[ \t]+from[ \t]*(["'])[^"'\n]*\1[ \t]*;?/gm;

/**
 * The grammar (tree-sitter-typescript 0.23, the latest) predates type-only star re-exports and
 * reads one as a syntax error. They hold no code that runs, so they are blanked — spaces of the
 * same length, keeping every offset and line — rather than reported as a broken file.
 */
function blankTypeReexports(text: string): string {
  return text.includes('export type') ? text.replace(TYPE_REEXPORT, (statement) => ' '.repeat(statement.length)) : text;
}

/** Wrappers that do not change a value: parentheses, TypeScript assertions, await. */
const TRANSPARENT = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion', 'await_expression']);

/** The expression inside any transparent wrappers. */
export function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  for (let i = 0; i < 64 && TRANSPARENT.has(current.type); i++) {
    // type_assertion is `<T>expr`: the expression is its last named child.
    const inner = current.type === 'type_assertion' ? current.lastNamedChild : current.firstNamedChild;
    if (!inner) break;
    current = inner;
  }
  return current;
}
