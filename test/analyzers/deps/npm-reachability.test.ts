import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessTree } from '../../helpers/assess-tree.js';

const OSV = path.resolve(import.meta.dirname, '../../fixtures/deps/osv-npm');
const PACKAGE_JSON = JSON.stringify({ name: 'ingest', version: '1.0.0', dependencies: { lodash: '4.17.20' } });
const LOCK = JSON.stringify({
  name: 'ingest',
  version: '1.0.0',
  lockfileVersion: 3,
  packages: {
    '': { name: 'ingest', version: '1.0.0', dependencies: { lodash: '4.17.20' } },
    'node_modules/lodash': { version: '4.17.20', resolved: 'https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz', integrity: 'sha512-x' },
  },
});

async function lodashFinding(script: string) {
  const result = await assessTree({ 'package.json': PACKAGE_JSON, 'package-lock.json': LOCK, 'ingest/render.js': script }, { only: ['deps'], deps: { osvDb: OSV } });
  const found = result.findings.filter((f) => f.ruleId === 'deps.vulnerable-package');
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('reachability of npm advisories from JavaScript code', () => {
  it('says the script calls the vulnerable API, at high confidence', async () => {
    const finding = await lodashFinding("const _ = require('lodash');\n\nconst render = _.template(process.argv[2]);\n");
    expect(finding.message).toContain('ingest/render.js:3 calls lodash.template');
    expect(finding.confidence).toBe('high');
  });

  it('says it is imported but not which API is used, or not imported at all', async () => {
    expect((await lodashFinding("import merge from 'lodash/merge';\nmerge({}, {});\n")).message).toMatch(/imports lodash\/merge \(ingest\/render\.js\)/);
    const unused = await lodashFinding("console.log('no lodash here');\n");
    expect(unused.message).toContain('No analysed code imports it');
    expect(unused.confidence).toBe('low');
  });
});
