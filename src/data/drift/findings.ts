import type { Finding } from '../../core/finding.js';
import { dataFinding } from '../alerts/finding.js';
import { driftCategorical } from '../rules/drift-categorical.js';
import { driftLabelConditional } from '../rules/drift-label-conditional.js';
import { driftNumeric } from '../rules/drift-numeric.js';
import { nullRate } from '../rules/null-rate.js';
import { range } from '../rules/range.js';
import { typeMismatch } from '../rules/type-mismatch.js';
import type { DistributionTests, DriftReport, RateCheck } from './compare.js';
import type { ConditionalMeanCheck, LabelConditionalDrift } from './label-conditional.js';

/** One finding per failed check of each column, located at `target` (the current data as the user named it). */
export function driftFindings(report: DriftReport, target = report.current.source): Finding[] {
  return [...columnFindings(report, target), ...labelConditionalFindings(report.labelConditional, target)];
}

/** One finding per label and numeric column whose conditional mean drifted. */
function labelConditionalFindings(drift: LabelConditionalDrift | undefined, target: string): Finding[] {
  return (drift?.checks ?? [])
    .filter((c) => c.drifted)
    .map((c) =>
      dataFinding({
        rule: driftLabelConditional,
        target,
        subject: `${drift!.column}=${c.label}:${c.column}`,
        message: `column "${c.column}" among rows with ${drift!.column} = "${c.label}": ${describeConditionalMean(c, drift!)}`,
      }),
    );
}

/** A conditional mean's change, its size in reference standard deviations and the test behind it. */
export function describeConditionalMean(c: ConditionalMeanCheck, drift: LabelConditionalDrift): string {
  return (
    `mean ${fixed(c.reference.mean)} → ${fixed(c.current.mean)} (${c.effect >= 0 ? '+' : ''}${c.effect.toFixed(2)} reference σ, at least ±${drift.minEffect} counts; ` +
    `Welch t ${fixed(c.welch.statistic)}, df ${c.welch.df.toFixed(1)}, p ${pValue(c.welch.pValue)}, Bonferroni level ${drift.alpha.toExponential(1)} over ${drift.tests} tests; ` +
    `rows ${c.reference.count} → ${c.current.count})`
  );
}

function columnFindings(report: DriftReport, target: string): Finding[] {
  return report.columns.flatMap((c): Finding[] => {
    const findings: Finding[] = [];
    const add = (rule: typeof nullRate, message: string) => findings.push(dataFinding({ rule, target, subject: c.column, message: `column "${c.column}": ${message}` }));
    if (c.missingFrom) {
      add(typeMismatch, c.missingFrom === 'current' ? 'present in the reference, missing from the current data' : 'not in the reference: a new column');
    }
    // Rows of nulls already show as a null-rate change; no rows at all show only here.
    if (c.noValues === 'current' && !c.nullRate?.drifted) add(nullRate, 'no values in the current data; the reference has some');
    if (c.typeChanged) add(typeMismatch, `type changed from ${c.typeChanged.reference} to ${c.typeChanged.current}`);
    if (c.distribution?.drifted) {
      add(c.kind === 'numeric' ? driftNumeric : driftCategorical, `distribution drifted (${c.distribution.rule}): ${describeTests(c.distribution.tests)}`);
    }
    if (c.nullRate?.drifted) add(nullRate, `null rate ${describeRate(c.nullRate)}`);
    if (c.typeMismatchRate?.drifted) add(typeMismatch, `type-mismatch rate ${describeRate(c.typeMismatchRate)}`);
    if (c.range?.drifted) {
      const r = c.range;
      add(range, `${percent(r.shareOutside)} of values outside the reference range [${r.referenceMin}, ${r.referenceMax}] (current range [${r.currentMin}, ${r.currentMax}], p ${pValue(r.pValue)})`);
    }
    return findings;
  });
}

/** The test values behind a decision, effect sizes first. */
export function describeTests(t: DistributionTests): string {
  const parts: string[] = [];
  if (t.wasserstein) parts.push(`normalized Wasserstein ${fixed(t.wasserstein.normalized)}`);
  parts.push(`Jensen–Shannon ${fixed(t.jensenShannon)}`, `PSI ${fixed(t.psi)}`);
  if (t.lInfinity !== undefined) parts.push(`L-infinity ${fixed(t.lInfinity)}`);
  if (t.ks) parts.push(`KS D ${fixed(t.ks.statistic)} (p ${pValue(t.ks.pValue)})`);
  if (t.chiSquare) parts.push(`chi-square ${fixed(t.chiSquare.statistic)}, df ${t.chiSquare.df} (p ${pValue(t.chiSquare.pValue)})`);
  return parts.join(', ');
}

export function describeRate(r: RateCheck): string {
  return `${percent(r.reference)} → ${percent(r.current)} (change ${r.delta >= 0 ? '+' : ''}${percent(r.delta)}, tolerated ±${percent(r.threshold)}, p ${pValue(r.pValue)})`;
}


const fixed = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : String(x));
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
export const pValue = (p: number): string => (p < 1e-4 ? p.toExponential(1) : p.toFixed(4));
