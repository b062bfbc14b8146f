import type { ReportOptions, SourceFile } from '../../core/analyzer.js';
import type { RuleMeta } from '../../core/rule.js';
import type { CallSite } from './call-site.js';
import type { SyntaxNode } from './parser.js';
import type { TaintChecker } from './taint/checker.js';
import type { Constant, TemplatePiece, ValueKind } from './values.js';

/** What a Python rule can ask about the file it is checking. */
export interface PythonContext {
  /** The file as the analysis sees it (a notebook's code is analysed under the notebook's path). */
  file: Pick<SourceFile, 'path' | 'text'>;
  /** Where the value comes from; in a shell `context` shell-quoted parts count as harmless too, in an html one HTML-escaped parts. */
  kindOf(node: SyntaxNode, context?: 'shell' | 'html'): ValueKind;
  /** The exact value of a literal (or of a name only ever assigned that literal). */
  constantOf(node: SyntaxNode): Constant | undefined;
  /** Python truthiness of a constant expression; undefined when the value is not known. */
  truthOf(node: SyntaxNode): boolean | undefined;
  /** A string built from fixed text and run-time parts (f-string, `+`, `.format`), piece by piece. */
  piecesOf(node: SyntaxNode): TemplatePiece[] | undefined;
  /** The items of a list or tuple literal, or of a name only ever assigned one and never filled later. */
  sequenceOf(node: SyntaxNode): SyntaxNode[] | undefined;
  /** The dotted name an expression resolves to (`yaml.SafeLoader` for an imported `SafeLoader`). */
  nameOf(node: SyntaxNode): string | undefined;
  /** A call node's callee and arguments, as rules get the call they check (for calls nested in its arguments). */
  callSite(node: SyntaxNode): CallSite;
  /** A class expression's name, then its bases' names when the class is defined in this file. */
  lineageOf(node: SyntaxNode): string[];
  report(node: SyntaxNode, options?: ReportOptions): void;
  /** The file's taint analysis: taint rules check their sinks through it. */
  taint: TaintChecker;
}

/**
 * A Python rule: its docs and metadata, and checks run on every call in the file and, for rules
 * about statements (`assert`, `except`), on every node of the types they name.
 */
export interface PythonRule extends RuleMeta {
  onCall?(call: CallSite, ctx: PythonContext): void;
  onNode?: { types: readonly string[]; check(node: SyntaxNode, ctx: PythonContext): void };
}
