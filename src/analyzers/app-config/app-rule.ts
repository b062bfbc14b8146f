import type { ReportOptions } from '../../core/analyzer.js';
import type { RuleMeta } from '../../core/rule.js';
import type { AppSetting } from './setting.js';

/** A rule over the service options one file sets; `report` places a finding on a setting's value. */
export interface AppRule extends RuleMeta {
  check(settings: readonly AppSetting[], report: (setting: AppSetting, message: string, options?: ReportOptions) => void): void;
}
