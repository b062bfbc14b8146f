import fs from 'node:fs';
import path from 'node:path';
import { analyzePythonSource } from '../../analyzers/python/index.js';
import type { ArchiveKind } from '../payloads/bombs.js';
import { expandAttack } from '../payloads/index.js';
import { pipelineScripts, type Pipeline } from '../pipeline.js';
import type { RegexAttack } from './mutations.js';

const REDOS_RULE = 'py.redos.vulnerable-regex';
const PICKLE_LOADS = /\b(pickle|cPickle|dill|joblib|cloudpickle)\.loads?\(|read_pickle\(|torch\.load\(/;
/** Code that opens archives of each kind (Python's standard library, the usual Node packages). */
const ARCHIVE_READERS: Array<[ArchiveKind, RegExp]> = [
  ['zip', /\bzipfile\b|\bunpack_archive\(|['"](adm-zip|unzipper|yauzl|jszip)['"]/],
  ['tar', /\btarfile\b|\bunpack_archive\(|['"](tar|tar-stream|tar-fs)['"]/],
  ['gzip', /\bgzip\.(open|decompress|GzipFile)\b|\bgunzipSync\(|\bcreateGunzip\(/],
];

export interface StaticHints {
  redos: RegexAttack[];
  /** The code unpickles something (the canary is tried where the input is a pickle). */
  codeLoadsPickles: boolean;
  /** Archive kinds the code opens (bombs of those kinds are tried even where the sample holds none). */
  codeReadsArchives: ArchiveKind[];
}

/**
 * What static analysis of the pipeline's own scripts tells the fuzzer: the attack string for
 * each regex the Python analyzer found vulnerable (read, never run), whether it unpickles, and
 * which archives it opens.
 */
export function staticHints(pipeline: Pick<Pipeline, 'root' | 'run'>): StaticHints {
  const hints: StaticHints = { redos: [], codeLoadsPickles: false, codeReadsArchives: [] };
  for (const script of pipelineScripts(pipeline)) {
    const text = fs.readFileSync(path.resolve(pipeline.root, script), 'utf8');
    hints.codeLoadsPickles ||= PICKLE_LOADS.test(text);
    for (const [kind, reader] of ARCHIVE_READERS) if (reader.test(text) && !hints.codeReadsArchives.includes(kind)) hints.codeReadsArchives.push(kind);
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
