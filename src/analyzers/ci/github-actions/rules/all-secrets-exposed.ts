import { isRecord } from '../../../iac/kubernetes/parse.js';
import type { YamlPath } from '../../../yaml-document.js';
import { expressionsIn } from '../expressions.js';
import { GHA_DOCS, type GhaRule } from '../gha-rule.js';
import { parseUses } from '../workflow.js';

/** `toJSON(secrets)`, `secrets.*` and `secrets[<expression>]`: every secret, or whichever one a value picks. */
const WHOLE_SECRETS = /\btoJSON\s*\(\s*secrets\s*\)|\bsecrets\s*\.\s*\*|\bsecrets\s*\[\s*(?!['"])[^\]]/i;

export const ghaAllSecretsExposed: GhaRule = {
  id: 'gha.all-secrets-exposed',
  title: 'Workflow hands every repository secret to a step or another repository’s workflow',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-200', 'CWE-250'],
  what:
    'Finds `${{ toJSON(secrets) }}`, `secrets.*` (`join(secrets.*, \',\')`) and secrets picked by a computed name (`secrets[matrix.env]`, `secrets[format(…)]`) ' +
    'anywhere in a workflow, and `secrets: inherit` on a job that calls a reusable workflow from another repository. ' +
    '`secrets: inherit` to the repository’s own workflows (`./.github/workflows/…`) is not reported.',
  why:
    'GitHub puts into a job only the secrets its expressions name, and masks them in logs. `toJSON(secrets)` or a computed ' +
    'name puts every secret — warehouse passwords, cloud keys, registry tokens — into the step, where one compromised ' +
    'dependency or action can read them all; `secrets: inherit` (GitHub passes them within the organisation or ' +
    'enterprise) gives all of them to code in another repository, with its own maintainers, branches and tags.',
  remediation:
    'Name each secret the step needs (`${{ secrets.WAREHOUSE_PASSWORD }}`), choose between a few with a condition rather ' +
    'than a computed name, and pass a reusable workflow from another repository only the secrets it declares under ' +
    '`on.workflow_call.secrets`.',
  bad: [
    {
      file: '.github/workflows/deploy.yml',
      code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n        env:\n          SECRETS: ${{ toJSON(secrets) }}\n',
    },
    {
      file: '.github/workflows/release.yml',
      code: 'on: push\njobs:\n  release:\n    uses: data-platform/shared-workflows/.github/workflows/dbt-release.yml@v3\n    secrets: inherit\n',
    },
  ],
  good: [
    {
      file: '.github/workflows/release.yml',
      code:
        'on: push\njobs:\n  release:\n    uses: data-platform/shared-workflows/.github/workflows/dbt-release.yml@v3\n    secrets:\n' +
        '      warehouse-password: ${{ secrets.WAREHOUSE_PASSWORD }}\n  local:\n    uses: ./.github/workflows/tests.yml\n    secrets: inherit\n',
    },
  ],
  references: [
    'https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions',
    `${GHA_DOCS}#jobsjob_idsecretsinherit`,
    'https://cwe.mitre.org/data/definitions/200.html',
  ],
  check(ctx) {
    visitStrings(ctx.workflow.data, [], (text, path) => {
      for (const { raw } of expressionsIn(text)) {
        if (!WHOLE_SECRETS.test(raw)) continue;
        ctx.reportText(path, raw, { message: `${raw.replace(/\s+/g, ' ')} hands over every secret of the repository, not only the ones the job needs` });
      }
    });
    for (const job of ctx.workflow.jobs) {
      const uses = job.data['uses'];
      const secrets = job.data['secrets'];
      if (typeof uses !== 'string' || typeof secrets !== 'string' || secrets.trim().toLowerCase() !== 'inherit' || !parseUses(uses)) continue;
      ctx.report([...job.path, 'secrets'], {
        message: `Job "${job.id}" passes every secret of the repository to ${uses.trim()}, a workflow in another repository, rather than the ones it declares`,
      });
    }
  },
};

/** Calls `visit` with every string value of the document and its path. */
function visitStrings(node: unknown, path: YamlPath, visit: (text: string, path: YamlPath) => void): void {
  if (typeof node === 'string') visit(node, path);
  else if (Array.isArray(node)) node.forEach((item, i) => visitStrings(item, [...path, i], visit));
  else if (isRecord(node)) for (const [key, value] of Object.entries(node)) visitStrings(value, [...path, key], visit);
}
