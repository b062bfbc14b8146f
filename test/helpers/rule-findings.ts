import { expect } from 'vitest';
import type { FileResult } from '../../src/core/analyze-file.js';

/** A file's text from lines, so line numbers in assertions can be read off the array. */
export const fromLines = (...lines: string[]): string => `${lines.join('\n')}\n`;

/**
 * Readers of one rule's findings for an analyzer's scan: `found` gives "line:column severity
 * message" in file order (and checks the file had no scan error), `lines` just the lines.
 */
export function ruleFindings(scan: (code: string) => FileResult): { found: (code: string, rule: string) => string[]; lines: (code: string, rule: string) => number[] } {
  const found = (code: string, rule: string): string[] => {
    const result = scan(code);
    expect(result.errors).toEqual([]);
    return result.findings.filter((f) => f.ruleId === rule).map((f) => `${f.location.startLine}:${f.location.startColumn} ${f.severity} ${f.message}`);
  };
  return { found, lines: (code, rule) => found(code, rule).map((f) => Number(f.split(':')[0])) };
}
