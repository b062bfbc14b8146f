import type { RawFinding, ReportOptions } from './analyzer.js';
import type { RuleMeta } from './rule.js';
import type { SourceText } from './source-text.js';

export interface Range {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A finding for `rule` at `range` of `file`, with the rule's defaults unless overridden. */
export function makeFinding(rule: RuleMeta, file: string, source: SourceText, range: Range, options: ReportOptions = {}): RawFinding {
  return {
    ruleId: rule.id,
    title: rule.title,
    message: options.message ?? rule.title,
    severity: options.severity ?? rule.severity,
    confidence: options.confidence ?? rule.confidence,
    cwe: options.cwe ?? rule.cwe,
    category: rule.category,
    location: { file, ...range, snippet: source.snippet(range.startLine) },
    ...(options.trace ? { trace: options.trace } : {}),
    remediation: rule.remediation,
  };
}

/** The 1-based range of a syntax-tree node (tree-sitter rows and columns start at 0). */
export function nodeRange(node: { startPosition: { row: number; column: number }; endPosition: { row: number; column: number } }): Range {
  return {
    startLine: node.startPosition.row + 1,
    startColumn: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}
