import type { ReportOptions } from '../../core/analyzer.js';
import type { RuleMeta } from '../../core/rule.js';
import type { CallSite } from './call-site.js';
import type { SyntaxNode } from './parser.js';
import type { Constant, InputOrigin, ValueKind } from './values.js';

/** What a JavaScript/TypeScript rule can ask about the file it is checking. */
export interface JsContext {
  kindOf(node: SyntaxNode): ValueKind;
  constantOf(node: SyntaxNode): Constant | undefined;
  /** Whether the value is built from an HTTP request, data the script reads or the command line, and which (in that order). */
  inputOf(node: SyntaxNode): InputOrigin | undefined;
  nameOf(node: SyntaxNode): string | undefined;
  /** The values a name is assigned where it is read; undefined when some binding of it is not a plain assignment (a parameter, an import, `+=`). */
  assignedValues(name: SyntaxNode): SyntaxNode[] | undefined;
  /** Whether the file imports or requires this module (normalized: no `node:`). */
  imports(module: string): boolean;
  report(node: SyntaxNode, options?: ReportOptions): void;
  /**
   * Reports a finding that holds only while npm `package` is older than `fixedIn`: the project's
   * lockfile or package.json then confirms it (`confirmed` becomes the message) or settles it.
   */
  reportBelow(node: SyntaxNode, bound: { package: string; fixedIn: string; confirmed: string }, options: ReportOptions): void;
}

/** A JavaScript/TypeScript rule: its docs and metadata, and a check run on every call in the file. */
export interface JsRule extends RuleMeta {
  onCall(call: CallSite, ctx: JsContext): void;
}
