import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../../src/core/assessment.js';
import { assessRoot } from '../../helpers/assess-tree.js';
import { runCli } from '../../helpers/cli.js';
import { removeTree, tempTree } from '../../helpers/temp-tree.js';

const REMOVED = 'sk_live_TESTq9Lm2Vx7Rb4Nc8Wd1Fh6Zt3';
const KEPT = 'dapi0a1b2c3d4e5f60718293a4b5c6d7e8f9';

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
}

function scan(root: string, gitHistory: boolean): Promise<AssessmentResult> {
  return assessRoot(root, { only: ['secrets'], settings: { secrets: { gitHistory, maxBlobSize: 5_000_000 } } });
}

describe('--git-history', () => {
  let root: string;
  let addedIn: string;

  beforeAll(() => {
    root = tempTree({ 'billing/config.py': `STRIPE_KEY = "${REMOVED}"\n`, 'jobs/submit.py': `TOKEN = "${KEPT}"\n` });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'add billing');
    addedIn = git(root, 'rev-parse', 'HEAD').trim();
    fs.writeFileSync(path.join(root, 'billing/config.py'), 'STRIPE_KEY = os.environ["STRIPE_KEY"]\n');
    fs.writeFileSync(path.join(root, 'jobs/submit.py'), `# submit jobs\nTOKEN = "${KEPT}"\n`);
    git(root, 'commit', '-q', '-am', 'read the key from the environment');
  });
  afterAll(() => removeTree(root));

  it('does not see a secret removed in a later commit without the flag', async () => {
    const result = await scan(root, false);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['secret.databricks-token']);
  });

  it('reports the removed secret at its file with the commit that added it, redacted', async () => {
    const result = await scan(root, true);
    const removed = result.findings.filter((f) => f.ruleId === 'secret.stripe-secret-key');
    expect(removed).toHaveLength(1);
    const [finding] = removed;
    expect(finding!.location).toMatchObject({ file: 'billing/config.py', startLine: 1 });
    expect(finding!.message).toContain(addedIn.slice(0, 10));
    expect(finding!.message).toContain('no longer in the current tree');
    expect(finding!.trace).toEqual([{ file: 'billing/config.py', line: 1, label: expect.stringContaining(`added in commit ${addedIn}`) }]);
    expect(JSON.stringify(result)).not.toContain(REMOVED);
    expect(result.errors).toEqual([]);
  });

  it('reports a secret still in the tree once, from the working tree, though two versions of its file hold it', async () => {
    const result = await scan(root, true);
    const kept = result.findings.filter((f) => f.ruleId === 'secret.databricks-token');
    expect(kept.map((f) => [f.location.file, f.location.startLine, f.trace])).toEqual([['jobs/submit.py', 2, undefined]]);
  });

  it('scans only the part of the history under a scanned subdirectory, with paths relative to it', async () => {
    const result = await scan(path.join(root, 'billing'), true);
    expect(result.findings.map((f) => [f.ruleId, f.location.file])).toEqual([['secret.stripe-secret-key', 'config.py']]);
  });

  it('is switched on by the CLI flag --git-history', async () => {
    const args = ['assess', root, '--only', 'secrets', '--format', 'json', '--fail-on', 'none', '--no-cache', '--no-history'];
    const ids = async (extra: string[]) => {
      const result = await runCli([...args, ...extra]);
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId).sort();
    };
    expect(await ids([])).toEqual(['secret.databricks-token']);
    expect(await ids(['--git-history'])).toEqual(['secret.databricks-token', 'secret.stripe-secret-key']);
  });

  it('makes a tree that is not a git repository a scan error, not a crash', async () => {
    const plain = tempTree({ 'a.py': 'x = 1\n' });
    try {
      const result = await scan(plain, true);
      expect(result.errors).toEqual([{ file: '.', analyzer: 'secrets-history', message: expect.stringMatching(/^--git-history: git rev-parse failed/) }]);
    } finally {
      removeTree(plain);
    }
  });
});
