import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/analyzers/registry.js';
import { assessRoot } from '../helpers/assess-tree.js';

const PIPELINE = fileURLToPath(new URL('../../examples/feedback-pipeline/', import.meta.url));
const SHARED_OSV = path.resolve(PIPELINE, '../../../shared/data/osv/PyPI');
const hasAdvisories = fs.existsSync(SHARED_OSV);
if (!hasAdvisories) console.warn(`example findings: ${SHARED_OSV} is absent, so the requirements.txt row (deps.vulnerable-package) is not checked`);

/** The planted-weakness table of the example's README: file, and the rule ids its "Detected" column names. */
function plantedRows(): Array<{ file: string; rules: string[] }> {
  const known = new Set(allRules().map((r) => r.id));
  const readme = fs.readFileSync(path.join(PIPELINE, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Planted weaknesses'));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
      const detected = cells[cells.length - 2] ?? '';
      return { file: /`([^`]+)`/.exec(cells[1]!)![1]!, rules: [...detected.matchAll(/`([a-z]+\.[\w.-]+)`/g)].map((m) => m[1]!).filter((id) => known.has(id)) };
    });
}

describe('examples/feedback-pipeline README', () => {
  it('names, for every planted weakness it says is detected, a rule that assess reports on that file', async () => {
    const rows = plantedRows().filter((r) => r.rules.length > 0 && (hasAdvisories || !r.rules.includes('deps.vulnerable-package')));
    expect(rows.length).toBeGreaterThanOrEqual(25);
    const result = await assessRoot(PIPELINE, { deps: hasAdvisories ? { osvDb: SHARED_OSV } : {} });
    const reported = new Set(result.findings.map((f) => `${f.location.file} ${f.ruleId}`));
    const missing = rows.flatMap((row) => row.rules.filter((id) => !reported.has(`${row.file} ${id}`)).map((id) => `${row.file}: ${id}`));
    expect(missing).toEqual([]);
  }, 300_000);
});
