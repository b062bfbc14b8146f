import { isRecord, type YamlMap } from '../../iac/kubernetes/parse.js';
import type { YamlPath } from '../../yaml-document.js';
import { ciDialectAnalyzer, type CiDialect, type CiJob } from '../ci-dialect.js';

/** `.circleci/config.yml`, the one file CircleCI reads. */
const CONFIG_FILE = /(^|\/)\.circleci\/config\.ya?ml$/;
/** A `run` step's `shell:` that is no POSIX shell (Windows executors). */
const NOT_POSIX = /powershell|pwsh|cmd(\.exe)?\b|bash\.exe/i;

/**
 * CircleCI: each `run` step of a job or of a reusable command is a shell of its own (it starts in the
 * job's working directory), so a session is one step; `environment:` maps of jobs and steps; the
 * `docker:` images of jobs and executors.
 */
export const circleCi: CiDialect = {
  name: 'circleci',
  isFile: (file) => CONFIG_FILE.test(file),
  jobs(data: YamlMap): CiJob[] {
    const found: CiJob[] = [];
    for (const [section, label] of [['jobs', 'job'], ['commands', 'command'], ['executors', 'executor']] as const) {
      const entries = data[section];
      if (!isRecord(entries)) continue;
      for (const [name, job] of Object.entries(entries)) {
        if (!isRecord(job)) continue;
        const path: YamlPath = [section, name];
        found.push({ label: `CircleCI ${label} ${name}`, sessions: runSteps(job, path).map((step) => [step]), variables: environments(job, path), images: dockerImages(job, path) });
      }
    }
    return found;
  },
};

export const circleCiAnalyzer = ciDialectAnalyzer(circleCi);

/** The command of each `run` step: `run: cmd` or `run: {command: cmd}`, unless its shell is not POSIX. */
function runSteps(job: YamlMap, path: YamlPath): YamlPath[] {
  const steps = job['steps'];
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((step, i): YamlPath[] => {
    const run = isRecord(step) ? step['run'] : undefined;
    if (typeof run === 'string') return [[...path, 'steps', i, 'run']];
    if (!isRecord(run) || typeof run['command'] !== 'string') return [];
    return typeof run['shell'] === 'string' && NOT_POSIX.test(run['shell']) ? [] : [[...path, 'steps', i, 'run', 'command']];
  });
}

function environments(job: YamlMap, path: YamlPath): YamlPath[] {
  const steps = Array.isArray(job['steps']) ? job['steps'] : [];
  return [
    [...path, 'environment'],
    ...steps.flatMap((step, i): YamlPath[] => (isRecord(step) && isRecord(step['run']) ? [[...path, 'steps', i, 'run', 'environment']] : [])),
  ];
}

/** `docker: [{image: …}, …]`: the primary container, then service containers. */
function dockerImages(job: YamlMap, path: YamlPath): YamlPath[] {
  const docker = job['docker'];
  return Array.isArray(docker) ? docker.flatMap((entry, i): YamlPath[] => (isRecord(entry) ? [[...path, 'docker', i, 'image']] : [])) : [];
}
