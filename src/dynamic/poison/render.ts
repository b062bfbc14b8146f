import type { Finding } from '../../core/finding.js';
import type { ScoreComparison } from '../../store/poison-scores.js';
import { OUTCOMES, type Outcome } from './classify.js';
import { percent } from './findings.js';
import { poisonCount } from './inject.js';
import { OUTCOME_CREDIT } from './score.js';
import type { CellResult, PoisonReport } from './simulate.js';

/** Worst first: a cell shows its worst outcome, and how many of its records had it. */
const WORST_FIRST: Outcome[] = ['crashed', 'propagated', 'dropped', 'neutralised', 'rejected'];

function cellLabel(cell: CellResult): string {
  const worst = WORST_FIRST.find((o) => cell.counts[o] > 0)!;
  return cell.poisoned === 1 ? worst : `${worst} ${cell.counts[worst]}/${cell.poisoned}`;
}

export function scoreLine(report: PoisonReport, history: ScoreComparison | undefined): string {
  const base = `Resistance score: ${report.score.toFixed(1)} / 100`;
  if (!history) return base;
  const previous = history.previous;
  if (!previous) return `${base} (first recorded run)`;
  const delta = history.delta ?? 0;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const ran = report.attacks.filter((a) => !a.skipped).map((a) => a.id);
  const sameSetup = previous.seed === report.seed && same(previous.rates, report.rates) && same(Object.keys(previous.attacks), ran);
  return (
    `${base} (previous ${previous.score.toFixed(1)} on ${previous.startedAt.replace('T', ' ').slice(0, 16)}, ${sign}${Math.abs(delta).toFixed(1)}` +
    `${sameSetup ? '' : '; that run used another seed, other rates or other attacks'})`
  );
}

function same(a: Array<string | number>, b: Array<string | number>): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function grid(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** The matrix (attack × rate), the score with its trend, failures, and the findings. */
export function renderPoisonText(report: PoisonReport, findings: Finding[], history: ScoreComparison | undefined, notices: string[]): string {
  const out: string[] = [];
  out.push(`Poisoning simulation of: ${report.command}`);
  const tracking = report.tracking === 'id' ? `by id (${report.idColumn})` : report.tracking === 'position' ? 'by row position' : 'by content hash';
  out.push(`Sample ${report.sample}: ${report.sampleRows} records, followed ${tracking}; seed ${report.seed}; clean run ${Math.round(report.clean.wallMs)} ms, ${report.clean.outputRows} records out.`);
  out.push('');
  const header = ['attack', 'column', ...report.rates.map((r) => `${percent(r)} (${poisonCount(r, report.sampleRows)})`)];
  const rows = report.attacks.map((a) => [a.id, a.column ?? '-', ...(a.skipped ? report.rates.map((_, i) => (i === 0 ? `n/a: ${a.skipped}` : '')) : a.cells.map(cellLabel))]);
  out.push(grid([header, header.map((h) => '-'.repeat(h.length)), ...rows]));
  out.push('');
  out.push('(rate (records): each cell is one sandboxed run; it shows its worst outcome and on how many of its poisoned records)');
  const failures = report.attacks.flatMap((a) => a.cells.filter((c) => c.failure).map((c) => `  ${a.id} at ${percent(c.rate)}: ${c.failure}`));
  if (failures.length > 0) out.push('', 'Crashed runs:', ...failures);
  const lost = report.attacks.flatMap((a) => a.cells.filter((c) => (c.cleanRecordsLost ?? 0) > 0).map((c) => `  ${a.id} at ${percent(c.rate)}: ${c.cleanRecordsLost} clean record(s) lost`));
  if (lost.length > 0) out.push('', 'Collateral loss (clean records missing from a poisoned run’s output):', ...lost);
  out.push('', scoreLine(report, history));
  out.push(`(mean over the cells that ran of each cell's mean credit: ${OUTCOMES.map((o) => `${o} ${OUTCOME_CREDIT[o]}`).join(', ')})`);
  if (findings.length > 0) {
    out.push('', 'Findings:');
    for (const f of findings) out.push(`  ${f.severity.toUpperCase().padEnd(8)} ${f.ruleId}  ${f.message}`);
  } else {
    out.push('', 'No poisoned record propagated, crashed the run or vanished without a logged reason.');
  }
  for (const n of notices) out.push(`note: ${n}`);
  return `${out.join('\n')}\n`;
}

export function renderPoisonJson(report: PoisonReport, findings: Finding[], history: ScoreComparison | undefined, notices: string[]): string {
  const trend = history ? { runId: history.id, previousScore: history.previous?.score, previousAt: history.previous?.startedAt, delta: history.delta } : undefined;
  return `${JSON.stringify({ ...report, history: trend, findings, notices }, null, 2)}\n`;
}
