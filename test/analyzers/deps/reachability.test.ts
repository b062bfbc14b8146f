import { describe, expect, it } from 'vitest';
import type { InventoryPackage } from '../../../src/analyzers/deps/model.js';
import { reachabilityOf } from '../../../src/analyzers/deps/reachability/reachability.js';
import type { PythonFacts } from '../../../src/analyzers/python/facts.js';

const pyyaml: InventoryPackage = {
  ecosystem: 'PyPI',
  name: 'pyyaml',
  version: '5.3.1',
  purl: 'pkg:pypi/pyyaml@5.3.1',
  scope: 'transitive',
  dev: false,
  hashes: [],
  declaredIn: ['poetry.lock'],
  paths: [['apache-airflow', 'pyyaml']],
  dependencies: [],
};
const facts = (entries: Record<string, PythonFacts>) => new Map(Object.entries(entries));

describe('reachabilityOf', () => {
  it('finds a call of the vulnerable API the advisory names', () => {
    const reach = reachabilityOf(pyyaml, ['CVE-2020-14343', 'PYSEC-2021-142'], facts({
      'jobs/a.py': { imports: ['json'], uses: [{ name: 'json.loads', line: 3 }] },
      'jobs/config.py': { imports: ['yaml'], uses: [{ name: 'yaml.full_load', line: 12 }] },
    }));
    expect(reach).toMatchObject({ level: 'called', file: 'jobs/config.py', line: 12, api: 'yaml.full_load' });
  });

  it('counts a loader class passed as an argument as a use', () => {
    const reach = reachabilityOf(pyyaml, ['CVE-2020-14343'], facts({ 'c.py': { imports: ['yaml'], uses: [{ name: 'yaml.FullLoader', line: 4 }] } }));
    expect(reach.level).toBe('called');
  });

  it('falls back to imported when only the package is imported, through its import name', () => {
    const reach = reachabilityOf(pyyaml, ['CVE-2020-14343'], facts({ 'c.py': { imports: ['yaml.safe_load'], uses: [{ name: 'yaml.safe_load', line: 2 }] } }));
    expect(reach).toEqual({ level: 'imported', file: 'c.py', module: 'yaml.safe_load' });
  });

  it('says not imported when no code imports it', () => {
    expect(reachabilityOf(pyyaml, ['CVE-2020-14343'], facts({ 'c.py': { imports: ['json'], uses: [] } })).level).toBe('not-imported');
  });

  it('does not claim anything for npm packages yet', () => {
    expect(reachabilityOf({ ...pyyaml, ecosystem: 'npm', name: 'js-yaml' }, ['CVE-x'], facts({})).level).toBe('unknown');
  });
});
