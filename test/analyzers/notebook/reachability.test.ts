import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessTree } from '../../helpers/assess-tree.js';
import { REPO } from '../../helpers/cli.js';
import { notebook, rawLine } from './scan.js';

const SHARED_OSV = path.resolve(REPO, '..', 'shared', 'data', 'osv', 'PyPI');
const hasShared = fs.existsSync(SHARED_OSV);
if (!hasShared) console.warn(`skipping notebook reachability: ${SHARED_OSV} is absent`);

describe.skipIf(!hasShared)('dependency reachability through notebooks', () => {
  it('counts a vulnerable call made in a notebook, at its line of the raw file', async () => {
    const json = notebook(['import yaml\n', 'cfg = yaml.load(open("c.yml"))\n']);
    const result = await assessTree(
      { 'requirements.txt': 'PyYAML==5.3.1\n', 'notebooks/explore.ipynb': json },
      { only: ['deps'], deps: { osvDb: SHARED_OSV } },
    );
    const finding = result.findings.find((f) => f.ruleId === 'deps.vulnerable-package' && f.message.includes('CVE-2020-14343'));
    const reach = /Reachable: notebooks\/explore\.ipynb:(\d+) calls yaml\.load/.exec(finding?.message ?? '');
    expect(reach).not.toBeNull();
    expect(rawLine(json, Number(reach![1]))).toContain('yaml.load(');
    // Only deps were chosen: the notebook ran for its facts, its own findings stay out.
    expect(result.findings.filter((f) => f.location.file.endsWith('.ipynb'))).toEqual([]);
  });
});
