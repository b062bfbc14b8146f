import type { AnalyzerOutput, FileAnalyzer, SourceFile } from '../../../core/analyzer.js';
import type { ImageFacts } from '../../../inventory/containers.js';
import { gitlabCiImages } from '../../../inventory/deployed-images.js';
import { isGitlabCiFile, jobScripts, parsePipeline, type ScriptLine } from './pipeline.js';
import { gitlabJobViews, viewScripts } from './job-view.js';
import { once } from '../../../core/once.js';
import { debugTraceFindings, gitlabDebugTrace } from './rules/debug-trace.js';
import { SourceText } from '../../../core/source-text.js';
import { isRecord } from '../../iac/kubernetes/parse.js';
import { isCiFile, jobDownloadFindings, scriptFindings, scriptPiece, variableFindings, type ScriptPiece } from '../script-findings.js';

/**
 * GitLab CI files: their jobs' scripts get the shell-script rules, their variables the debug-trace
 * rule, and the images jobs and services run go to the inventory and the container image checks
 * (end of life).
 */
export const gitlabCiAnalyzer: FileAnalyzer = {
  name: 'gitlab-ci',
  category: 'iac',
  rules: [gitlabDebugTrace],
  required: (file) => isCiFile(file, isGitlabCiFile),
  analyze: analyzePipeline,
};

function analyzePipeline(file: SourceFile): AnalyzerOutput {
  const parsed = parsePipeline(file.text);
  const source = new SourceText(file.text);
  // A line reused by several jobs (a template's, `default:`'s, one a `!reference` tag names) is split into commands once.
  const pieces = new Map<string, ScriptPiece>();
  const piece = (line: ScriptLine): ScriptPiece => {
    const key = JSON.stringify(line.path);
    if (!pieces.has(key)) pieces.set(key, scriptPiece(line.text, line.path));
    return pieces.get(key)!;
  };
  const scopes = [...(isRecord(parsed.data?.['default']) ? [{ data: parsed.data['default'], path: ['default'] }] : []), ...parsed.jobs];
  // The top level's before_script and after_script are `default:`'s, under their old place.
  const written = [...(parsed.data ? [{ data: parsed.data, path: [] }] : []), ...scopes].flatMap(({ data, path }) => jobScripts(parsed, data, path));
  const views = gitlabJobViews(parsed);
  const variables = [{ map: parsed.data?.['variables'], path: ['variables'] }, ...scopes.map(({ data, path }) => ({ map: data['variables'], path: [...path, 'variables'] }))];
  const findings = [
    ...variables.flatMap(({ map, path }) => [...variableFindings(map, path, parsed.yaml, file.path, source), ...debugTraceFindings(map, path, parsed.yaml, file.path, source)]),
    ...once(written.map(piece), (p) => [p.path]).flatMap((line) => scriptFindings(line, parsed.yaml, file.path, source)),
    ...views.flatMap((view) => jobDownloadFindings(shellSessions(viewScripts(parsed, view), piece), parsed.yaml, file.path, source)),
  ];
  const facts: ImageFacts = { images: gitlabCiImages(parsed, file.path, views) };
  // Jobs that share a template or the defaults run its lines each; a finding on a line is made once.
  return { findings: once(findings, (f) => [f.ruleId, f.location.startLine, f.location.startColumn, f.message]), problems: parsed.problems, facts };
}

/** GitLab runs a job's `before_script` and `script` lines in one shell, its `after_script` and hooks each in another. */
function shellSessions(lines: readonly ScriptLine[], piece: (line: ScriptLine) => ScriptPiece): ScriptPiece[][] {
  const sessions = new Map<string, ScriptPiece[]>();
  for (const line of lines) {
    const session = line.key === 'before_script' ? 'script' : line.key;
    if (!sessions.has(session)) sessions.set(session, []);
    sessions.get(session)!.push(piece(line));
  }
  return [...sessions.values()];
}
