import type { Finding } from '../../core/finding.js';
import { printable } from '../../report/printable.js';
import type { LogAnalysis } from './analyze.js';
import { describeSpike } from './findings.js';

const TEMPLATES_SHOWN = 15;
/** A template longer than this (a 5 MB line is one template) is cut in the text report; the JSON keeps it whole. */
const TEMPLATE_SHOWN_CHARS = 200;

function shortened(text: string): string {
  return text.length > TEMPLATE_SHOWN_CHARS ? `${text.slice(0, TEMPLATE_SHOWN_CHARS)}… (${text.length} characters)` : text;
}

export function renderLogsJson(analysis: LogAnalysis, findings: Finding[]): string {
  const rates = analysis.rates.map(({ first, ...r }) => ({ ...r, ...(first ? { first: { file: first.file, line: first.line } } : {}) }));
  const newErrorClasses = analysis.newErrorClasses.map(({ first, ...c }) => ({ ...c, first: { file: first.file, line: first.line } }));
  return `${JSON.stringify({ ...analysis, rates, newErrorClasses, findings }, null, 2)}\n`;
}

export function renderLogsText(analysis: LogAnalysis, findings: Finding[]): string {
  const oneLine = (t: string) => printable(t, { keepNewlines: false });
  const lines = [`baseline: ${oneLine(analysis.baseline.source)} (${analysis.baseline.records} records); current: ${analysis.current.records} records`, ''];
  for (const r of analysis.rates) lines.push(`${r.spike ? 'SPIKE' : 'ok   '}  ${oneLine(describeSpike(r))}`);
  for (const c of analysis.newErrorClasses) lines.push(`NEW    exception ${oneLine(c.name)} × ${c.count}, first at ${oneLine(c.first.file)}:${c.first.line}`);
  lines.push('', `Templates (${analysis.templates.length}; baseline → current):`);
  for (const t of analysis.templates.slice(0, TEMPLATES_SHOWN)) lines.push(`  ${String(t.baseline).padStart(6)} → ${String(t.current).padEnd(6)} ${t.level.padEnd(8)} ${shortened(oneLine(t.template))}`);
  lines.push('', findings.length === 0 ? 'No log anomalies.' : `${findings.length} log anomal${findings.length === 1 ? 'y' : 'ies'}.`);
  return `${lines.join('\n')}\n`;
}
