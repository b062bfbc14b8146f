import { GHA_DOCS, type GhaRule } from '../gha-rule.js';
import { parseUses, type UsesRef } from '../workflow.js';
import type { YamlPath } from '../../../yaml-document.js';

const COMMIT_SHA = /^[0-9a-f]{40}$/i;
const IMAGE_DIGEST = /^sha256:[0-9a-f]{64}$/i;
/** GitHub's own organisations: a moved tag there needs GitHub's compromise, so an unpinned use is low. */
const FIRST_PARTY = new Set(['actions', 'github']);

export const ghaUnpinnedAction: GhaRule = {
  id: 'gha.unpinned-action',
  title: 'Action or reusable workflow not pinned to a commit',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-829', 'CWE-1357'],
  what:
    'Finds `uses:` of a step action or a reusable workflow (`owner/repo/.github/workflows/x.yml@ref`) whose ref is a tag or ' +
    'branch (`@v4`, `@main`, `@1.2.3`) rather than a full 40-character commit SHA, and `docker://` images without an ' +
    '`@sha256:` digest. Third-party actions are medium; GitHub’s own `actions/*` and `github/*` are reported as low. ' +
    'Local actions and workflows (`./…`) are part of the repository and skipped.',
  why:
    'Tags and branches move: whoever controls the action’s repository (or steals a maintainer’s token, as in the ' +
    'tj-actions/changed-files compromise) can point `@v4` at new code, and every workflow that uses it runs that code with ' +
    'its secrets — cloud credentials that deploy the pipeline, warehouse passwords, registry tokens — at its next run.',
  remediation:
    'Pin to the full commit SHA and keep the tag as a comment for readers and Dependabot: ' +
    '`uses: dbt-labs/dbt-action@3f4e2a… # v1.2.0`; pin `docker://` images by digest.',
  bad: [
    {
      file: '.github/workflows/dbt.yml',
      code: 'on: push\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n      - uses: docker://ghcr.io/acme/dbt-runner:1.8\n',
    },
    {
      file: '.github/workflows/release.yml',
      code: 'on: push\njobs:\n  release:\n    uses: acme-platform/workflows/.github/workflows/release.yml@main\n    secrets: inherit\n',
    },
  ],
  good: [
    {
      file: '.github/workflows/dbt.yml',
      code:
        'on: push\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4.0.2\n' +
        '      - uses: ./.github/actions/setup-dbt\n      - uses: docker://ghcr.io/acme/dbt-runner@sha256:0f2d3e5ad53fd8cfc4e36a1b0c2a8db9f8ed2b8b2d9a8f8c6f7b4c5d6e7f8a9b\n',
    },
    {
      file: '.github/workflows/release.yml',
      code: 'on: push\njobs:\n  release:\n    uses: ./.github/workflows/release.yml\n',
    },
  ],
  references: [
    'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions',
    `${GHA_DOCS}#jobsjob_idstepsuses`,
    'https://cwe.mitre.org/data/definitions/829.html',
  ],
  check(ctx) {
    const check = (uses: unknown, path: YamlPath, what: string) => {
      if (typeof uses !== 'string') return;
      const ref = parseUses(uses);
      if (!ref || isPinned(ref)) return;
      const firstParty = ref.kind === 'action' && FIRST_PARTY.has(ref.owner);
      ctx.report(path, {
        severity: firstParty ? 'low' : 'medium',
        message: `${what} uses ${uses.trim()}, ${describe(ref)}: whoever can move it changes the code this workflow runs`,
      });
    };
    for (const job of ctx.workflow.jobs) {
      check(job.data['uses'], [...job.path, 'uses'], `Job "${job.id}"`);
      for (const step of job.steps) check(step.data['uses'], [...step.path, 'uses'], `Step ${step.label} of job "${job.id}"`);
    }
  },
};

function isPinned(ref: UsesRef): boolean {
  return ref.ref !== undefined && (ref.kind === 'docker' ? IMAGE_DIGEST.test(ref.ref) : COMMIT_SHA.test(ref.ref));
}

function describe(ref: UsesRef): string {
  if (ref.kind === 'docker') return 'an image without a digest';
  return ref.ref === undefined ? 'with no ref at all' : `pinned to the movable ref "${ref.ref}" instead of a commit SHA`;
}
