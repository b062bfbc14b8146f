import { isRecord } from '../../../iac/kubernetes/parse.js';
import type { YamlPath } from '../../../yaml-document.js';
import { GHA_DOCS, type GhaRule } from '../gha-rule.js';
import { envFileWrite, logicalLines } from '../workflow.js';

/** The runner looks the variable up by this exact name (environment names are case-sensitive on Linux). */
const VARIABLE = 'ACTIONS_ALLOW_UNSECURE_COMMANDS';
const EFFECT = 'any line a step prints can set environment variables and PATH for the steps after it';
/** What `echo "ACTIONS_ALLOW_UNSECURE_COMMANDS=true" >> $GITHUB_ENV` writes. */
const SWITCHED_ON = new RegExp(`\\b${VARIABLE}=["']?(true|True|TRUE)\\b`);

export const ghaInsecureCommands: GhaRule = {
  id: 'gha.insecure-commands',
  title: 'Workflow re-enables the set-env and add-path commands',
  category: 'iac',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-94'],
  what:
    `Finds \`${VARIABLE}: true\` in the \`env\` of a workflow, job or step, and \`run:\` lines that write ` +
    `\`${VARIABLE}=true\` to \`$GITHUB_ENV\` for the steps after them.`,
  why:
    'The variable turns back on the `::set-env` and `::add-path` workflow commands that GitHub disabled in 2020 ' +
    '(CVE-2020-15228): any line a step prints — a log line quoting an issue title, a file name, a test’s output — can then ' +
    'set environment variables such as `NODE_OPTIONS` or `LD_PRELOAD`, or prepend to `PATH`, for every later step, and so ' +
    'run code with the job’s secrets.',
  remediation:
    'Remove the variable and write to the files GitHub provides instead: `echo "NAME=value" >> "$GITHUB_ENV"` and ' +
    '`echo "$DIR" >> "$GITHUB_PATH"`, with values the workflow controls. Upgrade actions that still print `::set-env`.',
  bad: [
    {
      file: '.github/workflows/etl.yml',
      code: 'on: push\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: true\njobs:\n  load:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python load.py\n',
    },
  ],
  good: [
    {
      file: '.github/workflows/etl.yml',
      code: 'on: push\njobs:\n  load:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "WAREHOUSE=analytics" >> "$GITHUB_ENV"\n      - run: python load.py\n',
    },
  ],
  references: [
    'https://github.com/advisories/GHSA-mfwh-5m23-j46w',
    'https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/',
    `${GHA_DOCS}#env`,
  ],
  check(ctx) {
    const scopes: Array<{ data: Record<string, unknown>; path: YamlPath; who: string }> = [{ data: ctx.workflow.data, path: [], who: 'The workflow' }];
    for (const job of ctx.workflow.jobs) {
      scopes.push({ data: job.data, path: job.path, who: `Job "${job.id}"` });
      for (const step of job.steps) scopes.push({ data: step.data, path: step.path, who: `Step ${step.label} of job "${job.id}"` });
    }
    for (const scope of scopes) {
      const env = scope.data['env'];
      if (!isRecord(env)) continue;
      if (!isOn(env[VARIABLE])) continue;
      ctx.report([...scope.path, 'env', VARIABLE], { message: `${scope.who} sets ${VARIABLE}: ${EFFECT}` });
    }
    for (const job of ctx.workflow.jobs) {
      for (const step of job.steps) {
        const run = step.data['run'];
        if (typeof run !== 'string') continue;
        for (const { text, first } of logicalLines(run)) {
          const write = envFileWrite(text);
          if (write?.target !== 'GITHUB_ENV' || !SWITCHED_ON.test(write.written)) continue;
          ctx.reportText([...step.path, 'run'], first.trim(), { message: `Step ${step.label} of job "${job.id}" writes ${VARIABLE}=true to GITHUB_ENV: ${EFFECT}` });
        }
      }
    }
  },
};

/** The runner reads the value as a boolean: `true` in any letter case turns the commands on. */
function isOn(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}
