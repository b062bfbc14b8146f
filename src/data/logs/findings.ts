import type { Finding } from '../../core/finding.js';
import type { RuleMeta } from '../../core/rule.js';
import { dataFinding } from '../alerts/finding.js';
import { logsErrorSpike } from '../rules/logs-error-spike.js';
import { logsNewErrorClass } from '../rules/logs-new-error-class.js';
import { logsNullTypeSpike } from '../rules/logs-null-type-spike.js';
import { logsWarningSpike } from '../rules/logs-warning-spike.js';
import type { LogAnalysis, RateComparison, SpikeKind } from './analyze.js';

const RULES: Record<SpikeKind, RuleMeta> = { error: logsErrorSpike, warning: logsWarningSpike, 'data-quality': logsNullTypeSpike };
const LABELS: Record<SpikeKind, string> = { error: 'errors', warning: 'warnings', 'data-quality': 'null/type-mismatch messages' };

/** Findings for the spikes and new exception classes of an analysis; they point at the first record concerned. */
export function logFindings(analysis: LogAnalysis): Finding[] {
  const spikes = analysis.rates
    .filter((r) => r.spike && r.first)
    .map((r) =>
      dataFinding({ rule: RULES[r.kind], target: r.first!.file, subject: r.kind, line: r.first!.line, snippet: r.first!.message.slice(0, 200), message: describeSpike(r) }),
    );
  const classes = analysis.newErrorClasses.map((c) =>
    dataFinding({
      rule: logsNewErrorClass,
      target: c.first.file,
      subject: c.name,
      line: c.first.line,
      snippet: c.first.message.slice(0, 200),
      message: `exception ${c.name} appears ${c.count} time${c.count === 1 ? '' : 's'}; the baseline never had it`,
    }),
  );
  return [...spikes, ...classes];
}

export function describeSpike(r: RateComparison): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const drivers = r.drivers.map((d) => `"${d.template}" (${d.baseline} → ${d.current})`).join('; ');
  return (
    `${LABELS[r.kind]}: ${pct(r.baselineRate)} of records in the baseline, ${pct(r.currentRate)} now (×${r.ratio.toFixed(1)}, ` +
    `${r.currentCount} records, p ${r.pValue < 1e-4 ? r.pValue.toExponential(1) : r.pValue.toFixed(4)})${drivers ? `; grew most: ${drivers}` : ''}`
  );
}
