import { describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../../src/core/assessment.js';
import { assessTree } from '../../helpers/assess-tree.js';

const LOADER = "const yaml = require('js-yaml');\nconst fs = require('fs');\n\nmodule.exports = (file) => yaml.load(fs.readFileSync(file, 'utf8'));\n";
const RULE = 'js.deserialization.js-yaml-load';

/** A package-lock.json (version 3) whose project needs js-yaml `direct`, with eslint's own 3.14.1 nested below it. */
function packageLock(direct: string): string {
  return JSON.stringify({
    name: 'etl',
    version: '1.0.0',
    lockfileVersion: 3,
    packages: {
      '': { name: 'etl', version: '1.0.0', dependencies: { 'js-yaml': `^${direct}` }, devDependencies: { eslint: '^8.0.0' } },
      'node_modules/js-yaml': { version: direct, dependencies: { argparse: '^2.0.1' } },
      'node_modules/argparse': { version: '2.0.1' },
      'node_modules/eslint': { version: '8.57.0', dev: true, dependencies: { 'js-yaml': '^3.13.1' } },
      'node_modules/eslint/node_modules/js-yaml': { version: '3.14.1', dev: true },
    },
  });
}

const manifest = (deps: Record<string, string>) => JSON.stringify({ name: 'etl', version: '1.0.0', dependencies: deps });

function yamlFindings(result: AssessmentResult) {
  return result.findings.filter((f) => f.ruleId === RULE).map((f) => ({ file: f.location.file, confidence: f.confidence, message: f.message }));
}

describe('js-yaml load() settled by the installed version', () => {
  it("drops the finding where the project's own js-yaml is 4, even with eslint's nested 3.x in the lockfile", async () => {
    const result = await assessTree({
      'etl/load.js': LOADER,
      'etl/package-lock.json': packageLock('4.1.0'),
      'etl/package.json': manifest({ 'js-yaml': '^4.1.0' }),
      'mixed/load.js': LOADER,
      'mixed/package-lock.json': packageLock('4.1.0'),
    });
    // Without package.json nothing says which of the locked copies the script gets.
    expect(yamlFindings(result).map((f) => [f.file, f.confidence])).toEqual([['mixed/load.js', 'medium']]);
  });

  it('confirms it at high confidence where the lockfile or package.json says 3.x, naming the file that says so', async () => {
    const result = await assessTree({
      'locked/load.js': LOADER,
      'locked/package-lock.json': packageLock('3.14.1'),
      'locked/package.json': manifest({ 'js-yaml': '^3.14.1' }),
      'declared/load.js': LOADER,
      'declared/package.json': manifest({ 'js-yaml': '~3.13.1' }),
    });
    expect(yamlFindings(result)).toEqual([
      { file: 'declared/load.js', confidence: 'high', message: expect.stringContaining('declared/package.json requires js-yaml "~3.13.1" (fixed in 4.0.0)') },
      { file: 'locked/load.js', confidence: 'high', message: expect.stringContaining('locked/package-lock.json locks js-yaml 3.14.1 (fixed in 4.0.0)') },
    ]);
  });

  it('climbs past a package.json that does not name js-yaml to the workspace root that does', async () => {
    const result = await assessTree({
      'package.json': manifest({ 'js-yaml': '^4.0.0' }),
      'packages/etl/package.json': manifest({ lodash: '^4.17.21' }),
      'packages/etl/src/load.js': LOADER,
    });
    expect(yamlFindings(result)).toEqual([]);
  });

  it('leaves it at medium confidence when nothing names the version or the range spans the fix', async () => {
    const result = await assessTree({
      'bare/load.js': LOADER,
      'spanning/load.js': LOADER,
      'spanning/package.json': manifest({ 'js-yaml': '>=3 <5' }),
    });
    expect(yamlFindings(result).map((f) => [f.file, f.confidence])).toEqual([
      ['bare/load.js', 'medium'],
      ['spanning/load.js', 'medium'],
    ]);
  });
});
