import type { ComposeService, ParsedCompose } from '../analyzers/iac/compose/parse.js';
import type { PythonLineage } from '../analyzers/python/facts.js';
import { expressionsIn } from '../analyzers/ci/github-actions/expressions.js';
import { parseUses, runsShell, stepEnvironment, type ParsedWorkflow } from '../analyzers/ci/github-actions/workflow.js';
import type { ParsedPipeline } from '../analyzers/ci/gitlab-ci/pipeline.js';
import { firstValue, gitlabJobViews, viewImage, viewScripts, type JobView } from '../analyzers/ci/gitlab-ci/job-view.js';
import { once } from '../core/once.js';
import { ciCommands, scriptRange } from '../analyzers/ci/script-findings.js';
import type { YamlDocument, YamlPath } from '../analyzers/yaml-document.js';
import type { Command, Word } from '../analyzers/container/dockerfile/shell.js';
import { dockerRuns } from '../analyzers/shell/docker-run.js';
import { LineIndex } from '../analyzers/sql/lines.js';
import { isRecord, listAt, recordAt, valueAt, type K8sObject, type ParsedManifests, type Path } from '../analyzers/iac/kubernetes/parse.js';
import { podsOf } from '../analyzers/iac/kubernetes/workloads.js';
import { parseImageRef, substitute, type ContainerImage } from './containers.js';

const NO_VARIABLES: ReadonlyMap<string, string | undefined> = new Map();

/**
 * The image of each Compose service. Variables are substituted as Compose does for unset ones
 * (`${TAG:-1.4}` is 1.4); the others (`${TAG}`, `${TAG:?required}`) stay as written and are listed
 * as unresolved, as the values come from the environment or an .env file at `docker compose up`.
 */
export function composeImages(parsed: ParsedCompose, file: string): ContainerImage[] {
  return parsed.services.flatMap((service: ComposeService) => {
    const written = service.data['image'];
    if (typeof written !== 'string' || written.trim() === '') return [];
    const { text, unresolved } = substitute(written.trim(), NO_VARIABLES);
    const line = parsed.locate([...service.path, 'image']).startLine;
    return [containerImage(text, file, line, `compose service ${service.name}`, unresolved)];
  });
}

/** Where Argo Workflows keep their templates, by kind. */
const ARGO_TEMPLATES: Record<string, Path> = {
  Workflow: ['spec', 'templates'],
  WorkflowTemplate: ['spec', 'templates'],
  ClusterWorkflowTemplate: ['spec', 'templates'],
  CronWorkflow: ['spec', 'workflowSpec', 'templates'],
};

/** The image of every container of the manifests' workloads (pods, controllers, jobs) and Argo Workflow steps. */
export function kubernetesImages(parsed: ParsedManifests, file: string): ContainerImage[] {
  const found: ContainerImage[] = [];
  const add = (object: K8sObject, path: Path, container: string) => {
    const written = valueAt(object.data, [...path, 'image']);
    // An Argo parameter (`{{inputs.parameters.image}}`) names no image until the workflow runs.
    if (typeof written !== 'string' || written.trim() === '' || written.includes('{{')) return;
    found.push(containerImage(written.trim(), file, parsed.locate(object, [...path, 'image']).startLine, `${object.kind} ${objectName(object)}, container ${container}`, []));
  };
  for (const pod of podsOf(parsed.objects)) for (const c of pod.containers) add(pod.object, c.path, c.name);
  for (const object of parsed.objects) {
    const templates = ARGO_TEMPLATES[object.kind];
    if (!templates) continue;
    listAt(object.data, templates).forEach((template, i) => {
      if (!isRecord(template)) return;
      for (const part of ['container', 'script'] as const) {
        if (recordAt(template, [part])) add(object, [...templates, i, part], String(template['name'] ?? `templates[${i}]`));
      }
    });
  }
  return found;
}

/**
 * The images a Python module or notebook runs: its Airflow tasks' (a pod or Docker operator's,
 * `@task.docker`'s) and the containers its code starts (docker-py, `docker run` in commands and a
 * notebook's shell commands), as a literal names them.
 */
export function pythonModuleImages(lineage: Pick<PythonLineage, 'tasks' | 'containers'>, file: string): ContainerImage[] {
  const named = (reference: string, line: number, workload: string) => {
    const { text, unresolved } = substitute(reference, NO_VARIABLES);
    return containerImage(text, file, line, workload, unresolved);
  };
  return [
    ...lineage.tasks.flatMap((task) => (task.image ? [named(task.image.reference, task.image.line, `Airflow task ${task.taskId} (${task.operator})`)] : [])),
    ...(lineage.containers ?? []).map((c) => named(c.image, c.line, `${file.endsWith('.ipynb') ? 'Notebook' : 'Python'} ${c.api}`)),
  ];
}

/**
 * The images a GitHub Actions workflow runs: each job's `container`, its `services`, steps that
 * run a `docker://` image, and `docker run` in bash or sh `run:` scripts, whose `$VARIABLES` take
 * the step's `env`. An image named by an expression (`python:${{ matrix.python }}`) keeps it as
 * written and lists it as unresolved, since the value is only known when the job runs.
 */
export function workflowImages(parsed: ParsedWorkflow, file: string): ContainerImage[] {
  const found: ContainerImage[] = [];
  const add = (written: unknown, path: YamlPath, workload: string) => {
    if (typeof written !== 'string' || written.trim() === '') return;
    const unresolved = expressionsIn(written).map((e) => e.raw);
    found.push(containerImage(written.trim(), file, parsed.yaml.locate(path).startLine, workload, unresolved));
  };
  const workflow = parsed.workflow;
  for (const job of workflow?.jobs ?? []) {
    const container = job.data['container'];
    add(isRecord(container) ? container['image'] : container, [...job.path, 'container', ...(isRecord(container) ? ['image'] : [])], `GitHub Actions job ${job.id}, container`);
    const services = job.data['services'];
    if (isRecord(services)) {
      for (const [name, service] of Object.entries(services)) add(isRecord(service) ? service['image'] : undefined, [...job.path, 'services', name, 'image'], `GitHub Actions job ${job.id}, service ${name}`);
    }
    for (const step of job.steps) {
      const uses = step.data['uses'];
      const ref = typeof uses === 'string' ? parseUses(uses) : undefined;
      if (ref?.kind === 'docker') add((uses as string).trim().slice('docker://'.length), [...step.path, 'uses'], `GitHub Actions job ${job.id}, step ${step.label}`);
      const run = step.data['run'];
      if (typeof run === 'string' && runsShell(workflow!, job, step)) {
        // Names are compared as stepEnvironment keeps them, in lower case.
        const env = stepEnvironment(workflow!, job, step);
        const expand = (written: string) => {
          const { text, unresolved } = substitute(written, { get: (name) => env.get(name.toLowerCase()) });
          return { text, unresolved: [...unresolved, ...expressionsIn(text).map((e) => e.raw)] };
        };
        found.push(...ciScriptImages(run, [...step.path, 'run'], parsed.yaml, file, `GitHub Actions job ${job.id}, step ${step.label}, docker run`, expand));
      }
    }
  }
  return found;
}

/**
 * The images a GitLab CI file runs: each job's `image` and `services`, as a string or `{name: …}`,
 * and `docker run` in its scripts, as GitLab runs the job (what it extends, the defaults it
 * inherits, `!reference` tags), and the defaults themselves. Variables are substituted from the
 * file's, the job's and its templates' `variables:`; others (`$CI_REGISTRY_IMAGE`) stay as
 * written and are listed as unresolved. Each image is listed under the place it is written (a
 * template or `default:`), once for every value its variables take in the jobs that run it.
 */
export function gitlabCiImages(parsed: ParsedPipeline, file: string, views: readonly JobView[] = gitlabJobViews(parsed)): ContainerImage[] {
  const found: ContainerImage[] = [];
  const jobs = new Set(parsed.jobs.map((job) => job.name));
  // Values are listed under the job or template they are written in; the others are `default:`'s or the top level's.
  const scope = (path: YamlPath) => (jobs.has(String(path[0])) ? `GitLab CI job ${String(path[0])}` : 'GitLab CI default');
  for (const view of views) {
    const expand = (written: string) => expandGitlabVariables(written, view.variables);
    const add = (named: unknown, at: YamlPath, kind: string) => {
      if (typeof named !== 'string' || named.trim() === '') return;
      const { text, unresolved } = expand(named.trim());
      found.push(containerImage(text, file, parsed.yaml.locate(at).startLine, `${scope(at)} ${kind}`, unresolved));
    };
    const image = viewImage(parsed, view);
    if (image) add(image.value, image.path, 'image');
    const services = firstValue(parsed, view.layers, ['services']);
    if (services && Array.isArray(services.value)) {
      services.value.forEach((service, i) => add(isRecord(service) ? service['name'] : service, [...services.path, i, ...(isRecord(service) ? ['name'] : [])], 'service'));
    }
    for (const line of viewScripts(parsed, view)) found.push(...ciScriptImages(line.text, line.path, parsed.yaml, file, `${scope(line.path)} script, docker run`, expand));
  }
  // The sort is stable: images of one line keep the order of the jobs that run them.
  return once([...found].sort((a, b) => a.line - b.line), (i) => [i.line, i.name, i.tag, i.workload]);
}

/** How deep variables set from variables are followed: `APP_IMAGE: $REGISTRY/app` with `REGISTRY: $CI_REGISTRY`. */
const MAX_EXPANSIONS = 5;

/**
 * GitLab's expansion of a value: variables set from other variables are followed; a component's
 * `$[[ inputs.name ]]` is unresolved (its value comes from whoever includes the component).
 */
function expandGitlabVariables(written: string, variables: ReadonlyMap<string, string>): { text: string; unresolved: string[] } {
  let text = written;
  for (let i = 0; i < MAX_EXPANSIONS && text.includes('$'); i++) {
    const next = substitute(text, variables).text;
    // A variable set from itself (`PATH_IMAGE: $PATH_IMAGE/x`) would only grow.
    if (next === text || next.includes(text)) break;
    text = next;
  }
  const inputs = [...text.matchAll(/\$\[\[\s*([^\]]*?)\s*\]\]/g)].map((m) => m[1]!);
  return { text, unresolved: [...substitute(text, variables).unresolved, ...inputs] };
}

/**
 * The images a shell script starts with `docker run` (podman's, nerdctl's). Shell variables with a
 * default take it (`${TAG:-2.1}`); others stay as written and are listed as unresolved.
 */
export function shellImages(text: string, commands: readonly Command[], file: string): ContainerImage[] {
  const lines = new LineIndex(text);
  return dockerRunImages(commands, (written) => substitute(written, NO_VARIABLES)).map(({ written, ...found }) => containerImage(found.text, file, lines.position(written.start).line, 'docker run', found.unresolved));
}

/** The images `docker run` starts in a CI script, each on the line of the YAML source that names it. */
export function ciScriptImages(script: string, at: YamlPath, yaml: YamlDocument, file: string, workload: string, expand: Expand): ContainerImage[] {
  return dockerRunImages(ciCommands(script), expand).map(({ written, ...found }) => containerImage(found.text, file, scriptRange(script, written.start, written.end, at, yaml).startLine, workload, found.unresolved));
}

type Expand = (written: string) => { text: string; unresolved: string[] };

/** The image word of each `docker run` among the commands, with its variables expanded. */
function dockerRunImages(commands: readonly Command[], expand: Expand): Array<{ written: Word; text: string; unresolved: string[] }> {
  return dockerRuns(commands).flatMap((run) => (run.image && run.image.text.trim() !== '' ? [{ written: run.image, ...expand(run.image.text.trim()) }] : []));
}

function objectName(object: K8sObject): string {
  const name = valueAt(object.data, ['metadata', 'name']) ?? valueAt(object.data, ['metadata', 'generateName']);
  return typeof name === 'string' ? name : '(unnamed)';
}

/** An image as the inventory lists it: its reference parsed, where it is named, what runs it, and the variables left unresolved in it. */
export function containerImage(text: string, file: string, line: number, workload: string, unresolved: string[]): ContainerImage {
  return { ...parseImageRef(text), file, line, workload, ...(unresolved.length > 0 ? { unresolvedArgs: unresolved } : {}) };
}
