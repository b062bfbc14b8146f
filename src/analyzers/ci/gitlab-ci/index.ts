import type { AnalyzerOutput, FileAnalyzer, SourceFile } from '../../../core/analyzer.js';
import type { ImageFacts } from '../../../inventory/containers.js';
import { gitlabCiImages } from '../../../inventory/deployed-images.js';
import { isGitlabCiFile, parsePipeline } from './pipeline.js';
import { SourceText } from '../../../core/source-text.js';
import { isRecord, valueAt } from '../../iac/kubernetes/parse.js';
import type { YamlPath } from '../../yaml-document.js';
import { scriptFindings, variableFindings } from '../script-findings.js';

/**
 * GitLab CI files: their jobs' scripts get the shell-script rules, and the images jobs and services
 * run go to the inventory and the container image checks (end of life). No rules of its own yet.
 */
export const gitlabCiAnalyzer: FileAnalyzer = {
  name: 'gitlab-ci',
  category: 'iac',
  rules: [],
  // A script with a manifest in a heredoc gets the file classified as Kubernetes; the name says what it is.
  required: (file) => (file.kind === 'config' || file.kind === 'kubernetes') && isGitlabCiFile(file.path),
  analyze: analyzePipeline,
};

/** Where GitLab keeps the lines it runs in the job's shell. */
const SCRIPT_KEYS: YamlPath[] = [['before_script'], ['script'], ['after_script'], ['hooks', 'pre_get_sources_script']];

function analyzePipeline(file: SourceFile): AnalyzerOutput {
  const parsed = parsePipeline(file.text);
  const source = new SourceText(file.text);
  const scopes = [...(isRecord(parsed.data?.['default']) ? [{ data: parsed.data['default'], path: ['default'] }] : []), ...parsed.jobs];
  const findings = [
    ...variableFindings(parsed.data?.['variables'], ['variables'], parsed.yaml, file.path, source),
    ...scopes.flatMap(({ data, path }) => [
      ...variableFindings(data['variables'], [...path, 'variables'], parsed.yaml, file.path, source),
      ...SCRIPT_KEYS.flatMap((key) => scriptLines(valueAt(data, key), [...path, ...key]).flatMap((line) => scriptFindings(line.text, line.path, parsed.yaml, file.path, source))),
    ]),
  ];
  const facts: ImageFacts = { images: gitlabCiImages(parsed, file.path) };
  return { findings, problems: parsed.problems, facts };
}

/** A script as GitLab takes it: one string, or a list of lines that may nest lists (from `!reference` tags). */
function scriptLines(value: unknown, path: YamlPath): Array<{ text: string; path: YamlPath }> {
  if (typeof value === 'string') return [{ text: value, path }];
  return Array.isArray(value) ? value.flatMap((item, i) => scriptLines(item, [...path, i])) : [];
}
