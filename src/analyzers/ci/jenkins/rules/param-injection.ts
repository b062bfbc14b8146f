import { interpolatedName, type JenkinsRule } from '../jenkins-rule.js';

/** Parameters whose value is one of a fixed set: nothing else can be spliced. */
const FIXED_KINDS = new Set(['choice', 'choiceParam', 'booleanParam']);
/** Variables a branch, tag or pull request sets in a multibranch build: whoever pushes chooses them. */
const PUSHED = new Set(['BRANCH_NAME', 'CHANGE_TITLE', 'CHANGE_BRANCH', 'CHANGE_AUTHOR', 'CHANGE_AUTHOR_DISPLAY_NAME', 'CHANGE_AUTHOR_EMAIL', 'CHANGE_FORK', 'TAG_NAME', 'GIT_BRANCH']);

export const jenkinsParamInjection: JenkinsRule = {
  id: 'jenkins.param-injection',
  title: 'Build parameter or branch name interpolated into an sh step by Groovy',
  category: 'iac',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-78'],
  what:
    'Finds `sh` steps whose double-quoted (GString) script interpolates a free-text build parameter (`params.X`, ' +
    '`params[\'X\']`, or a declared `string`/`text`/`password` parameter by name; choice and boolean parameters are ' +
    'fixed sets) or a variable a pushed branch or pull request sets (`env.BRANCH_NAME`, `env.CHANGE_TITLE`, ' +
    '`env.CHANGE_BRANCH`, `env.TAG_NAME` …).',
  why:
    'Groovy pastes the value into the script text before the shell parses it, so quotes, `;` or `$(…)` in it run as ' +
    'commands on the agent, with the job\'s credentials: anyone who may start the job with parameters, or push a branch ' +
    'or open a pull request a multibranch job builds, chooses them.',
  remediation:
    'Single-quote the script and let the shell read the value from the environment, quoted: `sh \'dbt run --select "$MODEL"\'` ' +
    '(parameters are environment variables too); check the value against an allow-list first where it names something.',
  bad: [
    {
      file: 'Jenkinsfile',
      code: "pipeline {\n  agent any\n  parameters {\n    string(name: 'MODEL', defaultValue: 'orders')\n  }\n  stages {\n    stage('run') {\n      steps {\n        sh \"dbt run --select ${params.MODEL}\"\n      }\n    }\n  }\n}\n",
    },
  ],
  good: [
    {
      file: 'Jenkinsfile',
      code:
        "pipeline {\n  agent any\n  parameters {\n    string(name: 'MODEL', defaultValue: 'orders')\n    choice(name: 'TARGET', choices: ['dev', 'prod'])\n  }\n  stages {\n    stage('run') {\n      steps {\n" +
        "        sh 'dbt run --select \"$MODEL\"'\n        sh \"dbt run --target ${params.TARGET}\"\n      }\n    }\n  }\n}\n",
    },
  ],
  references: ['https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#injection-via-interpolation', 'https://cwe.mitre.org/data/definitions/78.html'],
  check(pipeline, step) {
    return step.script.interpolations.flatMap((interpolation) => {
      const named = interpolatedName(interpolation.expression);
      if (!named) return [];
      const declared = pipeline.parameters.get(named.name);
      if ((named.scope === 'params' || declared !== undefined) && !FIXED_KINDS.has(declared ?? '')) {
        return [{ interpolation, message: `Groovy pastes build parameter ${named.name} into the sh script before the shell parses it: whoever starts the job can run commands on the agent; single-quote the script and use "$${named.name}"` }];
      }
      // Pipeline scripts see environment variables as plain names too (`${BRANCH_NAME}`).
      if (named.scope !== 'params' && PUSHED.has(named.name)) {
        return [{ interpolation, message: `Groovy pastes ${named.name}, which a pushed branch or pull request chooses, into the sh script before the shell parses it; single-quote the script and use "$${named.name}"` }];
      }
      return [];
    });
  },
};
