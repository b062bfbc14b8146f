import fs from 'node:fs';
import path from 'node:path';
import { analyzePythonSource } from '../../analyzers/python/index.js';
import { expandAttack } from '../payloads/index.js';
import { pipelineScripts, type Pipeline } from '../pipeline.js';
import type { RegexAttack } from './mutations.js';

const REDOS_RULE = 'py.redos.vulnerable-regex';
const PICKLE_LOADS = /\b(pickle|cPickle|dill|joblib|cloudpickle)\.loads?\(|read_pickle\(|torch\.load\(/;

export interface StaticHints {
  redos: RegexAttack[];
  /** The code unpickles something (the canary is tried where the input is a pickle). */
  codeLoadsPickles: boolean;
}

/**
 * What static analysis of the pipeline's own scripts tells the fuzzer: the attack string for
 * each regex the Python analyzer found vulnerable (read, never run), and whether it unpickles.
 */
export function staticHints(pipeline: Pick<Pipeline, 'root' | 'run'>): StaticHints {
  const hints: StaticHints = { redos: [], codeLoadsPickles: false };
  for (const script of pipelineScripts(pipeline)) {
    const text = fs.readFileSync(path.resolve(pipeline.root, script), 'utf8');
    hints.codeLoadsPickles ||= PICKLE_LOADS.test(text);
    if (!script.endsWith('.py')) continue;
    for (const finding of analyzePythonSource(text, script).findings) {
      if (finding.ruleId !== REDOS_RULE) continue;
      const compact = /attack string: (.*)$/s.exec(finding.message)?.[1];
      // the analyzer shortens long attack strings with an ellipsis: those cannot be rebuilt
      const attack = compact && !compact.endsWith('…') ? expandAttack(compact) : undefined;
      if (attack) hints.redos.push({ where: `${script}:${finding.location.startLine}`, attack });
    }
  }
  return hints;
}
