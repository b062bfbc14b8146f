import { describe, expect, it } from 'vitest';
import { loadOsvDirectory } from '../../../../src/analyzers/deps/osv/directory.js';
import { compareIds, findVulnerabilities, groupAdvisories } from '../../../../src/analyzers/deps/osv/group.js';
import type { OsvAdvisory } from '../../../../src/analyzers/deps/osv/types.js';
import { FIXTURES, fixture } from './helpers.js';

const { source } = loadOsvDirectory(FIXTURES);

describe('findVulnerabilities: alias groups', () => {
  it('merges records linked through a shared alias (A aliases B, C aliases B) and keeps others apart', () => {
    const groups = findVulnerabilities(source, 'PyPI', 'Demo_Pkg', '0.3');
    expect(groups.map((g) => g.ids)).toEqual([
      ['GHSA-9000-cccc-dddd', 'PYSEC-9000-2'],
      ['CVE-2099-1000', 'GHSA-9000-aaaa-bbbb', 'PYSEC-9000-1'],
    ]);
    const [critical, merged] = groups;
    expect(critical!.severity).toMatchObject({ severity: 'critical', score: 9.8, basis: 'cvss-v3' });
    expect(critical!.fixed).toBe('0.5');
    expect(critical!.summary).toBe('Three branches, events written out of order.');

    expect(merged!.records).toEqual(['GHSA-9000-aaaa-bbbb', 'PYSEC-9000-1']);
    expect(merged!.summary).toBe('Unsafe deserialisation in demo-pkg');
    expect(merged!.details).toBe("GHSA's longer text.");
    // The vector (6.1) outranks GHSA's own rating; the fix is the first version both records call clean.
    expect(merged!.severity).toEqual({ severity: 'medium', score: 6.1, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', basis: 'cvss-v3' });
    expect(merged!.fixed).toBe('1.1');
    expect(merged!.references.map((r) => r.url)).toEqual(['https://example.test/shared', 'https://example.test/PYSEC-9000-1']);
    expect(merged!.cwes).toEqual(['CWE-502']);
    expect(merged!.malicious).toBe(false);
  });

  it('merges transitively, whatever order the records come in', () => {
    const chain: OsvAdvisory[] = [
      { id: 'OSV-3', aliases: ['OSV-4'] },
      { id: 'PYSEC-1', aliases: ['GHSA-x'] },
      { id: 'OSV-2', aliases: ['OSV-3'] },
      { id: 'CVE-1', aliases: ['OSV-2'] },
      { id: 'GHSA-x', aliases: ['CVE-1'] },
      { id: 'OTHER-1' },
    ];
    const ids = (list: OsvAdvisory[]) => groupAdvisories(list, 'PyPI', 'pkg', '1.0').map((g) => g.ids);
    expect(ids(chain)).toEqual([['CVE-1', 'GHSA-x', 'PYSEC-1', 'OSV-2', 'OSV-3', 'OSV-4'], ['OTHER-1']]);
    expect(ids([...chain].reverse())).toEqual(ids(chain));
  });

  it('names the first sentence of the details when no record has a summary', () => {
    const [group] = findVulnerabilities(source, 'PyPI', 'demo-pkg', '2.0.1').filter((g) => g.ids.includes('PYSEC-9000-1'));
    expect(group!.records).toEqual(['PYSEC-9000-1']);
    expect(group!.summary).toBe('Demo-Pkg before 1.0 deserialises untrusted input.');
    // Listed as affected, but no fix at or above 2.0.1 exists.
    expect(group!.fixed).toBeUndefined();
  });

  it('flags a group holding a MAL- id as malicious, rated by the advisory when no vector exists', () => {
    const groups = findVulnerabilities(source, 'npm', 'evil-padder', '1.0.0');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ ids: ['GHSA-9000-mal2-link', 'MAL-9000-1'], malicious: true, fixed: undefined, severity: { severity: 'critical', basis: 'advisory-rating' } });
    expect(findVulnerabilities(source, 'npm', 'evil-padder', '0.0.1')[0]).toMatchObject({ ids: ['MAL-9000-1'], malicious: true, severity: undefined });
  });

  it('returns nothing for a clean version, a withdrawn-only match or an unknown package', () => {
    expect(findVulnerabilities(source, 'PyPI', 'demo-pkg', '1.5')).toEqual([]);
    expect(findVulnerabilities(source, 'PyPI', 'no-such-package', '1.0')).toEqual([]);
  });

  it('rates npm advisories from their CVSS v4 vector', () => {
    expect(findVulnerabilities(source, 'npm', 'left-padder', '1.2.0')[0]).toMatchObject({
      ids: ['CVE-2099-2000', 'GHSA-9000-npm1-semv'],
      fixed: '1.2.3',
      severity: { severity: 'critical', score: 9.3, basis: 'cvss-v4' },
    });
  });
});

describe('compareIds', () => {
  it('sorts CVE, GHSA, PYSEC, then the rest, numerically within a prefix', () => {
    const ids = ['MAL-2024-1', 'PYSEC-2021-142', 'GHSA-8q59-q68h-6hv4', 'PYSEC-2021-59', 'CVE-2020-14343', 'CVE-2020-1747', 'OSV-2020-1'];
    expect(ids.sort(compareIds)).toEqual(['CVE-2020-1747', 'CVE-2020-14343', 'GHSA-8q59-q68h-6hv4', 'PYSEC-2021-59', 'PYSEC-2021-142', 'MAL-2024-1', 'OSV-2020-1']);
  });
});

describe('groupAdvisories', () => {
  it('takes the worst rating in a group', () => {
    const low: OsvAdvisory = { id: 'PYSEC-1', aliases: ['CVE-1'], severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N' }] };
    const high: OsvAdvisory = { ...fixture('GHSA-9000-aaaa-bbbb'), aliases: ['CVE-1'], severity: undefined, database_specific: { severity: 'HIGH' } };
    expect(groupAdvisories([low, high], 'PyPI', 'demo-pkg', '0.1')[0]!.severity).toEqual({ severity: 'high', basis: 'advisory-rating' });
  });
});
