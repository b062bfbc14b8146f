import type { AnalyzerOutput, FileAnalyzer, SourceFile } from '../../../core/analyzer.js';
import type { ImageFacts } from '../../../inventory/containers.js';
import { gitlabCiImages } from '../../../inventory/deployed-images.js';
import { isGitlabCiFile, jobScripts, parsePipeline } from './pipeline.js';
import { SourceText } from '../../../core/source-text.js';
import { isRecord, type YamlMap } from '../../iac/kubernetes/parse.js';
import type { YamlPath } from '../../yaml-document.js';
import { isCiFile, jobDownloadFindings, scriptFindings, scriptPiece, variableFindings, type ScriptPiece } from '../script-findings.js';

/**
 * GitLab CI files: their jobs' scripts get the shell-script rules, and the images jobs and services
 * run go to the inventory and the container image checks (end of life). No rules of its own yet.
 */
export const gitlabCiAnalyzer: FileAnalyzer = {
  name: 'gitlab-ci',
  category: 'iac',
  rules: [],
  required: (file) => isCiFile(file, isGitlabCiFile),
  analyze: analyzePipeline,
};

function analyzePipeline(file: SourceFile): AnalyzerOutput {
  const parsed = parsePipeline(file.text);
  const source = new SourceText(file.text);
  const scopes = [...(isRecord(parsed.data?.['default']) ? [{ data: parsed.data['default'], path: ['default'] }] : []), ...parsed.jobs];
  const scripts = (data: YamlMap, path: YamlPath) => {
    const lines = jobScripts(data, path).map((line) => scriptPiece(line.text, line.path));
    return [...lines.flatMap((line) => scriptFindings(line, parsed.yaml, file.path, source)), ...jobDownloadFindings(shellSessions(lines, path), parsed.yaml, file.path, source)];
  };
  const findings = [
    ...variableFindings(parsed.data?.['variables'], ['variables'], parsed.yaml, file.path, source),
    // The top level's before_script and after_script are `default:`'s, under their old place.
    ...(parsed.data ? scripts(parsed.data, []) : []),
    ...scopes.flatMap(({ data, path }) => [...variableFindings(data['variables'], [...path, 'variables'], parsed.yaml, file.path, source), ...scripts(data, path)]),
  ];
  const facts: ImageFacts = { images: gitlabCiImages(parsed, file.path) };
  return { findings, problems: parsed.problems, facts };
}

/** GitLab runs a job's `before_script` and `script` lines in one shell, its `after_script` and hooks each in another. */
function shellSessions(lines: readonly ScriptPiece[], job: YamlPath): ScriptPiece[][] {
  const sessions = new Map<string, ScriptPiece[]>();
  for (const line of lines) {
    const key = String(line.path[job.length]);
    const session = key === 'before_script' ? 'script' : key;
    sessions.set(session, [...(sessions.get(session) ?? []), line]);
  }
  return [...sessions.values()];
}
