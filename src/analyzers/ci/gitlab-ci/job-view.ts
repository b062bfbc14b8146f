import { isRecord, valueAt, type YamlMap } from '../../iac/kubernetes/parse.js';
import type { YamlPath } from '../../yaml-document.js';
import { dereferenced, SCRIPT_KEYS, scriptLines, type GitlabJob, type ParsedPipeline, type ScriptLine } from './pipeline.js';

/** Keys a job takes from `default:` when neither it nor a job it extends sets them. */
const DEFAULT_KEYWORDS = ['after_script', 'artifacts', 'before_script', 'cache', 'hooks', 'id_tokens', 'image', 'interruptible', 'retry', 'services', 'tags', 'timeout'];
/** The keys the top level sets for every job, as `default:` does: their place before `default:` existed. */
const TOP_LEVEL_DEFAULTS = ['after_script', 'before_script', 'cache', 'image', 'services'];
/** How many levels of `extends` GitLab follows. */
const MAX_EXTENDS_DEPTH = 11;

/** A map of keys a job reads, and where it is written. */
export interface JobLayer {
  data: YamlMap;
  path: YamlPath;
}

/**
 * A job as GitLab runs it: its own keys win, then those of the jobs it extends (of several, the last
 * named first, each before what it extends in turn), then the defaults it inherits. `variables` is
 * the merge GitLab makes of the file's variables and every layer's.
 */
export interface JobView {
  layers: JobLayer[];
  variables: Map<string, string>;
}

export function jobView(pipeline: ParsedPipeline, job: GitlabJob): JobView {
  const own = extendedLayers(pipeline, job, 0);
  const inherit = (key: string): unknown => firstValue(pipeline, own, ['inherit', key])?.value ?? true;
  return { layers: [...own, ...defaultLayers(pipeline, inherit('default'))], variables: mergedVariables(pipeline, own, inherit('variables')) };
}

/** What every job inherits unless it says otherwise: `default:` and the top level's default keys, with the file's variables. */
function defaultsView(pipeline: ParsedPipeline): JobView {
  return { layers: defaultLayers(pipeline, true), variables: mergedVariables(pipeline, [], true) };
}

/**
 * The jobs of the file as GitLab runs them, and the templates (hidden jobs, `.name`) that no job of
 * the file extends: another file that includes this one may. A template that is extended here is
 * read as part of the jobs that extend it, with their variables.
 */
function pipelineViews(pipeline: ParsedPipeline): JobView[] {
  const extended = new Set(pipeline.jobs.flatMap((job) => extendsOf(job)));
  return pipeline.jobs.filter((job) => !(job.name.startsWith('.') && extended.has(job.name))).map((job) => jobView(pipeline, job));
}

/** Every job of the file as it runs, and the defaults as they stand alone: what the analyzer and the image list read. */
export function gitlabJobViews(pipeline: ParsedPipeline): JobView[] {
  return [...pipelineViews(pipeline), defaultsView(pipeline)];
}

/** The first layer's value at `path`, `!reference` tags followed, with the path where it is written. */
export function firstValue(pipeline: ParsedPipeline, layers: readonly JobLayer[], path: YamlPath): { value: unknown; path: YamlPath } | undefined {
  for (const layer of layers) {
    const found = dereferenced(pipeline.data, valueAt(layer.data, path), [...layer.path, ...path]);
    if (found.value !== undefined) return found;
  }
  return undefined;
}

/** The lines a job runs: each script key from the first layer that sets it. */
export function viewScripts(pipeline: ParsedPipeline, view: JobView): ScriptLine[] {
  return SCRIPT_KEYS.flatMap((key) => {
    const found = firstValue(pipeline, view.layers, key);
    return found ? scriptLines(pipeline, found.value, found.path, String(key[0])) : [];
  });
}

/**
 * The image a job runs in, with where it is written: a name, or a map whose `name` may come from a
 * job it extends (GitLab merges maps key by key, while a name replaces a map).
 */
export function viewImage(pipeline: ParsedPipeline, view: JobView): { value: string; path: YamlPath } | undefined {
  for (const layer of view.layers) {
    const { value, path } = dereferenced(pipeline.data, layer.data['image'], [...layer.path, 'image']);
    if (typeof value === 'string') return { value, path };
    if (isRecord(value) && typeof value['name'] === 'string') return { value: value['name'], path: [...path, 'name'] };
  }
  return undefined;
}

function extendsOf(job: GitlabJob): string[] {
  const named = job.data['extends'];
  return (Array.isArray(named) ? named : [named]).filter((name): name is string => typeof name === 'string');
}

function extendedLayers(pipeline: ParsedPipeline, job: GitlabJob, depth: number): JobLayer[] {
  const layers: JobLayer[] = [{ data: job.data, path: job.path }];
  if (depth >= MAX_EXTENDS_DEPTH) return layers;
  // Of several jobs extended, the last named overrides the ones before it.
  for (const name of extendsOf(job).reverse()) {
    const parent = pipeline.jobs.find((candidate) => candidate.name === name);
    if (parent) layers.push(...extendedLayers(pipeline, parent, depth + 1));
  }
  return layers;
}

/** `default:` and the top level, each cut to the keys a job inherits from it (`inherit: default:` false, or a list of keys). */
function defaultLayers(pipeline: ParsedPipeline, inherited: unknown): JobLayer[] {
  if (!pipeline.data || inherited === false) return [];
  const scopes: Array<[unknown, YamlPath, string[]]> = [
    [pipeline.data['default'], ['default'], DEFAULT_KEYWORDS],
    [pipeline.data, [], TOP_LEVEL_DEFAULTS],
  ];
  return scopes.flatMap(([data, path, keys]) => {
    if (!isRecord(data)) return [];
    const kept = keys.filter((key) => key in data && (!Array.isArray(inherited) || inherited.includes(key)));
    return [{ data: Object.fromEntries(kept.map((key) => [key, data[key]])), path }];
  });
}

/** The file's variables (`inherit: variables:` false, or a list of names), overridden by each layer's, the job's last. */
function mergedVariables(pipeline: ParsedPipeline, layers: readonly JobLayer[], inherited: unknown): Map<string, string> {
  const variables = new Map<string, string>();
  const file = inherited === false ? [] : [{ map: pipeline.data?.['variables'], path: ['variables'], keep: (name: string) => !Array.isArray(inherited) || inherited.includes(name) }];
  const scopes = [...file, ...[...layers].reverse().map((layer) => ({ map: layer.data['variables'], path: [...layer.path, 'variables'], keep: () => true }))];
  for (const scope of scopes) {
    const map = dereferenced(pipeline.data, scope.map, scope.path).value;
    if (!isRecord(map)) continue;
    for (const [name, written] of Object.entries(map)) {
      const value = dereferenced(pipeline.data, written, [...scope.path, name]).value;
      const text = isRecord(value) ? value['value'] : value;
      if (scope.keep(name) && (typeof text === 'string' || typeof text === 'number')) variables.set(name, String(text));
    }
  }
  return variables;
}
