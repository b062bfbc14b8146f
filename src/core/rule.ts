import type { Confidence, FindingCategory, Severity } from './finding.js';

/** An example for a rule's docs; the examples double as the rule's unit tests. */
export interface RuleExample {
  /** File name the example is analysed as (its extension picks the analyzer). */
  file: string;
  code: string;
}

/** Everything a user sees about a rule: `pipewarden rules` and `pipewarden explain`. */
export interface RuleMeta {
  id: string;
  title: string;
  category: FindingCategory;
  severity: Severity;
  /** Confidence of a finding unless the rule says otherwise for one match. */
  confidence: Confidence;
  cwe: string[];
  /** What the rule finds, one or two sentences. */
  what: string;
  /** Why it matters in a data pipeline. */
  why: string;
  remediation: string;
  bad: RuleExample[];
  good: RuleExample[];
  references: string[];
  /** Bandit test ids the rule stands in for: `# nosec B301` and ruff's `# noqa: S301` suppress it. */
  bandit?: string[];
}
