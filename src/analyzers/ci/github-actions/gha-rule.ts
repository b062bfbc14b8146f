import type { ReportOptions } from '../../../core/analyzer.js';
import type { RuleMeta } from '../../../core/rule.js';
import type { YamlPath } from '../../yaml-document.js';
import type { Workflow } from './workflow.js';

/** What a GitHub Actions rule can ask about the workflow it is checking. */
export interface GhaContext {
  workflow: Workflow;
  /** Reports `path` (from the document root) where the file writes it, or its nearest ancestor. */
  report(path: YamlPath, options?: ReportOptions): void;
  /** Reports where `needle` is written inside the string at `path`: the line of a long script that holds it. */
  reportText(path: YamlPath, needle: string, options?: ReportOptions): void;
}

export interface GhaRule extends RuleMeta {
  check(ctx: GhaContext): void;
}

/** The workflow syntax reference, shared by the rules' docs. */
export const GHA_DOCS = 'https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax';
