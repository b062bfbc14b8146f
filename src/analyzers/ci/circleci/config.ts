import { isRecord, type YamlMap } from '../../iac/kubernetes/parse.js';
import type { YamlPath } from '../../yaml-document.js';
import { ciDialectAnalyzer, type CiDialect, type CiJob } from '../ci-dialect.js';

/** `.circleci/config.yml`, the one file CircleCI reads. */
const CONFIG_FILE = /(^|\/)\.circleci\/config\.ya?ml$/;
/** A `shell:` that is no POSIX shell (Windows executors' default is PowerShell). */
const NOT_POSIX = /powershell|pwsh|\bcmd(\.exe)?\b/i;
/** An executor that is a Windows machine: the `win` orb's (`win/default`), or one named for Windows. */
const WINDOWS_EXECUTOR = /(^|\/)win(dows)?\b/i;

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
        const executor = typeof job['executor'] === 'string' ? job['executor'] : isRecord(job['executor']) ? String(job['executor']['name'] ?? '') : '';
        const machine = isRecord(job['machine']) ? String(job['machine']['image'] ?? '') : '';
        const windows = (typeof job['shell'] === 'string' && NOT_POSIX.test(job['shell'])) || WINDOWS_EXECUTOR.test(executor) || /windows/i.test(machine);
        found.push({ label: `CircleCI ${label} ${name}`, sessions: runSteps(job, path, windows).map((step) => [step]), variables: environments(job, path), images: dockerImages(job, path) });
      }
    }
    return found;
  },
};

export const circleCiAnalyzer = ciDialectAnalyzer(circleCi);

/**
 * The command of each `run` step, `run: cmd` or `run: {command: cmd}`, that a POSIX shell runs: the
 * step's own `shell:` decides, else the job's (PowerShell on a Windows executor).
 */
function runSteps(job: YamlMap, path: YamlPath, windows: boolean): YamlPath[] {
  const steps = job['steps'];
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((step, i): YamlPath[] => {
    const run = isRecord(step) ? step['run'] : undefined;
    const command = typeof run === 'string' ? [...path, 'steps', i, 'run'] : isRecord(run) && typeof run['command'] === 'string' ? [...path, 'steps', i, 'run', 'command'] : undefined;
    const shell = isRecord(run) && typeof run['shell'] === 'string' ? run['shell'] : undefined;
    return command && (shell === undefined ? !windows : !NOT_POSIX.test(shell)) ? [command] : [];
  });
}

/** `environment:` of the job, of its run steps and of its docker images (a map or a list). */
function environments(job: YamlMap, path: YamlPath): YamlPath[] {
  const steps = Array.isArray(job['steps']) ? job['steps'] : [];
  const docker = Array.isArray(job['docker']) ? job['docker'] : [];
  return [
    [...path, 'environment'],
    ...steps.flatMap((step, i): YamlPath[] => (isRecord(step) && isRecord(step['run']) ? [[...path, 'steps', i, 'run', 'environment']] : [])),
    ...docker.map((_entry, i): YamlPath => [...path, 'docker', i, 'environment']),
  ];
}

/** `docker: [{image: …}, …]`: the primary container, then service containers. */
function dockerImages(job: YamlMap, path: YamlPath): YamlPath[] {
  const docker = job['docker'];
  return Array.isArray(docker) ? docker.flatMap((entry, i): YamlPath[] => (isRecord(entry) ? [[...path, 'docker', i, 'image']] : [])) : [];
}
