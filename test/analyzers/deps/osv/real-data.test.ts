import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadOsvDirectory } from '../../../../src/analyzers/deps/osv/directory.js';
import { findVulnerabilities, type AdvisoryGroup } from '../../../../src/analyzers/deps/osv/group.js';
import type { AdvisorySource } from '../../../../src/analyzers/deps/osv/source.js';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
/** The PyPA advisory database snapshot shared beside the repository (see its README). */
const PYPI_DATA = path.resolve(repoRoot, '..', 'shared', 'data', 'osv', 'PyPI');
const exists = fs.existsSync(PYPI_DATA);
if (!exists) console.warn(`Skipping the real-data OSV tests: ${PYPI_DATA} is absent.`);

function groupWith(source: AdvisorySource, name: string, version: string, id: string): AdvisoryGroup | undefined {
  return findVulnerabilities(source, 'PyPI', name, version).find((g) => g.ids.includes(id));
}

describe.skipIf(!exists)('matching against the PyPA advisory database', () => {
  const { source, problems } = exists ? loadOsvDirectory(PYPI_DATA) : { source: undefined, problems: [] };

  it('loads every advisory', () => {
    expect(problems).toEqual([]);
    expect(source!.description.counts.PyPI).toBe(2661);
  });

  it('PyYAML 5.3.1 has the FullLoader code execution flaw, fixed in 5.4', () => {
    const group = groupWith(source!, 'PyYAML', '5.3.1', 'CVE-2020-14343');
    expect(group?.ids).toEqual(['CVE-2020-14343', 'GHSA-8q59-q68h-6hv4', 'PYSEC-2021-142']);
    expect(group?.fixed).toBe('5.4');
    // 5.3.1 is the fix of CVE-2020-1747 ([5.1, 5.3.1)), so that one must not match.
    expect(groupWith(source!, 'PyYAML', '5.3.1', 'CVE-2020-1747')).toBeUndefined();
    expect(groupWith(source!, 'PyYAML', '5.3', 'CVE-2020-1747')?.fixed).toBe('5.3.1');
  });

  it('PyYAML 5.4 and 6.0.1 do not have it', () => {
    expect(groupWith(source!, 'pyyaml', '5.4', 'CVE-2020-14343')).toBeUndefined();
    expect(groupWith(source!, 'pyyaml', '6.0.1', 'CVE-2020-14343')).toBeUndefined();
    expect(groupWith(source!, 'pyyaml', '5.4b2', 'CVE-2020-14343')).toBeDefined();
  });

  it.each([
    ['Jinja2', '2.11.2', 'CVE-2020-28493', '2.11.3'],
    ['urllib3', '1.26.4', 'CVE-2021-33503', '1.26.5'],
    ['Pillow', '8.1.0', 'CVE-2021-27921', '8.1.1'],
    // Three release branches in one range list: 3.2.x is fixed in 3.2.10, not in 2.2.25 or 3.1.14.
    ['Django', '3.2.5', 'CVE-2021-44420', '3.2.10'],
  ])('%s %s matches %s, and its fixed version %s does not', (name, version, id, fixed) => {
    expect(groupWith(source!, name, version, id)?.fixed).toBe(fixed);
    expect(groupWith(source!, name, fixed, id)).toBeUndefined();
  });
});
