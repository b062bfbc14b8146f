import { isRecord } from '../../../iac/kubernetes/parse.js';
import { expressionsIn } from '../expressions.js';
import { GHA_DOCS, type GhaRule } from '../gha-rule.js';
import { PRIVILEGED_TRIGGERS } from '../workflow.js';

/** References that name the pull request's own code (its branch, commit or fork) rather than the base branch. */
const HEAD_REFERENCES = [
  'github.event.pull_request.head.sha',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.head.repo.full_name',
  'github.head_ref',
  'github.event.workflow_run.head_sha',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.head_repository.full_name',
];

export const ghaPullRequestTargetCheckout: GhaRule = {
  id: 'gha.pull-request-target-checkout',
  title: 'Privileged workflow checks out pull request code',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-829'],
  what:
    'Finds `actions/checkout` steps in workflows triggered by `pull_request_target` or `workflow_run` whose `ref` or ' +
    '`repository` is the pull request’s head: `github.event.pull_request.head.sha|ref`, `github.head_ref`, ' +
    '`refs/pull/${{ … }}/merge|head`, `github.event.workflow_run.head_sha|head_branch`, or the fork’s repository.',
  why:
    'These triggers run in the context of the base repository — with its secrets and a token that can write to it — even ' +
    'for a pull request from a fork. Checking out the fork’s code and then building, testing or installing it (`npm ' +
    'install`, `pip install .`, `dbt deps`, a Makefile) runs the attacker’s code with those secrets: the "pwn request".',
  remediation:
    'Build and test pull request code under the unprivileged `pull_request` trigger. If a privileged follow-up is needed, ' +
    'let `workflow_run` download the results as data (never execute them), or check out only the base branch.',
  bad: [
    {
      file: '.github/workflows/preview.yml',
      code:
        'on: pull_request_target\njobs:\n  preview:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n' +
        '        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: make dags-test\n',
    },
    {
      file: '.github/workflows/report.yml',
      code:
        'on:\n  workflow_run:\n    workflows: [ci]\n    types: [completed]\njobs:\n  report:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n        with:\n          ref: refs/pull/${{ github.event.workflow_run.pull_requests[0].number }}/merge\n',
    },
  ],
  good: [
    {
      file: '.github/workflows/label.yml',
      code: 'on: [pull_request_target]\njobs:\n  label:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./label.sh\n',
    },
    {
      file: '.github/workflows/ci.yml',
      code:
        'on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n',
    },
  ],
  references: [
    'https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/',
    `${GHA_DOCS}#onpull_request_target`,
    'https://cwe.mitre.org/data/definitions/829.html',
  ],
  check(ctx) {
    const trigger = PRIVILEGED_TRIGGERS.find((t) => ctx.workflow.triggers.has(t));
    if (!trigger) return;
    for (const job of ctx.workflow.jobs) {
      for (const step of job.steps) {
        const uses = step.data['uses'];
        const inputs = step.data['with'];
        if (typeof uses !== 'string' || !/^actions\/checkout@/i.test(uses.trim()) || !isRecord(inputs)) continue;
        for (const key of ['ref', 'repository']) {
          const value = inputs[key];
          if (typeof value !== 'string' || !namesHead(value)) continue;
          ctx.report([...step.path, 'with', key], {
            message: `Job "${job.id}" of a ${trigger} workflow checks out the pull request's code (${key}: ${value.trim()}) with the base repository's secrets and write token`,
          });
          break;
        }
      }
    }
  },
};

function namesHead(value: string): boolean {
  // refs/pull/<n>/merge and /head are the pull request's code whatever expression supplies the number.
  if (/refs\/pull\/[^/]+\/(merge|head)\b/i.test(value)) return true;
  return expressionsIn(value).some((e) => e.references.some((r) => HEAD_REFERENCES.includes(r)));
}
