import { isRecord, type YamlMap } from '../../../iac/kubernetes/parse.js';
import type { YamlPath } from '../../../yaml-document.js';
import { expressionsIn } from '../expressions.js';
import { GHA_DOCS, type GhaRule } from '../gha-rule.js';
import { logicalLines, shellVariables, stepEnvironment, type Workflow, type WorkflowJob, type WorkflowStep } from '../workflow.js';

/** A step that fetches the triggering run's artifacts, and where it puts them. */
interface ArtifactDownload {
  /** Where to report it. */
  path: YamlPath;
  /** The line of a script that downloads, to report inside a long script. */
  needle?: string;
  /** The destination as written; undefined for the tool's default (the working directory). */
  destination: string | undefined;
  how: string;
}

/** `${{ github.event.workflow_run.id }}`, `…workflow_run.workflow_id` and the like: the run that triggered this one. */
const namesTriggeringRun = (text: string): boolean => expressionsIn(text).some((e) => e.references.some((r) => r.startsWith('github.event.workflow_run.')));

export const ghaUntrustedArtifact: GhaRule = {
  id: 'gha.untrusted-artifact',
  title: 'Privileged workflow unpacks the triggering run’s artifacts into its workspace',
  category: 'iac',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-829', 'CWE-494'],
  what:
    'In a `workflow_run` workflow (or a `workflow_call` one that reads `github.event.workflow_run`, as its caller’s event), ' +
    'finds steps that download the artifacts of the run that triggered it — `actions/download-artifact` with `run-id: ' +
    '${{ github.event.workflow_run.id }}`, any other downloader action (`dawidd6/action-download-artifact`, ' +
    '`…/download-workflow-artifact`) given a `github.event.workflow_run.*` value, `gh run download` of that run, or ' +
    '`actions/github-script` calling `downloadArtifact` (or a local download-artifact module) for it; the run may also ' +
    'come through an `env` variable — and unpack them into the workspace: no destination, a relative one, or ' +
    '`github.workspace`. A destination under `runner.temp`, `$RUNNER_TEMP` or another absolute path outside the ' +
    'workspace is not reported; neither is a download of the same run’s artifacts (no `run-id`), nor a job or step whose ' +
    '`if:` admits only this repository’s runs (`github.event.workflow_run.head_repository.full_name == ' +
    'github.repository`, `head_repository.fork == false`, the owner’s login compared with `github.repository_owner`, or ' +
    '`github.event.workflow_run.event` required to be `push`, `schedule`, `workflow_dispatch`, `release` or ' +
    '`merge_group`), without an `||` beside it.',
  why:
    '`workflow_run` runs with the base repository’s secrets and a token that can write to it, after a run that may have ' +
    'built a pull request from a fork. That run’s artifacts are whatever the fork’s code wrote. Unpacked into the ' +
    'workspace they sit beside — and can overwrite — the scripts, `package.json`, Makefiles and dbt projects later steps ' +
    'run: artifact poisoning, the same takeover as checking out the fork’s code.',
  remediation:
    'Download into `${{ runner.temp }}/artifacts` (`path:` for the actions, `--dir` for `gh run download`), treat what is ' +
    'there as data — validate a PR number with a pattern before using it, never source or execute it — and keep the ' +
    'privileged job’s own code from the base branch.',
  bad: [
    {
      file: '.github/workflows/comment.yml',
      code:
        'on:\n  workflow_run:\n    workflows: [ci]\n    types: [completed]\njobs:\n  comment:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: actions/checkout@v4\n      - uses: actions/download-artifact@v4\n        with:\n          name: report\n' +
        '          run-id: ${{ github.event.workflow_run.id }}\n          github-token: ${{ secrets.GITHUB_TOKEN }}\n      - run: ./scripts/post-report.sh\n',
    },
    {
      file: '.github/workflows/publish.yml',
      code:
        'on:\n  workflow_run:\n    workflows: [build]\n    types: [completed]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - run: gh run download ${{ github.event.workflow_run.id }} -n docs\n        env:\n          GH_TOKEN: ${{ github.token }}\n',
    },
  ],
  good: [
    {
      file: '.github/workflows/comment.yml',
      code:
        'on:\n  workflow_run:\n    workflows: [ci]\n    types: [completed]\njobs:\n  comment:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: actions/download-artifact@v4\n        with:\n          name: report\n          path: ${{ runner.temp }}/report\n' +
        '          run-id: ${{ github.event.workflow_run.id }}\n          github-token: ${{ secrets.GITHUB_TOKEN }}\n',
    },
    {
      file: '.github/workflows/ci.yml',
      code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/download-artifact@v4\n        with:\n          name: wheels\n',
    },
  ],
  references: [
    'https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/',
    `${GHA_DOCS}#onworkflow_run`,
    'https://cwe.mitre.org/data/definitions/494.html',
  ],
  check(ctx) {
    if (!triggeredByRun(ctx.workflow)) return;
    for (const job of ctx.workflow.jobs) {
      if (excludesForks(job.data['if'])) continue;
      for (const step of job.steps) {
        if (excludesForks(step.data['if'])) continue;
        for (const download of downloadsOf(ctx.workflow, job, step)) {
          if (download.destination !== undefined && !inWorkspace(download.destination)) continue;
          const where = download.destination === undefined ? 'the workspace' : `the workspace (${download.destination.trim()})`;
          const message =
            `Step ${step.label} of job "${job.id}" ${download.how} into ${where}: files the triggering run — possibly a fork's ` +
            `pull request — wrote land beside the code later steps run with the base repository's secrets`;
          if (download.needle === undefined) ctx.report(download.path, { message });
          else ctx.reportText(download.path, download.needle, { message });
        }
      }
    }
  },
};

/** An action that downloads artifacts: actions/download-artifact, dawidd6/action-download-artifact, carpentries/actions/download-workflow-artifact… */
const DOWNLOADER = /download[-_]?(workflow[-_]?)?artifacts?|artifacts?[-_]?download/i;
/** Inputs that name the run to download from, reported in preference to the others. */
const RUN_INPUTS = ['run-id', 'run_id', 'runid'];
/** github-script's `downloadArtifact` call, or a local module named for it. */
const DOWNLOAD_CALL = /downloadArtifact|download[-_]?artifact/i;
const DOWNLOADS = 'downloads the triggering run’s artifacts';

/** A workflow_run workflow, or a reusable one (workflow_call) that reads `github.event.workflow_run`, so a workflow_run caller's event. */
function triggeredByRun(workflow: Workflow): boolean {
  if (workflow.triggers.has('workflow_run')) return true;
  return workflow.triggers.has('workflow_call') && /github\.event\.workflow_run\b/i.test(JSON.stringify(workflow.data));
}

function downloadsOf(workflow: Workflow, job: WorkflowJob, step: WorkflowStep): ArtifactDownload[] {
  const env = stepEnvironment(workflow, job, step);
  // A value reads the triggering run directly, or through `${{ env.RUN_ID }}` set from it.
  const fromTriggeringRun = (value: string): boolean =>
    namesTriggeringRun(value) || expressionsIn(value).some((e) => e.references.some((r) => r.startsWith('env.') && namesTriggeringRun(env.get(r.slice(4)) ?? '')));
  const uses = typeof step.data['uses'] === 'string' ? step.data['uses'].trim() : '';
  const inputs: YamlMap = isRecord(step.data['with']) ? step.data['with'] : {};
  const text = (key: string): string | undefined => (typeof inputs[key] === 'string' ? inputs[key] : undefined);
  const script = text('script');
  if (/^actions\/github-script@/i.test(uses)) {
    if (script === undefined || !(/\bworkflow_run\b/.test(script) || [...env.values()].some(namesTriggeringRun))) return [];
    const call = DOWNLOAD_CALL.exec(script)?.[0];
    if (call === undefined) return [];
    // The script writes the archive itself: outside the workspace only when it names the runner's temporary directory.
    const destination = /RUNNER_TEMP|runner\.temp/.test(script) ? '$RUNNER_TEMP' : undefined;
    return [{ path: [...step.path, 'with', 'script'], needle: call, destination, how: DOWNLOADS }];
  }
  if (DOWNLOADER.test(uses)) {
    // actions/download-artifact reads another run only through run-id; without it, the artifacts are this run's own.
    const candidates = /^actions\/download-artifact@/i.test(uses) ? ['run-id'] : [...RUN_INPUTS.filter((k) => k in inputs), ...Object.keys(inputs)];
    const key = candidates.find((k) => fromTriggeringRun(text(k) ?? ''));
    return key === undefined ? [] : [{ path: [...step.path, 'with', key], destination: text('path'), how: DOWNLOADS }];
  }
  const run = step.data['run'];
  return typeof run === 'string' ? ghRunDownloads(run, [...step.path, 'run'], env) : [];
}

/** `gh run download <run>` commands whose run is the triggering one, written out or through an `env` variable set from it. */
function ghRunDownloads(script: string, path: YamlPath, env: Map<string, string>): ArtifactDownload[] {
  return logicalLines(script).flatMap(({ text, first }): ArtifactDownload[] => {
    const command = /\bgh\s+run\s+download\b.*/.exec(text)?.[0];
    if (command === undefined) return [];
    const variables = shellVariables(command).map((name) => env.get(name.toLowerCase()) ?? '');
    if (!namesTriggeringRun(command) && !variables.some(namesTriggeringRun)) return [];
    const directory = /(?:^|\s)(?:-D|--dir)(?:\s+|=)("[^"]*"|'[^']*'|\S+)/.exec(command)?.[1];
    return [{ path, needle: first.trim(), destination: directory?.replace(/^["']|["']$/g, ''), how: `${DOWNLOADS} with gh run download` }];
  });
}

/** Comparisons in an `if:` that admit only runs of this repository's own branches. */
const SAME_REPOSITORY = [
  /workflow_run\.head_repository\.(full_name|id) ?== ?github\.(repository|repository_id)\b/,
  /github\.(repository|repository_id) ?== ?github\.event\.workflow_run\.head_repository\.(full_name|id)\b/,
  /workflow_run\.head_repository\.fork ?== ?false\b|! ?github\.event\.workflow_run\.head_repository\.fork\b/,
  /workflow_run\.head_repository\.owner\.login ?== ?github\.repository_owner\b|github\.repository_owner ?== ?github\.event\.workflow_run\.head_repository\.owner\.login\b/,
  /workflow_run\.event ?(== ?'(push|schedule|workflow_dispatch|release|merge_group)'|!= ?'pull_request(_target)?')/,
];

/**
 * An `if:` that lets only runs of this repository's own branches through: the triggering run's
 * head repository compared with this one (or found not to be a fork), or its event required to be
 * one a fork cannot cause.
 */
function excludesForks(condition: unknown): boolean {
  if (typeof condition !== 'string') return false;
  const text = condition.replace(/\s+/g, ' ');
  // With an alternative beside it, the comparison no longer decides.
  if (text.includes('||') || /workflow_run\.event ?== ?'pull_request/.test(text)) return false;
  return SAME_REPOSITORY.some((pattern) => pattern.test(text));
}

/** Whether a destination is inside the workspace: relative, or the workspace named; the runner's temporary directory and other absolute paths are not. */
function inWorkspace(destination: string): boolean {
  const value = destination.trim();
  if (/^\$\{\{\s*github\.workspace\s*\}\}|^\$\{?GITHUB_WORKSPACE\b/i.test(value)) return true;
  // Another expression or variable (runner.temp, env.DIR) decides the place: not judged.
  if (/^(\$|~|\/|[A-Za-z]:[\\/])/.test(value)) return false;
  return true;
}
