import { isRecord, valueAt, type YamlMap } from '../../iac/kubernetes/parse.js';
import { parseYamlDocument, type YamlDocument, type YamlPath } from '../../yaml-document.js';

/** `.gitlab-ci.yml`, its variants (`build.gitlab-ci.yml`) and files under `.gitlab/ci/` that it includes. */
const PIPELINE_FILE = /(^|\/)([\w.-]+\.)?\.?gitlab-ci\.ya?ml$|(^|\/)\.gitlab\/ci\/.+\.ya?ml$/i;

export function isGitlabCiFile(file: string): boolean {
  return PIPELINE_FILE.test(file);
}

/** Top-level keys that configure the pipeline rather than name a job. */
const KEYWORDS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'before_script', 'after_script', 'cache', 'spec']);

export interface GitlabJob {
  name: string;
  data: YamlMap;
  path: YamlPath;
}

export interface ParsedPipeline {
  /** The whole file as data; undefined when it cannot be read. */
  data: YamlMap | undefined;
  /** Jobs, hidden ones (`.template`) included, as written (`extends` not applied). */
  jobs: GitlabJob[];
  problems: string[];
  yaml: YamlDocument;
}

/**
 * A GitLab CI file. A CI/CD component's `spec:` header, a document of its own before `---`, is
 * blanked line for line, so the pipeline after it is read with its own line numbers.
 */
export function parsePipeline(text: string): ParsedPipeline {
  const yaml = parseYamlDocument(withoutSpecHeader(text));
  const data = isRecord(yaml.data) ? yaml.data : undefined;
  const jobs = Object.entries(data ?? {}).flatMap(([name, job]): GitlabJob[] => (KEYWORDS.has(name) || !isRecord(job) ? [] : [{ name, data: job, path: [name] }]));
  return { data, jobs, problems: yaml.problems, yaml };
}

function withoutSpecHeader(text: string): string {
  const separator = /^---[ \t]*$/m.exec(text);
  if (!separator || !/^spec:/m.test(text.slice(0, separator.index))) return text;
  const header = text.slice(0, separator.index + separator[0].length);
  return header.replace(/[^\n]/g, '') + text.slice(header.length);
}

/** The variables a job sees as written: the file's `variables:`, overridden by the job's (plain values and `{value: …}`). */
export function jobVariables(pipeline: ParsedPipeline, job: GitlabJob | undefined): Map<string, string> {
  const variables = new Map<string, string>();
  for (const scope of [pipeline.data?.['variables'], job?.data['variables']]) {
    if (!isRecord(scope)) continue;
    for (const [name, value] of Object.entries(scope)) {
      const text = isRecord(value) ? value['value'] : value;
      if (typeof text === 'string' || typeof text === 'number') variables.set(name, String(text));
    }
  }
  return variables;
}

/** Where GitLab keeps the lines it runs in the job's shell. */
const SCRIPT_KEYS: YamlPath[] = [['before_script'], ['script'], ['after_script'], ['hooks', 'pre_get_sources_script']];

/** The script lines of a job (or of `default:`) at `path`, each with its own path in the file. */
export function jobScripts(data: YamlMap, path: YamlPath): Array<{ text: string; path: YamlPath }> {
  return SCRIPT_KEYS.flatMap((key) => scriptLines(valueAt(data, key), [...path, ...key]));
}

/** A script as GitLab takes it: one string, or a list of lines that may nest lists (from `!reference` tags). */
function scriptLines(value: unknown, path: YamlPath): Array<{ text: string; path: YamlPath }> {
  if (typeof value === 'string') return [{ text: value, path }];
  return Array.isArray(value) ? value.flatMap((item, i) => scriptLines(item, [...path, i])) : [];
}
