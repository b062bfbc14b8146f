import type { ReportOptions } from '../../../core/analyzer.js';
import type { RuleMeta } from '../../../core/rule.js';
import type { BuiltInventory } from '../inventory.js';
import type { CodeFacts } from '../reachability/reachability.js';
import type { DependencyFacts } from '../model.js';
import type { VulnerablePackage } from '../vulnerabilities.js';

/** Everything the dependency rules look at, assembled once per assessment. */
export interface DepsProject {
  facts: Map<string, DependencyFacts>;
  built: BuiltInventory;
  code: CodeFacts;
  vulnerable: VulnerablePackage[];
  /** purl → reason, for exact versions the index marks as yanked (known only with --resolve). */
  yanked: Map<string, string>;
}

/** One match of a dependency rule; `key` names what it is about, for a line-independent fingerprint. */
export interface DepsHit extends ReportOptions {
  file: string;
  line: number;
  key: string;
  message: string;
}

export interface DepsRule extends RuleMeta {
  check(project: DepsProject): DepsHit[];
}
