import { interpolatedName, type JenkinsRule } from '../jenkins-rule.js';

export const jenkinsInterpolatedSecret: JenkinsRule = {
  id: 'jenkins.interpolated-secret',
  title: 'Secret interpolated into an sh step by Groovy',
  category: 'iac',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-214', 'CWE-532'],
  what:
    'Finds `sh` steps whose double-quoted (GString) script interpolates a name bound to a secret: a `withCredentials` ' +
    'variable (`variable`, `passwordVariable`, `keyFileVariable`, `passphraseVariable`) inside its block, or an ' +
    '`environment { X = credentials(…) }` name (`X`, `X_PSW`), as `${X}`, `$X` or `${env.X}`.',
  why:
    'Groovy writes the secret into the script text before the shell starts: it sits in the command line other ' +
    'processes on the agent can list, in the durable task\'s script file, and in any log that echoes the command — ' +
    'Jenkins\' masking only covers what the step prints.',
  remediation: 'Single-quote the script so the shell reads the variable from its environment: `sh \'curl -u "$USER:$TOKEN" …\'`.',
  bad: [
    {
      file: 'Jenkinsfile',
      code: "pipeline {\n  agent any\n  stages {\n    stage('load') {\n      steps {\n        withCredentials([string(credentialsId: 'warehouse', variable: 'DB_PASSWORD')]) {\n          sh \"psql postgresql://loader:${DB_PASSWORD}@warehouse/analytics -f load.sql\"\n        }\n      }\n    }\n  }\n}\n",
    },
  ],
  good: [
    {
      file: 'Jenkinsfile',
      code: "pipeline {\n  agent any\n  stages {\n    stage('load') {\n      steps {\n        withCredentials([string(credentialsId: 'warehouse', variable: 'DB_PASSWORD')]) {\n          sh 'PGPASSWORD=\"$DB_PASSWORD\" psql -h warehouse -U loader analytics -f load.sql'\n        }\n      }\n    }\n  }\n}\n",
    },
  ],
  references: ['https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#string-interpolation', 'https://cwe.mitre.org/data/definitions/214.html'],
  check(pipeline, step) {
    const at = step.script.start;
    const bound = new Set(pipeline.secrets.filter((s) => s.start <= at && at < s.end).map((s) => s.name));
    return step.script.interpolations.flatMap((interpolation) => {
      const named = interpolatedName(interpolation.expression);
      if (!named || named.scope === 'params' || !bound.has(named.name)) return [];
      return [{ interpolation, message: `Groovy writes the secret ${named.name} into the sh script before the shell runs: it shows in the agent's process list and in logs of the command; single-quote the script so the shell reads $${named.name}` }];
    });
  },
};
