import { isScalar, type CollectionTag } from 'yaml';
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

/** A `!reference [job, key, …]` tag: the value written at that path of the file, reused where the tag stands. */
export class GitlabReference {
  constructor(readonly names: readonly string[]) {}
}

const REFERENCE_TAG: CollectionTag = {
  tag: '!reference',
  collection: 'seq',
  resolve: (names) => new GitlabReference(names.items.map((name) => (isScalar(name) ? String(name.value) : ''))),
};

/** How many `!reference` tags GitLab follows in a row (a tag naming a value that is itself a tag). */
const MAX_REFERENCE_DEPTH = 10;

/** A value with a `!reference` tag followed to what it names, and the path where that is written; undefined when it names nothing. */
export function dereferenced(data: unknown, value: unknown, path: YamlPath, depth = 0): { value: unknown; path: YamlPath } {
  if (!(value instanceof GitlabReference)) return { value, path };
  if (depth >= MAX_REFERENCE_DEPTH) return { value: undefined, path };
  return dereferenced(data, valueAt(data, value.names), value.names, depth + 1);
}

/**
 * A GitLab CI file. A CI/CD component's `spec:` header, a document of its own before `---`, is
 * blanked line for line, so the pipeline after it is read with its own line numbers.
 */
export function parsePipeline(text: string): ParsedPipeline {
  const yaml = parseYamlDocument(withoutSpecHeader(text), [REFERENCE_TAG]);
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

/** Where GitLab keeps the lines it runs in the job's shell. */
export const SCRIPT_KEYS: YamlPath[] = [['before_script'], ['script'], ['after_script'], ['hooks', 'pre_get_sources_script']];

export interface ScriptLine {
  text: string;
  /** Where the line is written: in the job, a job it extends, `default:`, or where a `!reference` tag points. */
  path: YamlPath;
  /** The key it runs under (`before_script`, `script`, `after_script`, `hooks`): each shell reads some of them in turn. */
  key: string;
}

/** The script lines of a job (or of `default:`) at `path` as written there, `!reference` tags followed. */
export function jobScripts(pipeline: ParsedPipeline, data: YamlMap, path: YamlPath): ScriptLine[] {
  return SCRIPT_KEYS.flatMap((key) => scriptLines(pipeline, valueAt(data, key), [...path, ...key], String(key[0])));
}

/** A script as GitLab takes it: one string, or a list of lines that may nest lists and `!reference` tags. */
export function scriptLines(pipeline: ParsedPipeline, value: unknown, path: YamlPath, key: string, depth = 0): ScriptLine[] {
  if (typeof value === 'string') return [{ text: value, path, key }];
  if (value instanceof GitlabReference) {
    if (depth >= MAX_REFERENCE_DEPTH) return [];
    const target = dereferenced(pipeline.data, value, path);
    return scriptLines(pipeline, target.value, target.path, key, depth + 1);
  }
  return Array.isArray(value) ? value.flatMap((item, i) => scriptLines(pipeline, item, [...path, i], key, depth)) : [];
}
