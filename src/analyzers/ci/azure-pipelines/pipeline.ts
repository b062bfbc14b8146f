import { isRecord, type YamlMap } from '../../iac/kubernetes/parse.js';
import type { YamlPath } from '../../yaml-document.js';
import { ciDialectAnalyzer, type CiDialect, type CiJob } from '../ci-dialect.js';

/** `azure-pipelines.yml` and its variants (`azure-pipelines-release.yml`), and templates under `.azure-pipelines/`. */
const PIPELINE_FILE = /(^|\/)azure-pipelines[\w.-]*\.ya?ml$|(^|\/)\.azure-pipelines\/.+\.ya?ml$/;
/** A pool image whose `script:` steps run in cmd.exe. */
const WINDOWS_POOL = /windows|vs20\d\d|win\d/i;

/**
 * Azure Pipelines: each step is a shell of its own — `bash:`, `script:` (bash on Linux and macOS
 * agents, cmd.exe on Windows ones, so skipped there), and `Bash@3` tasks with an inline script —
 * in top-level `steps`, jobs, stages and deployment jobs' strategies; `env:` maps of steps and
 * `variables:` maps; images of job `container:`s, `services:` and `resources.containers`.
 */
export const azurePipelines: CiDialect = {
  name: 'azure-pipelines',
  isFile: (file) => PIPELINE_FILE.test(file),
  jobs(data: YamlMap): CiJob[] {
    const resources = isRecord(data['resources']) ? data['resources']['containers'] : undefined;
    const declared = Array.isArray(resources) ? resources : [];
    const containers: YamlPath[] = declared.map((_c, i) => ['resources', 'containers', i, 'image']);
    // A job's `container: py` names a resource declared as `- container: py`, not an image.
    const aliases = new Set(declared.flatMap((c) => (isRecord(c) && typeof c['container'] === 'string' ? [c['container']] : [])));
    return [{ label: 'Azure Pipelines resources', sessions: [], variables: [], images: containers }, ...jobsIn(data, [], { onWindows: windows(data), aliases })];
  },
};

export const azurePipelinesAnalyzer = ciDialectAnalyzer(azurePipelines);

/** The jobs of a pipeline, a stage or a job list, each with its steps (the pipeline's own top-level steps as one job). */
interface Context {
  onWindows: boolean;
  aliases: ReadonlySet<string>;
}

function jobsIn(scope: YamlMap, path: YamlPath, context: Context): CiJob[] {
  const found: CiJob[] = [];
  const label = path.length === 0 ? 'Azure Pipelines' : `Azure Pipelines job ${name(scope, path)}`;
  // A pipeline's or stage's `variables:` hold for every job under it, steps or none.
  if (Array.isArray(scope['steps'])) found.push(stepsJob(scope, path, context, label));
  else found.push({ label, sessions: [], variables: [[...path, 'variables']], images: [] });
  for (const key of ['stages', 'jobs'] as const) {
    const list = scope[key];
    if (!Array.isArray(list)) continue;
    list.forEach((entry, i) => {
      if (isRecord(entry)) found.push(...jobsIn(entry, [...path, key, i], { ...context, onWindows: context.onWindows || windows(entry) }));
    });
  }
  // A deployment job's steps sit under its strategy's lifecycle hooks.
  const strategy = scope['strategy'];
  if (isRecord(strategy)) {
    for (const [kind, hooks] of Object.entries(strategy)) {
      if (!isRecord(hooks)) continue;
      for (const [hook, body] of Object.entries(hooks)) {
        if (isRecord(body) && Array.isArray(body['steps'])) found.push(stepsJob(body, [...path, 'strategy', kind, hook], context, `Azure Pipelines job ${name(scope, path)} ${hook}`));
      }
    }
  }
  return found;
}

function stepsJob(scope: YamlMap, path: YamlPath, { onWindows, aliases }: Context, label: string): CiJob {
  const sessions: YamlPath[][] = [];
  const variables: YamlPath[] = [[...path, 'variables']];
  for (const { step, at } of stepsOf(scope['steps'], [...path, 'steps'])) {
    variables.push([...at, 'env']);
    if (typeof step['bash'] === 'string') sessions.push([[...at, 'bash']]);
    else if (typeof step['script'] === 'string' && !onWindows) sessions.push([[...at, 'script']]);
    else if (typeof step['task'] === 'string' && /^Bash@/i.test(step['task']) && isRecord(step['inputs']) && typeof step['inputs']['script'] === 'string') sessions.push([[...at, 'inputs', 'script']]);
  }
  const services = isRecord(scope['services']) ? scope['services'] : {};
  const image = (value: unknown, at: YamlPath): YamlPath[] => (isRecord(value) ? [[...at, 'image']] : typeof value === 'string' && !aliases.has(value) ? [at] : []);
  const images = [...image(scope['container'], [...path, 'container']), ...Object.entries(services).flatMap(([s, value]) => image(value, [...path, 'services', s]))];
  return { label, sessions, variables, images };
}

/** The steps of a list, also those inside template conditions (`- ${{ if eq(…) }}:` holding a list of steps). */
function stepsOf(list: unknown, path: YamlPath): Array<{ step: YamlMap; at: YamlPath }> {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i) => {
    if (!isRecord(item)) return [];
    const keys = Object.keys(item);
    const condition = keys.length === 1 && keys[0]!.startsWith('${{') ? keys[0]! : undefined;
    return condition ? stepsOf(item[condition], [...path, i, condition]) : [{ step: item, at: [...path, i] }];
  });
}

function name(scope: YamlMap, path: YamlPath): string {
  const named = scope['job'] ?? scope['deployment'] ?? scope['stage'];
  return typeof named === 'string' ? named : path.join('.');
}

function windows(scope: YamlMap): boolean {
  const pool = scope['pool'];
  const image = isRecord(pool) ? pool['vmImage'] : undefined;
  return typeof image === 'string' && WINDOWS_POOL.test(image);
}
