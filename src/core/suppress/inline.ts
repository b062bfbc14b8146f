import type { FindingCategory } from '../finding.js';
import type { SourceText } from '../source-text.js';
import { FOREIGN_MARKERS } from './foreign-markers.js';
import { withoutJsonLineEnd } from './json-line-end.js';

/** Which findings on its line an inline marker covers. */
export type MarkerScope =
  | { all: true }
  /** pipewarden rule ids. */
  | { rules: string[] }
  /** Bandit test ids (B301), which rules declare as their `bandit` equivalents. */
  | { bandit: string[] }
  | { category: FindingCategory };

/** A comment syntax that suppresses findings: pipewarden's own, or another scanner's. */
export interface InlineMarker {
  tool: string;
  /** Whether the marker on a comment line of its own covers the line below, as pipewarden's does. */
  coversLineBelow: boolean;
  parse(line: string): { scope: MarkerScope; reason: string } | undefined;
}

/**
 * An inline suppression: `# pipewarden: ignore[rule-id] reason` (also after `//` or `--`),
 * on the finding's own line or on a comment line directly above it, or another scanner's
 * marker (`# nosec B301`, `# nosemgrep`, `gitleaks:allow` …) that a team brings with it.
 */
export interface InlineIgnore {
  /** The line of code it applies to. */
  line: number;
  tool: string;
  scope: MarkerScope;
  reason: string;
}

const DIRECTIVE = /(?:#|\/\/|--)\s*pipewarden:\s*ignore(?:\[([^\]]*)\])?[ \t]*(.*)$/;
const COMMENT_ONLY = /^\s*(?:#|\/\/|--)/;

const PIPEWARDEN_MARKER: InlineMarker = {
  tool: 'pipewarden',
  coversLineBelow: true,
  parse(text) {
    const match = DIRECTIVE.exec(text);
    if (!match) return undefined;
    const rules = (match[1] ?? '').split(',').map((r) => r.trim()).filter(Boolean);
    return { scope: rules.length > 0 ? { rules } : { all: true }, reason: withoutJsonLineEnd(match[2] ?? '').trim() };
  },
};

const MARKERS: readonly InlineMarker[] = [PIPEWARDEN_MARKER, ...FOREIGN_MARKERS];

/** The inline ignores that apply to each of `lines` (1-based), found in the file's comments. */
export function inlineIgnoresFor(source: SourceText, lines: Iterable<number>): InlineIgnore[] {
  const ignores: InlineIgnore[] = [];
  for (const line of new Set(lines)) {
    const above = line > 1 && COMMENT_ONLY.test(source.line(line - 1)) ? source.line(line - 1) : undefined;
    for (const marker of MARKERS) {
      const own = marker.parse(source.line(line));
      const fromAbove = marker.coversLineBelow && above !== undefined ? marker.parse(above) : undefined;
      for (const found of [own, fromAbove]) if (found) ignores.push({ line, tool: marker.tool, ...found });
    }
  }
  return ignores;
}

/** What a suppression check needs to know about a finding. */
export interface CoveredFinding {
  ruleId: string;
  category: FindingCategory;
}

/** Whether `ignore` covers the finding; `banditIds` gives the Bandit tests a rule stands in for. */
export function inlineIgnoreCovers(ignore: InlineIgnore, finding: CoveredFinding, banditIds: (ruleId: string) => readonly string[]): boolean {
  const scope = ignore.scope;
  if ('all' in scope) return true;
  if ('rules' in scope) return scope.rules.includes(finding.ruleId);
  if ('bandit' in scope) return banditIds(finding.ruleId).some((id) => scope.bandit.includes(id));
  return scope.category === finding.category;
}
