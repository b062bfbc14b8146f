import { expressionsIn, taintOf } from '../expressions.js';
import { GHA_DOCS, type GhaRule } from '../gha-rule.js';
import { envFileWrite, logicalLines, PRIVILEGED_TRIGGERS, shellVariables, stepEnvironment } from '../workflow.js';

/** `$(cat file)`, `$(<file)`, `$(jq … file)`, `` `cat file` ``, or a line that is `cat file` itself: text read from a file in the workspace. */
const READS_FILE = /\$\(\s*(<|cat\b|jq\b|head\b|tail\b|unzip\s+-p\b)|`\s*(cat|jq|head|tail)\b|^\s*(cat|jq|head|tail)\s/;

export const ghaGithubEnvInjection: GhaRule = {
  id: 'gha.github-env-injection',
  title: 'Untrusted text written to GITHUB_ENV or GITHUB_PATH',
  category: 'iac',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-94', 'CWE-77'],
  what:
    'Finds `run:` lines that append to `$GITHUB_ENV` or `$GITHUB_PATH` (`>>`, `tee -a`; continued lines joined) text an ' +
    'outsider writes: a `$VARIABLE` whose `env` value is an issue or pull request title or body, a comment, a commit ' +
    'message (the values gha.script-injection knows), also after passing through script variables (`REGEX=$(echo ' +
    '"$COMMENT" | sed …)`), or — in a `pull_request_target` or `workflow_run` workflow — the contents of a file ' +
    '(`$(cat pr.txt)`, `$(<file)`, `$(jq … file)`, `cat file >>`), which there may come from a fork’s artifact or ' +
    'checkout. Branch names count for GITHUB_PATH only: Git refuses control characters in them, so they cannot add a ' +
    'line to GITHUB_ENV. Expressions pasted into the line are gha.script-injection’s finding.',
  why:
    'Each line of GITHUB_ENV sets a variable for every later step. Text with a newline in it sets any variable its author ' +
    'chooses — `BASH_ENV=$(…)`, `LD_PRELOAD` — and the next `run:` step executes the ' +
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
        const origins = outsiderVariables(stepEnvironment(ctx.workflow, job, step));
        for (const { text, first } of logicalLines(run)) {
          const assigned = ASSIGNMENT.exec(text);
          const write = envFileWrite(text);
          const target = write?.target;
          const written = write?.written ?? assigned?.[2] ?? '';
          const carried = shellVariables(written).flatMap((name) => {
            const origin = origins.get(name.toLowerCase());
            // Git refuses control characters in ref names: a branch name cannot add a line to GITHUB_ENV.
            return origin && (target !== 'GITHUB_ENV' || !origin.refNameOnly) ? [{ name, origin }] : [];
          });
          if (target === undefined) {
            // `REGEX=$(echo "$COMMENT" | sed …)` carries the comment on to REGEX.
            if (assigned && carried[0]) origins.set(assigned[1]!.toLowerCase(), { ...carried[0].origin, via: [...carried[0].origin.via, carried[0].name] });
            continue;
          }
          const source = carried[0]
            ? `$${[carried[0].name, ...[...carried[0].origin.via].reverse()].join(' ← $')}, set from ${carried[0].origin.expression}`
            : privileged !== undefined && READS_FILE.test(written)
              ? `a file's contents, in a ${privileged} workflow where files may come from a fork`
              : undefined;
          if (source === undefined) continue;
          const effect = target === 'GITHUB_PATH' ? 'puts a directory of its author’s choosing first on PATH' : 'a newline in it sets any variable (BASH_ENV, LD_PRELOAD)';
          ctx.reportText([...step.path, 'run'], first.trim(), {
            message: `Step ${step.label} of job "${job.id}" writes ${source} to ${target}: ${effect} for the steps after it`,
          });
        }
      }
    }
  },
};

interface Origin {
  /** The `${{ … }}` the variable was first set from. */
  expression: string;
  /** Every outsider reference in it is a branch name, which cannot hold a newline. */
  refNameOnly: boolean;
  /** Script variables it passed through, first to last. */
  via: string[];
}

/** `NAME=…`, `export NAME=…`, `local NAME=…`. */
const ASSIGNMENT = /^\s*(?:export\s+|local\s+|declare\s+(?:-\w+\s+)?)?([A-Za-z_]\w*)=(.*)$/;
const REF_NAME = /^(github\.head_ref|github\.event\.(pull_request\.head\.(ref|label|repo\.default_branch)|workflow_run\.(head_branch|pull_requests\.\*\.head\.ref)))$/;

/** The step's `env` variables set from text an outsider writes, by lower-cased name. */
function outsiderVariables(env: Map<string, string>): Map<string, Origin> {
  const origins = new Map<string, Origin>();
  for (const [name, value] of env) {
    const outsider = expressionsIn(value).flatMap((e) => e.references.filter((r) => taintOf(r) === 'outsider'));
    if (outsider.length > 0) origins.set(name, { expression: value.trim(), refNameOnly: outsider.every((r) => REF_NAME.test(r)), via: [] });
  }
  return origins;
}
