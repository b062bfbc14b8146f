import { describe, expect, it } from 'vitest';
import { advisorySeverity, cvssBaseScore, severityOfScore } from '../../../../src/analyzers/deps/osv/severity.js';
import type { OsvAdvisory, OsvSeverityEntry } from '../../../../src/analyzers/deps/osv/types.js';

function withSeverity(severity: OsvSeverityEntry[], databaseSpecific?: Record<string, unknown>): OsvAdvisory {
  return { id: 'TEST-1', severity, database_specific: databaseSpecific };
}

describe('CVSS base scores (official values)', () => {
  it.each([
    ['CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVSS_V3', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:N/A:N', 6.8],
    ['CVSS_V3', 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N', 3.3],
    ['CVSS_V3', 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5],
    ['CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
    ['CVSS_V4', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['CVSS_V4', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10],
    ['CVSS_V2', 'AV:N/AC:L/Au:N/C:P/I:P/A:P', 7.5],
    ['CVSS_V2', 'AV:N/AC:M/Au:N/C:N/I:P/A:N', 4.3],
    ['CVSS_V2', 'AV:N/AC:L/Au:N/C:C/I:C/A:C', 10],
  ])('%s %s = %s', (type, vector, score) => {
    expect(cvssBaseScore(type, vector)).toBe(score);
  });

  it('gives no score for malformed, incomplete or mislabelled vectors', () => {
    expect(cvssBaseScore('CVSS_V3', 'CVSS:3.1/AV:Z/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeUndefined();
    expect(cvssBaseScore('CVSS_V4', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N')).toBeUndefined();
    expect(cvssBaseScore('CVSS_V3', 'garbage')).toBeUndefined();
    expect(cvssBaseScore('CVSS_V2', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeUndefined();
  });
});

describe('severityOfScore', () => {
  it('maps scores on the CVSS qualitative scale', () => {
    expect([10, 9, 8.9, 7, 6.9, 4, 3.9, 0.1, 0].map(severityOfScore)).toEqual(['critical', 'critical', 'high', 'high', 'medium', 'medium', 'low', 'low', 'info']);
  });
});

describe('advisorySeverity', () => {
  const v2 = { type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:C/I:C/A:C' };
  const v3 = { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N' };
  const v4 = { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' };

  it('prefers CVSS v4, then v3, then v2', () => {
    expect(advisorySeverity(withSeverity([v2, v3, v4]))).toEqual({ severity: 'critical', score: 9.3, vector: v4.score, basis: 'cvss-v4' });
    expect(advisorySeverity(withSeverity([v2, v3]))).toEqual({ severity: 'medium', score: 6.1, vector: v3.score, basis: 'cvss-v3' });
    expect(advisorySeverity(withSeverity([v2]))).toEqual({ severity: 'critical', score: 10, vector: v2.score, basis: 'cvss-v2' });
  });

  it('falls through a broken vector to the next one', () => {
    expect(advisorySeverity(withSeverity([{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N' }, v3]))?.basis).toBe('cvss-v3');
  });

  it("falls back to the database's own rating, labelled as such", () => {
    expect(advisorySeverity(withSeverity([], { severity: 'MODERATE' }))).toEqual({ severity: 'medium', basis: 'advisory-rating' });
    expect(advisorySeverity(withSeverity([{ type: 'Ubuntu', score: 'high' }], { severity: 'CRITICAL' }))).toEqual({ severity: 'critical', basis: 'advisory-rating' });
  });

  it('is undefined for an unrated advisory', () => {
    expect(advisorySeverity(withSeverity([]))).toBeUndefined();
    expect(advisorySeverity(withSeverity([], { severity: 'UNKNOWN' }))).toBeUndefined();
  });

  it("uses a package's own severity in affected[] for that package", () => {
    const advisory: OsvAdvisory = {
      id: 'TEST-2',
      affected: [
        { package: { ecosystem: 'PyPI', name: 'a-pkg' }, severity: [v4] },
        { package: { ecosystem: 'PyPI', name: 'other' }, severity: [v2] },
      ],
    };
    expect(advisorySeverity(advisory, 'PyPI', 'A_Pkg')?.score).toBe(9.3);
    expect(advisorySeverity(advisory, 'PyPI', 'other')?.score).toBe(10);
  });
});
