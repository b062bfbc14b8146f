import type { RuleMeta } from '../../../core/rule.js';
import type { Interpolation } from './groovy-tokens.js';
import type { Jenkinsfile, ShStep } from './jenkinsfile.js';

/** A part Groovy fills into an `sh` script, and what a rule says about it. */
export interface InterpolationFinding {
  interpolation: Interpolation;
  message: string;
}

/** A rule over the parts a Jenkinsfile's `sh` steps interpolate. */
export interface JenkinsRule extends RuleMeta {
  check(pipeline: Jenkinsfile, step: ShStep): InterpolationFinding[];
}

/** `env.X`, `${env.X}` and `X` name the same variable; `params.X` and `params['X']` a parameter. */
export function interpolatedName(expression: string): { scope: 'env' | 'params' | 'plain'; name: string } | undefined {
  const match = /^(?:(env|params)\s*(?:\.\s*([A-Za-z_]\w*)|\[\s*['"]([^'"]+)['"]\s*\])|([A-Za-z_]\w*))$/.exec(expression.trim());
  if (!match) return undefined;
  return match[4] ? { scope: 'plain', name: match[4] } : { scope: match[1] as 'env' | 'params', name: match[2] ?? match[3]! };
}
