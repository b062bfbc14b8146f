import { describe, expect, it } from 'vitest';
import type { InventoryPackage } from '../../../src/analyzers/deps/model.js';
import { reachabilityOf } from '../../../src/analyzers/deps/reachability/reachability.js';
import type { ScriptFacts } from '../../../src/analyzers/javascript/facts.js';
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
const facts = (entries: Record<string, PythonFacts>) => ({ python: new Map(Object.entries(entries)), scripts: new Map<string, ScriptFacts>() });
const scripts = (entries: Record<string, ScriptFacts>) => ({ python: new Map<string, PythonFacts>(), scripts: new Map(Object.entries(entries)) });
const lodash: InventoryPackage = { ...pyyaml, ecosystem: 'npm', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20', paths: [['lodash']] };

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

  it('tells for npm packages from the scripts’ facts, never from Python modules of the same name', () => {
    const called = reachabilityOf(lodash, ['CVE-2021-23337'], scripts({ 'ingest/render.js': { imports: ['lodash'], uses: [{ name: 'lodash.template', line: 7 }] } }));
    expect(called).toMatchObject({ level: 'called', file: 'ingest/render.js', line: 7, api: 'lodash.template' });
    const submodule = reachabilityOf(lodash, ['CVE-2021-23337'], scripts({ 'a.js': { imports: ['lodash/merge'], uses: [{ name: 'lodash/merge', line: 1 }] } }));
    expect(submodule).toMatchObject({ level: 'imported', module: 'lodash/merge' });
    expect(reachabilityOf(lodash, ['CVE-2021-23337'], facts({ 'lodash.py': { imports: ['lodash'], uses: [{ name: 'lodash.template', line: 1 }] } })).level).toBe('not-imported');
  });
});
