import { expressionsIn, taintOf } from '../expressions.js';
import { GHA_DOCS, type GhaRule } from '../gha-rule.js';
import { PRIVILEGED_TRIGGERS, stepEnvironment } from '../workflow.js';

/** A shell line that appends to the file GitHub reads variables (or PATH entries) from for the later steps. */
const WRITES_ENV_FILE = /(>>?|\btee\b[^|;&]*)\s*["']?\$\{?(GITHUB_ENV|GITHUB_PATH)\b/;
/** `$(cat file)`, `$(<file)`, `$(jq … file)`, `` `cat file` ``: text read from a file in the workspace. */
const READS_FILE = /\$\(\s*(<|cat\b|jq\b|head\b|tail\b|unzip\s+-p\b)|`\s*(cat|jq|head|tail)\b/;

export const ghaGithubEnvInjection: GhaRule = {
  id: 'gha.github-env-injection',
  title: 'Untrusted text written to GITHUB_ENV or GITHUB_PATH',
  category: 'iac',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-94', 'CWE-77'],
  what:
    'Finds `run:` lines that append to `$GITHUB_ENV` or `$GITHUB_PATH` (`>>`, `tee -a`) text an outsider writes: a ' +
    '`$VARIABLE` whose `env` value is an issue or pull request title or body, a branch name, a commit message (the values ' +
    'gha.script-injection knows), or — in a `pull_request_target` or `workflow_run` workflow — the contents of a file ' +
    '(`$(cat pr.txt)`, `$(<file)`, `$(jq … file)`), which there may come from a fork’s artifact or checkout. ' +
    'Expressions pasted into the line are gha.script-injection’s finding.',
  why:
    'Each line of GITHUB_ENV sets a variable for every later step. Text with a newline in it sets any variable its author ' +
    'chooses — `BASH_ENV=$(…)`, `NODE_OPTIONS=--require …`, `LD_PRELOAD` — and the next `run:` step executes the ' +
    'attacker’s command with the job’s secrets; a GITHUB_PATH line puts their directory first on PATH. Passing the title ' +
    'through `env:`, the usual fix for script injection, does not help once it is written here.',
  remediation:
    'Keep outsider text out of GITHUB_ENV: use it within the one step through `env:`, or validate it first (`[[ $PR =~ ' +
    '^[0-9]+$ ]]` for a pull request number) and write only the checked value. Read artifacts as data in a step that does ' +
    'not export them.',
  bad: [
    {
      file: '.github/workflows/triage.yml',
      code:
        'on: issues\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          TITLE: ${{ github.event.issue.title }}\n' +
        '        run: echo "ISSUE_TITLE=$TITLE" >> "$GITHUB_ENV"\n      - run: ./triage.sh\n',
    },
    {
      file: '.github/workflows/comment.yml',
      code:
        'on:\n  workflow_run:\n    workflows: [ci]\n    types: [completed]\njobs:\n  comment:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: actions/download-artifact@v4\n        with:\n          run-id: ${{ github.event.workflow_run.id }}\n          path: ${{ runner.temp }}/pr\n' +
        '      - run: echo "PR_NUMBER=$(cat "$RUNNER_TEMP/pr/number.txt")" >> $GITHUB_ENV\n',
    },
  ],
  good: [
    {
      file: '.github/workflows/triage.yml',
      code:
        'on: issues\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          TITLE: ${{ github.event.issue.title }}\n' +
        '        run: ./triage.sh "$TITLE"\n      - run: echo "ISSUE=${{ github.event.issue.number }}" >> "$GITHUB_ENV"\n',
    },
    {
      file: '.github/workflows/build.yml',
      code: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "VERSION=$(cat VERSION)" >> "$GITHUB_ENV"\n',
    },
  ],
  references: [
    'https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#setting-an-environment-variable',
    `${GHA_DOCS}#env`,
    'https://cwe.mitre.org/data/definitions/94.html',
  ],
  check(ctx) {
    const privileged = PRIVILEGED_TRIGGERS.find((t) => ctx.workflow.triggers.has(t));
    for (const job of ctx.workflow.jobs) {
      for (const step of job.steps) {
        const run = step.data['run'];
        if (typeof run !== 'string') continue;
        const env = stepEnvironment(ctx.workflow, job, step);
        for (const line of run.split('\n')) {
          const target = WRITES_ENV_FILE.exec(line)?.[2];
          if (target === undefined) continue;
          const written = line.slice(0, line.search(WRITES_ENV_FILE));
          const variable = [...written.matchAll(/\$\{?([A-Za-z_]\w*)\}?/g)]
            .map((m) => m[1]!)
            .find((name) => expressionsIn(env.get(name.toLowerCase()) ?? '').some((e) => e.references.some((r) => taintOf(r) === 'outsider')));
          const source =
            variable !== undefined
              ? `$${variable}, set from ${env.get(variable.toLowerCase())!.trim()}`
              : privileged !== undefined && READS_FILE.test(written)
                ? `a file's contents, in a ${privileged} workflow where files may come from a fork`
                : undefined;
          if (source === undefined) continue;
          const effect = target === 'GITHUB_PATH' ? 'puts a directory of its author’s choosing first on PATH' : 'a newline in it sets any variable (BASH_ENV, NODE_OPTIONS)';
          ctx.reportText([...step.path, 'run'], line.trim(), {
            message: `Step ${step.label} of job "${job.id}" writes ${source} to ${target}: ${effect} for the steps after it`,
          });
        }
      }
    }
  },
};
