import type { ReportOptions } from '../../core/analyzer.js';
import type { RuleMeta } from '../../core/rule.js';
import type { AirflowSetting } from './settings.js';

/** A rule over the Airflow options one file sets; `report` places a finding on a setting's value. */
export interface AirflowRule extends RuleMeta {
  check(settings: readonly AirflowSetting[], report: (setting: AirflowSetting, message: string, options?: ReportOptions) => void): void;
}

/** The settings of `option` in one of `sections` (Airflow 3 moved some webserver options to [api]). */
export function settingsOf(settings: readonly AirflowSetting[], sections: readonly string[], ...options: string[]): AirflowSetting[] {
  return settings.filter((s) => sections.includes(s.section) && options.includes(s.option));
}
