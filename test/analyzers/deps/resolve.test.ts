import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markerHolds, LINUX_CPYTHON_311 } from '../../../src/analyzers/deps/resolve/markers.js';
import { assessTree } from '../../helpers/assess-tree.js';
import { startIndexServer, type IndexServer } from '../../helpers/pypi-server.js';
import path from 'node:path';

const OSV = path.resolve(import.meta.dirname, '../../fixtures/deps/rule-examples/osv');
let index: IndexServer;

beforeAll(async () => {
  index = await startIndexServer({
    'apache-airflow': {
      '2.2.3': { requires: ['jinja2<3.1,>=2.10', 'pyyaml>=5.1', 'pywin32>=300; sys_platform == "win32"', 'apache-airflow-providers-amazon; extra == "amazon"'] },
      '2.3.0rc1': { requires: [] },
    },
    jinja2: { '2.11.2': { requires: ['markupsafe>=0.23'] }, '3.0.3': { requires: ['markupsafe>=2.0'] }, '3.1.4': { requires: ['markupsafe>=2.0'] } },
    markupsafe: { '1.1.1': {}, '2.1.5': {} },
    pyyaml: { '5.3.1': {}, '5.4': { yanked: 'broken wheels' } },
  });
});
afterAll(() => index.close());

describe('--resolve', () => {
  it('resolves the transitive closure from the index, with markers, and matches it against advisories', async () => {
    const result = await assessTree(
      { 'requirements.txt': 'apache-airflow==2.2.3\nrequests==2.31.0\n' },
      { only: ['deps'], deps: { resolve: true, offline: false, indexUrl: index.url, osvDb: OSV } },
    );
    const vuln = result.findings.filter((f) => f.ruleId === 'deps.vulnerable-package');
    expect(vuln).toHaveLength(1);
    // pyyaml>=5.1 resolves to 5.3.1 because 5.4 is yanked; the path names who pulls it in.
    expect(vuln[0]!.message).toContain('pyyaml 5.3.1 is affected by CVE-2020-14343');
    expect(vuln[0]!.message).toContain('Pulled in by apache-airflow → pyyaml');
    expect(vuln[0]!.location.file).toBe('requirements.txt');
    // Windows-only and extra-only requirements are not resolved.
    expect(index.requests.some((r) => r.includes('pywin32') || r.includes('providers-amazon'))).toBe(false);
    // jinja2<3.1 picks 3.0.3, the newest release in range.
    expect(index.requests).toContain('/pypi/jinja2/3.0.3/json');
    expect(result.notices.join('\n')).toMatch(/1 package\(s\) could not be resolved.*requests \(.*404\)/);
  });

  it('says so instead of querying when offline', async () => {
    const result = await assessTree({ 'requirements.txt': 'apache-airflow==2.2.3\n' }, { only: ['deps'], deps: { resolve: true, offline: true, osvDb: OSV } });
    expect(result.notices.join('\n')).toMatch(/--resolve was ignored: offline/);
  });
});

describe('markerHolds', () => {
  it.each([
    ['python_version >= "3.8"', [], true],
    ['python_version < "3.8"', [], false],
    ['sys_platform == "win32" or os_name == "posix"', [], true],
    ['(platform_system == "Darwin") and python_version >= "3"', [], false],
    ['extra == "s3"', ['s3'], true],
    ['extra == "s3"', [], false],
    ['"linux" in sys_platform', [], true],
  ] as const)('%s with extras %j is %s', (marker, extras, expected) => {
    expect(markerHolds(marker, LINUX_CPYTHON_311, extras)).toBe(expected);
  });

  it('treats an unreadable marker as holding, so nothing is dropped silently', () => {
    expect(markerHolds('python_version >>> 3', LINUX_CPYTHON_311)).toBe(true);
  });
});
