import { isRecord, type YamlMap } from '../../iac/kubernetes/parse.js';
import type { YamlPath } from '../../yaml-document.js';
import { ciDialectAnalyzer, type CiDialect, type CiJob } from '../ci-dialect.js';

const PIPELINES_FILE = /(^|\/)bitbucket-pipelines\.ya?ml$/;

/**
 * Bitbucket Pipelines: every step under `pipelines:` (default, branches, tags, bookmarks,
 * pull-requests, custom; inside `parallel` and `stage` too) runs its `script` lines in one shell and
 * its `after-script` in another; images are the file's default `image`, each step's `image` and
 * the services defined under `definitions`.
 */
export const bitbucketPipelines: CiDialect = {
  name: 'bitbucket-pipelines',
  isFile: (file) => PIPELINES_FILE.test(file),
  jobs(data: YamlMap): CiJob[] {
    const found: CiJob[] = [{ label: 'Bitbucket Pipelines default', sessions: [], variables: [], images: [['image']] }];
    const services = isRecord(data['definitions']) ? data['definitions']['services'] : undefined;
    if (isRecord(services)) {
      for (const name of Object.keys(services)) found.push({ label: `Bitbucket Pipelines service ${name}`, sessions: [], variables: [], images: [['definitions', 'services', name, 'image']] });
    }
    const pipelines = data['pipelines'];
    if (!isRecord(pipelines)) return found;
    for (const [kind, entry] of Object.entries(pipelines)) {
      // `default` is a list of steps; the others map a branch, tag or name to one.
      const lists: Array<[unknown, YamlPath]> = Array.isArray(entry) ? [[entry, ['pipelines', kind]]] : isRecord(entry) ? Object.entries(entry).map(([name, list]) => [list, ['pipelines', kind, name]]) : [];
      for (const [list, path] of lists) found.push(...steps(list, path));
    }
    return found;
  },
};

export const bitbucketPipelinesAnalyzer = ciDialectAnalyzer(bitbucketPipelines);

/** The steps of a list of pipeline items, through `parallel` (a list or `{steps: …}`) and `stage: {steps: …}`. */
function steps(list: unknown, path: YamlPath): CiJob[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i): CiJob[] => {
    if (!isRecord(item)) return [];
    const at = [...path, i];
    if (isRecord(item['step'])) return [stepJob(item['step'], [...at, 'step'])];
    const parallel = item['parallel'];
    if (Array.isArray(parallel)) return steps(parallel, [...at, 'parallel']);
    if (isRecord(parallel)) return steps(parallel['steps'], [...at, 'parallel', 'steps']);
    const stage = item['stage'];
    return isRecord(stage) ? steps(stage['steps'], [...at, 'stage', 'steps']) : [];
  });
}

function stepJob(step: YamlMap, path: YamlPath): CiJob {
  const name = typeof step['name'] === 'string' ? step['name'] : path.join('.');
  const lines = (key: string): YamlPath[] => (Array.isArray(step[key]) ? step[key].flatMap((line, i): YamlPath[] => (typeof line === 'string' ? [[...path, key, i]] : [])) : []);
  return { label: `Bitbucket Pipelines step ${name}`, sessions: [lines('script'), lines('after-script')], variables: [], images: [[...path, 'image']] };
}
