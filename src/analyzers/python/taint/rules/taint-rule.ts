import type { RuleMeta } from '../../../../core/rule.js';
import type { PythonRule } from '../../python-rule.js';
import type { SinkFamily } from '../sinks.js';

/**
 * A rule reporting flows from ingestion points into one family of sinks (the sink table says
 * which calls). `covers` names the pattern rules whose finding on the same call the taint
 * finding replaces: it says the same thing, with a trace and more certainty.
 */
export interface TaintRule extends PythonRule {
  family: Exclude<SinkFamily, 'write'>;
  covers: readonly string[];
}

type TaintRuleMeta = Omit<RuleMeta, 'category' | 'confidence'>;

export function taintRule(meta: TaintRuleMeta, family: TaintRule['family'], covers: readonly string[] = []): TaintRule {
  return {
    ...meta,
    category: 'sast',
    confidence: 'high',
    family,
    covers,
    onCall: (call, ctx) => ctx.taint.check(call, family),
  };
}

export function isTaintRule(rule: PythonRule): rule is TaintRule {
  return 'family' in rule;
}
