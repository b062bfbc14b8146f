import type { ReportOptions } from '../../../core/analyzer.js';
import type { RuleMeta } from '../../../core/rule.js';
import type { Path } from '../kubernetes/parse.js';
import type { ComposeService } from './parse.js';

/** What a Compose rule can ask about the file it is checking. */
export interface ComposeContext {
  services: readonly ComposeService[];
  /** Reports `path` inside `service`: where the file writes it, in the `x-` block for a value merged in with `<<`, or else its nearest ancestor. */
  report(service: ComposeService, path: Path, options?: ReportOptions): void;
}

export interface ComposeRule extends RuleMeta {
  check(ctx: ComposeContext): void;
}

/** The Compose file reference, shared by the rules' docs. */
export const COMPOSE_DOCS = 'https://docs.docker.com/reference/compose-file/services/';
