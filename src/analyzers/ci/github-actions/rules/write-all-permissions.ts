import { GHA_DOCS, type GhaRule } from '../gha-rule.js';

export const ghaWriteAllPermissions: GhaRule = {
  id: 'gha.write-all-permissions',
  title: 'Workflow or job grants the token write-all permissions',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-250'],
  what: 'Finds `permissions: write-all` at the top of a workflow or on a job.',
  why:
    'The `GITHUB_TOKEN` then can push code, rewrite releases and packages, change issues and approve deployments. Any step ' +
    'that is compromised or tricked — an injected script, an action whose tag moved — inherits all of it, and can plant ' +
    'code in the DAGs or dbt models the pipeline deploys next.',
  remediation: 'Grant only what the jobs need: `permissions: { contents: read }` at the top, and single scopes (`packages: write`) on the jobs that need them.',
  bad: [
    { file: '.github/workflows/deploy.yml', code: 'on: push\npermissions: write-all\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n' },
    { file: '.github/workflows/deploy.yml', code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    permissions: write-all\n    steps:\n      - run: ./deploy.sh\n' },
  ],
  good: [
    {
      file: '.github/workflows/deploy.yml',
      code: 'on: push\npermissions:\n  contents: read\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n      id-token: write\n    steps:\n      - run: ./deploy.sh\n',
    },
  ],
  references: [`${GHA_DOCS}#permissions`, 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication', 'https://cwe.mitre.org/data/definitions/250.html'],
  check(ctx) {
    if (isWriteAll(ctx.workflow.data['permissions'])) ctx.report(['permissions'], { message: 'The workflow gives every job a GITHUB_TOKEN with write-all permissions' });
    for (const job of ctx.workflow.jobs) {
      if (isWriteAll(job.data['permissions'])) ctx.report([...job.path, 'permissions'], { message: `Job "${job.id}" gets a GITHUB_TOKEN with write-all permissions` });
    }
  },
};

function isWriteAll(permissions: unknown): boolean {
  return typeof permissions === 'string' && permissions.trim().toLowerCase() === 'write-all';
}
