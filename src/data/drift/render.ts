import type { Finding } from '../../core/finding.js';
import { printable } from '../../report/printable.js';
import type { ColumnDrift, DriftReport } from './compare.js';
import { describeConditionalMean, describeRate, describeTests, pValue } from './findings.js';
import type { LabelConditionalDrift } from './label-conditional.js';

/** The JSON report: every column with `drifted` and the test values behind it, then the findings. */
export function renderDriftJson(report: DriftReport, findings: Finding[]): string {
  return `${JSON.stringify({ ...report, findings }, null, 2)}\n`;
}

export function renderDriftText(report: DriftReport): string {
  const oneLine = (t: string) => printable(t, { keepNewlines: false });
  const lines = [
    `reference: ${oneLine(report.reference.source)} (${report.reference.rows} rows)`,
    `current:   ${oneLine(report.current.source)} (${report.current.rows} rows)`,
    `preset:    ${report.preset}`,
    '',
  ];
  for (const c of report.columns) lines.push(...columnLines(c, oneLine));
  if (report.labelConditional) lines.push(...labelConditionalLines(report.labelConditional, oneLine));
  const drifted = report.columns.filter((c) => c.drifted).length;
  const summary = drifted === 0 ? `No drift in ${report.columns.length} columns.` : `Drift in ${drifted} of ${report.columns.length} columns.`;
  lines.push('', report.labelConditional?.drifted ? `${summary} Means given label ${oneLine(report.labelConditional.column)} drifted.` : summary);
  return `${lines.join('\n')}\n`;
}

/** The drifted label-conditional means, or one line saying there are none. */
function labelConditionalLines(drift: LabelConditionalDrift, oneLine: (t: string) => string): string[] {
  const drifted = drift.checks.filter((c) => c.drifted);
  const head = `${drift.drifted ? 'DRIFT' : 'ok   '}  given label ${oneLine(drift.column)}: ${drifted.length} of ${drift.tests} label × column means moved`;
  return [head, ...drifted.map((c) => `   ! ${oneLine(c.column)} | ${oneLine(drift.column)} = ${oneLine(c.label)}: ${describeConditionalMean(c, drift)}`)];
}

function columnLines(c: ColumnDrift, oneLine: (t: string) => string): string[] {
  const head = `${c.drifted ? 'DRIFT' : 'ok   '}  ${oneLine(c.column)} (${c.kind})`;
  if (c.missingFrom) return [`${head}: missing from the ${c.missingFrom}`];
  const mark = (drifted: boolean) => (drifted ? '!' : ' ');
  const lines = [head];
  if (c.noValues === 'reference') lines.push('     distribution not compared: the reference has no values in this column');
  if (c.noValues === 'current') lines.push('   ! no values in the current data (the reference has some)');
  if (c.typeChanged) lines.push(`   ! type changed from ${c.typeChanged.reference} to ${c.typeChanged.current}`);
  if (c.distribution) lines.push(`   ${mark(c.distribution.drifted)} distribution [${c.distribution.rule}]: ${describeTests(c.distribution.tests)}`);
  if (c.nullRate) lines.push(`   ${mark(c.nullRate.drifted)} null rate ${describeRate(c.nullRate)}`);
  if (c.typeMismatchRate) lines.push(`   ${mark(c.typeMismatchRate.drifted)} type mismatches ${describeRate(c.typeMismatchRate)}`);
  if (c.range) lines.push(`   ${mark(c.range.drifted)} outside reference range: ${(c.range.shareOutside * 100).toFixed(1)}% (tolerated ${(c.range.threshold * 100).toFixed(1)}%, p ${pValue(c.range.pValue)})`);
  return lines;
}
