import { isRecord, type YamlMap } from '../../iac/kubernetes/parse.js';
import { parseYamlDocument, type YamlDocument, type YamlPath } from '../../yaml-document.js';

/**
 * GitHub reads workflows only from files directly in .github/workflows (not its subdirectories);
 * the prefix allows a repository scanned from a parent directory.
 */
const WORKFLOW_FILE = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;

export function isWorkflowFile(file: string): boolean {
  return WORKFLOW_FILE.test(file);
}

/**
 * Events whose runs get the base repository's secrets and a write token while what they act on —
 * the pull request, the triggering run's artifacts — can come from a fork.
 */
export const PRIVILEGED_TRIGGERS: readonly string[] = ['pull_request_target', 'workflow_run'];

export interface WorkflowStep {
  data: YamlMap;
  /** ['jobs', jobId, 'steps', index]. */
  path: YamlPath;
  /** How the step is named in messages: its `name`, `id`, or its position. */
  label: string;
}

export interface WorkflowJob {
  id: string;
  data: YamlMap;
  /** ['jobs', jobId]. */
  path: YamlPath;
  steps: WorkflowStep[];
}

export interface Workflow {
  data: YamlMap;
  /** The events that start the workflow, lower-cased, however `on` writes them. */
  triggers: ReadonlySet<string>;
  jobs: WorkflowJob[];
}

export interface ParsedWorkflow {
  /** Undefined for invalid YAML and for YAML that is not a workflow (no `jobs` map). */
  workflow: Workflow | undefined;
  problems: string[];
  yaml: YamlDocument;
}

export function parseWorkflow(text: string): ParsedWorkflow {
  const yaml = parseYamlDocument(text);
  const data = yaml.data;
  if (!isRecord(data) || !isRecord(data['jobs'])) return { workflow: undefined, problems: yaml.problems, yaml };
  const jobs = Object.entries(data['jobs']).flatMap(([id, job]): WorkflowJob[] => {
    if (!isRecord(job)) return [];
    const steps = Array.isArray(job['steps']) ? job['steps'] : [];
    return [
      {
        id,
        data: job,
        path: ['jobs', id],
        steps: steps.flatMap((step, index): WorkflowStep[] => (isRecord(step) ? [{ data: step, path: ['jobs', id, 'steps', index], label: stepLabel(step, index) }] : [])),
      },
    ];
  });
  return { workflow: { data, triggers: triggersOf(data['on']), jobs }, problems: [], yaml };
}

/** `on: push`, `on: [push, pull_request]` and `on: {push: {…}}` all name events. */
function triggersOf(on: unknown): Set<string> {
  const names = typeof on === 'string' ? [on] : Array.isArray(on) ? on : isRecord(on) ? Object.keys(on) : [];
  return new Set(names.filter((n): n is string => typeof n === 'string').map((n) => n.trim().toLowerCase()));
}

/** Whether a `run:` step runs in bash or sh: its `shell`, else the job's or the workflow's `defaults.run.shell`, else the runner's default. */
export function runsShell(workflow: Workflow, job: WorkflowJob, step: WorkflowStep): boolean {
  const defaults = (data: Record<string, unknown>): unknown => (isRecord(data['defaults']) && isRecord(data['defaults']['run']) ? data['defaults']['run']['shell'] : undefined);
  const shell = [step.data['shell'], defaults(job.data), defaults(workflow.data)].find((s) => typeof s === 'string');
  // Without one, Windows runners use PowerShell.
  if (shell === undefined) return !/windows/i.test(JSON.stringify(job.data['runs-on'] ?? ''));
  return /^(bash|sh)\b/.test(String(shell).trim());
}

/** The `env` a step sees, as written: the workflow's, overridden by the job's, overridden by the step's. */
export function stepEnvironment(workflow: Workflow, job: WorkflowJob, step: WorkflowStep): Map<string, string> {
  const env = new Map<string, string>();
  for (const scope of [workflow.data, job.data, step.data]) {
    const values = scope['env'];
    if (!isRecord(values)) continue;
    for (const [name, value] of Object.entries(values)) if (typeof value === 'string') env.set(name.toLowerCase(), value);
  }
  return env;
}

/** A script's lines with backslash continuations joined, each with the first physical line it starts on (to find it again in the source). */
export function logicalLines(script: string): Array<{ text: string; first: string }> {
  const lines: Array<{ text: string; first: string }> = [];
  let pending: { text: string; first: string } | undefined;
  for (const line of script.split('\n')) {
    const current = pending ? { text: `${pending.text} ${line.trim()}`, first: pending.first } : { text: line, first: line };
    if (/\\\s*$/.test(line)) pending = { text: current.text.replace(/\\\s*$/, ''), first: current.first };
    else {
      lines.push(current);
      pending = undefined;
    }
  }
  if (pending) lines.push(pending);
  return lines;
}

/** A shell line that appends to the file GitHub reads variables (or PATH entries) from for the later steps. */
const WRITES_ENV_FILE = /(>>?|\btee\b[^|;&]*)\s*["']?\$\{?(GITHUB_ENV|GITHUB_PATH)\b/;

/** The file a shell line appends to (GITHUB_ENV or GITHUB_PATH) and the text before the redirection, which is what it writes; undefined for other lines. */
export function envFileWrite(line: string): { target: 'GITHUB_ENV' | 'GITHUB_PATH'; written: string } | undefined {
  const match = WRITES_ENV_FILE.exec(line);
  return match ? { target: match[2] as 'GITHUB_ENV' | 'GITHUB_PATH', written: line.slice(0, match.index) } : undefined;
}

/** Shell variables a text expands, `$NAME` or `${NAME}`, as written. */
export function shellVariables(text: string): string[] {
  return [...text.matchAll(/\$\{?([A-Za-z_]\w*)\}?/g)].map((m) => m[1]!);
}

function stepLabel(step: YamlMap, index: number): string {
  for (const key of ['name', 'id']) {
    const value = step[key];
    if (typeof value === 'string' && value.trim() !== '') return `"${value.trim()}"`;
  }
  return `#${index + 1}`;
}

/** The owner, name and ref of a `uses:` value; undefined for a local `./` action or workflow. */
export interface UsesRef {
  kind: 'action' | 'docker';
  /** `actions/checkout`, `owner/repo/path`, or the image for docker://. */
  name: string;
  /** Lower-cased owner of a repository action; empty for docker://. */
  owner: string;
  /** What follows `@` (or the digest for docker://); undefined when nothing pins it. */
  ref: string | undefined;
}

export function parseUses(uses: string): UsesRef | undefined {
  const value = uses.trim();
  if (value === '' || value.startsWith('./') || value.startsWith('.\\')) return undefined;
  if (/^docker:\/\//i.test(value)) {
    const image = value.slice('docker://'.length);
    const at = image.indexOf('@');
    return { kind: 'docker', name: at === -1 ? image : image.slice(0, at), owner: '', ref: at === -1 ? undefined : image.slice(at + 1) };
  }
  const at = value.lastIndexOf('@');
  const name = at === -1 ? value : value.slice(0, at);
  return { kind: 'action', name, owner: name.split('/')[0]!.toLowerCase(), ref: at === -1 ? undefined : value.slice(at + 1) };
}
