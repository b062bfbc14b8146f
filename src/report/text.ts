import type { AssessmentResult, SuppressedFinding } from '../core/assessment.js';
import type { Finding, Severity } from '../core/finding.js';
import { printable } from './printable.js';
import {
  formatLocation,
  groupBySeverity,
  newFindings,
  plural,
  sortSuppressed,
  summarize,
  summaryPhrases,
  type RenderOptions,
} from './summary.js';

type Paint = (text: string) => string;

interface Palette {
  bold: Paint;
  dim: Paint;
  location: Paint;
  good: Paint;
  warn: Paint;
  severity: Record<Severity, Paint>;
}

const sgr =
  (open: string, close: string): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;
const plain: Paint = (text) => text;

function palette(color: boolean): Palette {
  if (!color) {
    return { bold: plain, dim: plain, location: plain, good: plain, warn: plain, severity: { critical: plain, high: plain, medium: plain, low: plain, info: plain } };
  }
  const red = sgr('31', '39');
  return {
    bold: sgr('1', '22'),
    dim: sgr('2', '22'),
    location: sgr('36', '39'),
    good: sgr('32', '39'),
    warn: sgr('33', '39'),
    severity: { critical: (t) => sgr('1', '22')(red(t)), high: red, medium: sgr('33', '39'), low: sgr('34', '39'), info: sgr('2', '22') },
  };
}

/** Untrusted text on one line: a newline inside a file name or reason must not fake a new entry. */
const oneLine = (text: string) => printable(text, { keepNewlines: false });

/**
 * The human report: findings grouped by severity (most severe first), then what was suppressed,
 * fixed, not scanned or worth knowing, then one summary line. Escape codes appear only when the
 * caller asks for colour; text from the scanned files is made printable either way.
 */
export function renderText(result: AssessmentResult, options: RenderOptions = {}): string {
  const p = palette(options.color === true);
  const summary = summarize(result);
  const fresh = newFindings(result);
  const blocks: string[] = [`${p.bold(result.tool.name)} ${result.tool.version} · ${oneLine(result.root)} · ${result.startedAt}`];

  const groups = groupBySeverity(result.findings);
  if (groups.length === 0) blocks.push(p.good('No active findings.'));
  for (const { severity, findings } of groups) {
    const heading = p.severity[severity](`${severity.toUpperCase()} · ${plural(findings.length, 'finding')}`);
    blocks.push([heading, ...findings.map((f) => findingBlock(f, fresh.has(f), p))].join('\n\n'));
  }

  if (result.suppressed.length > 0) {
    blocks.push(section(p, `Suppressed · ${result.suppressed.length}`, sortSuppressed(result.suppressed).map(suppressedLine)));
  }
  const fixed = result.history?.fixed ?? [];
  if (fixed.length > 0) {
    const lines = fixed.map((f) => `${f.severity.padEnd(8)} ${oneLine(f.ruleId)}  ${oneLine(`${f.file}:${f.line}`)}`);
    blocks.push(section(p, `Fixed since the previous run · ${fixed.length}`, lines));
  }
  if (result.errors.length > 0) {
    const lines = result.errors.map((e) => `${oneLine(e.file)}: ${oneLine(e.message)}${e.analyzer ? p.dim(` (${oneLine(e.analyzer)})`) : ''}`);
    blocks.push(section(p, `Scan errors · ${result.errors.length}`, lines, p.warn));
  }
  if (result.skipped.length > 0) {
    const bySize = summary.skippedForSize;
    const heading = `Skipped files · ${summary.skipped}${bySize > 0 ? ` (${bySize} over the size limit)` : ''}`;
    blocks.push(section(p, heading, result.skipped.map((s) => `${oneLine(s.file)}: ${oneLine(s.reason)}`)));
  }
  if (result.notices.length > 0) {
    blocks.push(section(p, 'Notices', result.notices.map((n) => `• ${oneLine(n)}`)));
  }

  const phrases = summaryPhrases(summary);
  blocks.push(p.bold([phrases.findings, ...phrases.rest].join('; ')));
  return `${blocks.join('\n\n')}\n`;
}

function findingBlock(finding: Finding, isNew: boolean, p: Palette): string {
  const { location } = finding;
  const head = `  ${p.location(oneLine(formatLocation(location)))}  ${p.bold(oneLine(finding.ruleId))}${isNew ? ` ${p.warn('[new]')}` : ''}`;
  const facts = [...finding.cwe, `confidence ${finding.confidence}`].map(oneLine).join(' · ');
  const lines = [
    head,
    `    ${p.dim(`${location.startLine} │`)} ${oneLine(location.snippet)}`,
    `    ${oneLine(finding.message)}`,
    `    ${p.dim(facts)}`,
    `    ${p.dim('Fix:')} ${oneLine(finding.remediation)}`,
  ];
  if (finding.trace && finding.trace.length > 0) {
    lines.push(`    ${p.dim('Trace:')}`);
    finding.trace.forEach((step, i) => lines.push(`      ${i + 1}. ${p.location(oneLine(`${step.file}:${step.line}`))}  ${oneLine(step.label)}`));
  }
  return lines.join('\n');
}

function suppressedLine({ finding, kind, reason }: SuppressedFinding): string {
  const where = oneLine(`${finding.location.file}:${finding.location.startLine}`);
  return `${oneLine(finding.ruleId)}  ${where}  ${kind}${reason ? `: ${oneLine(reason)}` : ''}`;
}

function section(p: Palette, heading: string, lines: string[], paintHeading: Paint = p.bold): string {
  return [paintHeading(heading), ...lines.map((line) => `  ${line}`)].join('\n');
}
