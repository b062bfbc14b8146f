import path from 'node:path';
import type { AnalyzerOutput, FileAnalyzer, FileEntry, RawFinding, SourceFile } from '../../core/analyzer.js';
import { makeFinding } from '../../core/make-finding.js';
import { SourceText } from '../../core/source-text.js';
import { pickleStreams } from './containers.js';
import { PICKLE_ARTIFACT_ANALYZER, type PickleArtifactFacts } from './facts.js';
import { unsafeGlobalRule } from './rule.js';
import { judgeGlobal } from './safe-globals.js';
import { walkPickle, type ImportedGlobal } from './walk.js';

/** Pickle files, joblib dumps, and PyTorch checkpoints (zip archives holding a pickle). */
const EXTENSIONS = new Set(['.pkl', '.pickle', '.joblib', '.pt', '.pth']);
const MAX_GLOBALS_NAMED = 5;

export const pickleArtifactAnalyzer: FileAnalyzer = {
  name: PICKLE_ARTIFACT_ANALYZER,
  category: 'sast',
  rules: [unsafeGlobalRule],
  binary: true,
  required: (file: FileEntry) => EXTENSIONS.has(path.extname(file.path).toLowerCase()),
  analyze: analyzePickleArtifact,
};

function analyzePickleArtifact(file: SourceFile): AnalyzerOutput {
  const streams = pickleStreams(file.bytes ?? new Uint8Array());
  if ('problem' in streams) return { findings: [], problems: [streams.problem] };
  const findings: RawFinding[] = [];
  const problems: string[] = [];
  const flaggedGlobals: FlaggedGlobal[] = [];
  for (const stream of streams) {
    const where = stream.name ? `${stream.name}: ` : '';
    const walk = walkPickle(stream.bytes);
    if (walk.problem) problems.push(`${where}${walk.problem}`);
    const flagged = flag(walk.globals);
    const finding = judge(file, where, flagged);
    if (finding) findings.push(finding);
    flaggedGlobals.push(...flagged);
  }
  // Recorded for the loader link: code elsewhere in the repository that loads this file.
  const facts: PickleArtifactFacts | undefined =
    flaggedGlobals.length > 0
      ? { critical: flaggedGlobals.some((g) => g.verdict === 'critical'), globals: [...new Set(flaggedGlobals.map((g) => `${g.module}.${g.name}`))] }
      : undefined;
  return { findings, problems, ...(facts ? { facts } : {}) };
}

type FlaggedGlobal = ImportedGlobal & { verdict: ReturnType<typeof judgeGlobal> };

/** The stream's imports outside the allow-list, the worst first. */
function flag(globals: ImportedGlobal[]): FlaggedGlobal[] {
  return globals
    .map((g) => ({ ...g, verdict: judgeGlobal(g.module, g.name) }))
    .filter((g) => g.verdict !== 'allowed')
    .sort((a, b) => Number(b.verdict === 'critical') - Number(a.verdict === 'critical') || a.offset - b.offset);
}

/** One finding per pickle stream, naming its non-allow-listed imports, the worst first. */
function judge(file: SourceFile, where: string, flagged: FlaggedGlobal[]): RawFinding | undefined {
  if (flagged.length === 0) return undefined;
  const critical = flagged[0]!.verdict === 'critical';
  const named = flagged.slice(0, MAX_GLOBALS_NAMED).map(describe);
  const more = flagged.length > MAX_GLOBALS_NAMED ? ` and ${flagged.length - MAX_GLOBALS_NAMED} more` : '';
  const message =
    `${where}pickle imports ${named.join(', ')}${more}, ${critical ? 'which runs commands or code' : 'which is not on the allow-list of data-only globals'} ` +
    'when the file is unpickled. The py.deserialization.* rules find the code that loads pickles.';
  // The file has no lines; the snippet names what was found so reports have something to show.
  const summary = new SourceText(flagged.map((g) => `${g.module}.${g.name}`).join(' '));
  const range = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  // An import that is only referenced (a class stored as a parameter) is less sure to be an attack.
  const confidence = critical || flagged.some((g) => g.invoked) ? 'high' : 'medium';
  return makeFinding(unsafeGlobalRule, file.path, summary, range, { message, severity: critical ? 'critical' : 'high', confidence });
}

function describe(g: ImportedGlobal): string {
  return `${g.module}.${g.name} (${g.opcode} at offset ${g.offset}${g.invoked ? ', called' : ''})`;
}
