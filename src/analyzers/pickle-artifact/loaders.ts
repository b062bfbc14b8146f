import path from 'node:path';
import type { ProjectAnalyzer, ProjectContext, ProjectOutput } from '../../core/analyzer.js';
import type { Finding } from '../../core/finding.js';
import { LineReader } from '../../core/line-reader.js';
import { columnOfNodeId, projectFinding } from '../../core/project-finding.js';
import { NOTEBOOK_ANALYZER } from '../notebook/facts.js';
import { codeModuleFacts, PYTHON_ANALYZER, type LineageSink } from '../python/facts.js';
import { matchSinks } from '../python/taint/sinks.js';
import { PICKLE_ARTIFACT_ANALYZER, type PickleArtifactFacts } from './facts.js';
import { unsafeArtifactLoadedRule as rule } from './loaded-rule.js';

const MAX_GLOBALS_NAMED = 3;

/**
 * Links each dangerous pickle artifact to the code that loads it: a deserialising call (or an
 * open() in a module that deserialises) whose literal path names the artifact, read from the
 * repository root or from the module's own folder.
 */
export const pickleArtifactLoaders: ProjectAnalyzer = {
  name: 'pickle-artifact-loaders',
  category: 'sast',
  rules: [rule],
  usesFactsFrom: [PICKLE_ARTIFACT_ANALYZER, PYTHON_ANALYZER, NOTEBOOK_ANALYZER],
  analyze: async (ctx: ProjectContext): Promise<ProjectOutput> => ({ findings: loaderFindings(ctx), errors: [], notices: [] }),
};

function loaderFindings(ctx: ProjectContext): Finding[] {
  const artifacts = ctx.facts(PICKLE_ARTIFACT_ANALYZER) as Map<string, PickleArtifactFacts>;
  if (artifacts.size === 0) return [];
  const findings: Finding[] = [];
  const lines = new LineReader(ctx.root);
  for (const [file, facts] of codeModuleFacts(ctx)) {
    const sinks = facts.lineage?.sinks ?? [];
    const deserialises = sinks.some(isDeserializer);
    for (const sink of sinks) {
      if (!sink.dataset || !(isDeserializer(sink) || (deserialises && sink.api.endsWith('open')))) continue;
      const artifact = resolveArtifact(sink.dataset, file, artifacts);
      if (artifact) findings.push(linkFinding(lines, file, sink, artifact, artifacts.get(artifact)!));
    }
  }
  return findings;
}

function isDeserializer(sink: LineageSink): boolean {
  // A lineage sink's name was matched where it was resolved, import and all.
  return matchSinks(sink.api, undefined, true).some((s) => s.family === 'deserialization');
}

/** The scanned artifact a literal path names, read from the root or from the loading module's folder. */
function resolveArtifact(dataset: string, loader: string, artifacts: Map<string, unknown>): string | undefined {
  if (/^[a-z][\w+.-]*:\/\//i.test(dataset) || path.posix.isAbsolute(dataset)) return undefined;
  const candidates = [path.posix.normalize(dataset), path.posix.normalize(path.posix.join(path.posix.dirname(loader), dataset))];
  return candidates.find((c) => artifacts.has(c));
}

function linkFinding(lines: LineReader, file: string, sink: LineageSink, artifact: string, facts: PickleArtifactFacts): Finding {
  const named = facts.globals.slice(0, MAX_GLOBALS_NAMED).join(', ') + (facts.globals.length > MAX_GLOBALS_NAMED ? ', …' : '');
  return projectFinding(rule, lines, { file, line: sink.line, column: columnOfNodeId(sink.id) }, artifact, {
    message: `${sink.api}() loads ${artifact}, a pickle that imports ${named}${facts.critical ? ', which runs commands or code' : ', outside the data-only allow-list'} when it is loaded`,
    severity: facts.critical ? 'critical' : 'high',
    trace: [
      { file: artifact, line: 1, label: `artifact imports ${named}` },
      { file, line: sink.line, label: `loaded by ${sink.api}()` },
    ],
  });
}
