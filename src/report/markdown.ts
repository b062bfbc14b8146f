import type { AssessmentResult } from '../core/assessment.js';
import { SEVERITIES, type Finding } from '../core/finding.js';
import { cellCode, codeBlock, codeSpan, htmlText, mdText } from './markdown-escape.js';
import { formatLocation, newFindings, plural, sortFindings, sortSuppressed, summarize, summaryPhrases } from './summary.js';

/*
 * For a pull-request comment or a CI job summary. GitHub caps a comment at 65,536 characters, so
 * tables and the per-finding details are cut off with a count of what was left out; the JSON or
 * SARIF report carries everything.
 */
const MAX_ROWS = 100;
const MAX_DETAILS = 25;

export function renderMarkdown(result: AssessmentResult): string {
  const summary = summarize(result);
  const phrases = summaryPhrases(summary);
  const findings = sortFindings(result.findings);
  const fresh = newFindings(result);

  const blocks = [
    `## ${result.tool.name}: ${summary.total === 0 ? 'no active findings' : plural(summary.total, 'finding')}`,
    table(
      ['Severity', 'Findings'],
      [...SEVERITIES.map((s) => [s, String(summary.bySeverity[s])]), ['**total**', `**${summary.total}**`]],
      ['---', '---:'],
    ),
    phrases.rest.map(mdText).join(' · '),
  ];

  if (findings.length > 0) {
    blocks.push(
      '### Findings',
      capped(findings, MAX_ROWS, (shown) =>
        table(
          ['Severity', 'Rule', 'Location', 'Message'],
          shown.map((f) => [f.severity + (fresh.has(f) ? ' (new)' : ''), cellCode(f.ruleId), cellCode(formatLocation(f.location)), mdText(f.message)]),
        ),
      ),
      capped(findings, MAX_DETAILS, (shown) => shown.map((f) => details(f, fresh.has(f))).join('\n\n')),
    );
  }

  if (result.suppressed.length > 0) {
    blocks.push(
      `### Suppressed (${result.suppressed.length})`,
      capped(sortSuppressed(result.suppressed), MAX_ROWS, (shown) =>
        table(
          ['Rule', 'Location', 'Kind', 'Reason'],
          shown.map(({ finding, kind, reason }) => [cellCode(finding.ruleId), cellCode(formatLocation(finding.location)), kind, mdText(reason)]),
        ),
      ),
    );
  }

  const fixed = result.history?.fixed ?? [];
  if (fixed.length > 0) {
    blocks.push(
      `### Fixed since the previous run (${fixed.length})`,
      capped(fixed, MAX_ROWS, (shown) =>
        table(
          ['Severity', 'Rule', 'Location', 'Title'],
          shown.map((f) => [f.severity, cellCode(f.ruleId), cellCode(`${f.file}:${f.line}`), mdText(f.title)]),
        ),
      ),
    );
  }

  if (result.errors.length > 0) {
    blocks.push(
      `### Scan errors (${result.errors.length})`,
      capped(result.errors, MAX_ROWS, (shown) => table(['File', 'Message'], shown.map((e) => [cellCode(e.file), mdText(e.message)]))),
    );
  }

  if (result.skipped.length > 0) {
    const bySize = summary.skippedForSize;
    blocks.push(
      `### Skipped files (${summary.skipped}${bySize > 0 ? `, ${bySize} over the size limit` : ''})`,
      capped(result.skipped, MAX_ROWS, (shown) => table(['File', 'Reason'], shown.map((s) => [cellCode(s.file), mdText(s.reason)]))),
    );
  }

  if (result.notices.length > 0) {
    blocks.push('### Notices', result.notices.map((n) => `- ${mdText(n)}`).join('\n'));
  }

  return `${blocks.join('\n\n')}\n`;
}

function details(finding: Finding, isNew: boolean): string {
  const { location } = finding;
  const facts = [...finding.cwe, `confidence ${finding.confidence}`, ...(isNew ? ['new since the previous run'] : [])];
  const lines = [
    '<details>',
    `<summary><b>${finding.severity.toUpperCase()}</b> <code>${htmlText(finding.ruleId)}</code> at <code>${htmlText(formatLocation(location))}</code></summary>`,
    '',
    mdText(finding.message),
    '',
    codeBlock(location.snippet, location.file),
    '',
    facts.map(mdText).join(' · '),
    '',
    `**Remediation:** ${mdText(finding.remediation)}`,
  ];
  if (finding.trace && finding.trace.length > 0) {
    lines.push('', '**Trace:**', '', ...finding.trace.map((step, i) => `${i + 1}. ${codeSpan(`${step.file}:${step.line}`)} ${mdText(step.label)}`));
  }
  lines.push('', '</details>');
  return lines.join('\n');
}

function table(headers: string[], rows: string[][], align = headers.map(() => '---')): string {
  return [headers, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Renders at most `max` items, and says how many more there were. */
function capped<T>(items: readonly T[], max: number, render: (shown: readonly T[]) => string): string {
  const rendered = render(items.slice(0, max));
  return items.length > max ? `${rendered}\n\n…and ${items.length - max} more, in the JSON or SARIF report.` : rendered;
}
