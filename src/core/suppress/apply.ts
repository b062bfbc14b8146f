import type { SuppressedFinding } from '../assessment.js';
import type { Finding } from '../finding.js';
import { describeEntry, entryMatcher, isExpired, type IgnoreEntry } from './ignore-file.js';
import { inlineIgnoreCovers, type InlineIgnore } from './inline.js';

export interface SuppressionInput {
  findings: Finding[];
  /** Inline ignores per file (relative path). */
  inline: Map<string, InlineIgnore[]>;
  ignoreEntries: IgnoreEntry[];
  baseline: Set<string> | undefined;
  /** YYYY-MM-DD, for expiry. */
  today: string;
  /** The Bandit tests a rule stands in for, so that `# nosec B301` finds its rules. */
  banditIds: (ruleId: string) => readonly string[];
  /** Whether other scanners' markers (`# nosec`, `# nosemgrep`, `gitleaks:allow` …) count. */
  foreignMarkers: boolean;
}

export interface SuppressionOutcome {
  active: Finding[];
  suppressed: SuppressedFinding[];
  notices: string[];
}

/** Splits findings into active and suppressed; inline comments win, then the ignore file, then the baseline. */
export function applySuppressions(input: SuppressionInput): SuppressionOutcome {
  const notices: string[] = [];
  const live = input.ignoreEntries.filter((entry) => {
    if (!isExpired(entry, input.today)) return true;
    notices.push(`suppression (${describeEntry(entry)}) expired on ${entry.expires} and no longer applies: ${entry.reason}`);
    return false;
  });
  const matchers = live.map((entry) => ({ entry, matches: entryMatcher(entry) }));
  const active: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];

  for (const finding of input.findings) {
    const inline = input.inline
      .get(finding.location.file)
      ?.find(
        (ignore) =>
          ignore.line === finding.location.startLine &&
          (input.foreignMarkers || ignore.tool === 'pipewarden') &&
          inlineIgnoreCovers(ignore, finding, input.banditIds),
      );
    if (inline) {
      suppressed.push({ finding, kind: 'inline', reason: inline.reason || 'no reason given' });
      continue;
    }
    const entry = matchers.find((m) => m.matches(finding))?.entry;
    if (entry) {
      suppressed.push({ finding, kind: 'ignore-file', reason: entry.reason });
      continue;
    }
    if (input.baseline?.has(finding.fingerprint)) {
      suppressed.push({ finding, kind: 'baseline', reason: 'present in the baseline' });
      continue;
    }
    active.push(finding);
  }
  return { active, suppressed, notices };
}
