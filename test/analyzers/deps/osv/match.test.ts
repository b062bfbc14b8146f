import { describe, expect, it } from 'vitest';
import { affectedVersions, smallestFixedAtOrAbove } from '../../../../src/analyzers/deps/osv/match.js';
import type { OsvAdvisory, OsvEvent } from '../../../../src/analyzers/deps/osv/types.js';
import { fixture } from './helpers.js';

function affected(id: string, ecosystem: string, name: string, versions: string[]): string[] {
  const advisory = fixture(id);
  return versions.filter((v) => affectedVersions(advisory, ecosystem, name, v));
}

function pypiRange(events: OsvEvent[], versions?: string[]): OsvAdvisory {
  return { id: 'TEST-1', affected: [{ package: { ecosystem: 'PyPI', name: 'pkg' }, ranges: [{ type: 'ECOSYSTEM', events }], versions }] };
}

describe('affectedVersions: events', () => {
  it('introduced "0" and fixed: everything below the fix', () => {
    expect(affected('PYSEC-9000-1', 'PyPI', 'demo-pkg', ['0', '0.0.1', '0.9', '0.99', '1.0', '1.0.1', '3.0'])).toEqual(['0', '0.0.1', '0.9', '0.99']);
  });

  it('evaluates events in version order, not the order they are written in', () => {
    const versions = ['0.4', '0.5', '0.9', '1.0', '1.2.2', '1.2.3', '1.9', '2.0', '2.0.9', '2.1', '3'];
    expect(affected('PYSEC-9000-2', 'PyPI', 'demo-pkg', versions)).toEqual(['0.4', '1.0', '1.2.2', '2.0', '2.0.9']);
  });

  it('last_affected includes that version and nothing above it', () => {
    expect(affected('PYSEC-9000-3', 'PyPI', 'lastpkg', ['0.9', '1.0', '1.2', '1.4', '1.4.0', '1.4.1', '1.5'])).toEqual(['1.0', '1.2', '1.4', '1.4.0']);
  });

  it('limit caps a range; "*" is no cap', () => {
    expect(affected('PYSEC-9000-4', 'PyPI', 'limitpkg', ['0.1', '2.9', '3.0', '4.0', '5.0', '99'])).toEqual(['0.1', '2.9', '5.0', '99']);
  });

  it('keeps events at the same version in written order: fixed then introduced re-opens the range', () => {
    const advisory = pypiRange([{ introduced: '0' }, { fixed: '1.0' }, { introduced: '1.0' }, { fixed: '2.0' }]);
    expect(['0.5', '1.0', '1.5', '2.0'].filter((v) => affectedVersions(advisory, 'PyPI', 'pkg', v))).toEqual(['0.5', '1.0', '1.5']);
  });

  it('an introduced event with no fix affects every later version', () => {
    const advisory = pypiRange([{ introduced: '2.0' }]);
    expect(['1.9', '2.0', '2.0.post1', '300'].filter((v) => affectedVersions(advisory, 'PyPI', 'pkg', v))).toEqual(['2.0', '2.0.post1', '300']);
  });
});

describe('affectedVersions: the versions list', () => {
  it('counts a listed version even where the ranges say it is not affected', () => {
    expect(affected('PYSEC-9000-1', 'PyPI', 'demo-pkg', ['2.0', '2.0.1', '2.0.2'])).toEqual(['2.0.1']);
  });

  it('matches a listed version written differently but equal under PEP 440', () => {
    const advisory = pypiRange([{ introduced: '5.0' }], ['1.0.0', '2.0RC1']);
    expect(['1', '1.0', '1.0.0', '2.0rc1', '2.0-rc1', '1.0.1'].filter((v) => affectedVersions(advisory, 'PyPI', 'pkg', v))).toEqual([
      '1',
      '1.0',
      '1.0.0',
      '2.0rc1',
      '2.0-rc1',
    ]);
  });

  it('ignores GIT ranges (no commit information) but still honours the versions list', () => {
    expect(affected('PYSEC-9000-7', 'PyPI', 'gitpkg', ['0.1', '1.2.3', '1.2.4'])).toEqual(['1.2.3']);
  });

  it('skips a range whose bound is not a version (a date as "fixed"); only the list speaks then', () => {
    expect(affected('PYSEC-9000-7', 'PyPI', 'datepkg', ['0.1', '0.3', '2019.9.12'])).toEqual(['0.3']);
  });
});

describe('affectedVersions: PEP 440', () => {
  it('orders pre-releases before and post-releases after their release', () => {
    const versions = ['0.9', '1.0a1', '1.0b2', '1.0rc1', '1.0rc2', '1.0', '1.0.post0', '1.0.post1', '1.0.1'];
    expect(affected('PYSEC-9000-6', 'PyPI', 'pep440pkg', versions)).toEqual(['1.0rc1', '1.0rc2', '1.0', '1.0.post0']);
  });

  it('orders epochs above every version without one', () => {
    expect(affected('PYSEC-9000-6', 'PyPI', 'pep440pkg', ['0.3', '1!0.0', '1!0.1', '1!0.3', '1!0.5', '2.0', '9999'])).toEqual(['1!0.1', '1!0.3']);
  });

  it('does not place a version that is not PEP 440', () => {
    expect(affected('PYSEC-9000-1', 'PyPI', 'demo-pkg', ['not-a-version', ''])).toEqual([]);
  });
});

describe('affectedVersions: npm and SemVer', () => {
  it('follows SemVer precedence, pre-releases included', () => {
    const versions = ['0.9.0', '1.0.0', '1.2.2', '1.2.3', '2.0.0-alpha.1', '2.0.0-beta.1', '2.0.0-beta.2', '2.0.0', '1.0'];
    expect(affected('GHSA-9000-npm1-semv', 'npm', 'left-padder', versions)).toEqual(['1.0.0', '1.2.2', '2.0.0-beta.1', '2.0.0-beta.2']);
  });

  it('orders npm ECOSYSTEM ranges by SemVer and matches scoped names exactly', () => {
    expect(affected('GHSA-9000-npm1-semv', 'npm', '@scope/left-padder', ['3.0.9', '3.1.0-rc.1', '3.1.0', '10.0.0'])).toEqual(['3.0.9', '3.1.0-rc.1']);
    expect(affected('GHSA-9000-npm1-semv', 'npm', 'Left-Padder', ['1.0.0'])).toEqual([]);
  });
});

describe('affectedVersions: packages and withdrawal', () => {
  it('compares PyPI names after PEP 503 normalisation', () => {
    for (const name of ['demo-pkg', 'Demo_Pkg', 'DEMO.PKG', 'demo__pkg']) expect(affected('PYSEC-9000-1', 'PyPI', name, ['0.1'])).toEqual(['0.1']);
    expect(affected('PYSEC-9000-1', 'PyPI', 'demo-pkg2', ['0.1'])).toEqual([]);
  });

  it('requires the same ecosystem', () => {
    expect(affected('PYSEC-9000-1', 'npm', 'demo-pkg', ['0.1.0'])).toEqual([]);
  });

  it('skips withdrawn advisories', () => {
    expect(affected('PYSEC-9000-5', 'PyPI', 'demo-pkg', ['0.1', '5.0'])).toEqual([]);
  });
});

describe('smallestFixedAtOrAbove', () => {
  it('picks the fix of the branch the version is on, across several ranges', () => {
    const advisory = fixture('PYSEC-9000-2');
    expect(smallestFixedAtOrAbove(advisory, 'PyPI', 'demo-pkg', '0.1')).toBe('0.5');
    expect(smallestFixedAtOrAbove(advisory, 'PyPI', 'demo-pkg', '1.1')).toBe('1.2.3');
    expect(smallestFixedAtOrAbove(advisory, 'PyPI', 'demo-pkg', '2.0.5')).toBe('2.1');
    expect(smallestFixedAtOrAbove(advisory, 'PyPI', 'demo-pkg', '2.1')).toBe('2.1');
    expect(smallestFixedAtOrAbove(advisory, 'PyPI', 'demo-pkg', '2.2')).toBeUndefined();
  });

  it('is undefined without a fixed event, and for a version it cannot order', () => {
    expect(smallestFixedAtOrAbove(fixture('PYSEC-9000-3'), 'PyPI', 'lastpkg', '1.0')).toBeUndefined();
    expect(smallestFixedAtOrAbove(fixture('PYSEC-9000-1'), 'PyPI', 'demo-pkg', 'nonsense')).toBeUndefined();
  });

  it('follows PEP 440 and SemVer order', () => {
    expect(smallestFixedAtOrAbove(fixture('PYSEC-9000-6'), 'PyPI', 'pep440pkg', '1.0rc2')).toBe('1.0.post1');
    expect(smallestFixedAtOrAbove(fixture('PYSEC-9000-6'), 'PyPI', 'pep440pkg', '1!0.2')).toBe('1!0.5');
    expect(smallestFixedAtOrAbove(fixture('GHSA-9000-npm1-semv'), 'npm', 'left-padder', '2.0.0-beta.3')).toBe('2.0.0');
    expect(smallestFixedAtOrAbove(fixture('GHSA-9000-npm1-semv'), 'npm', 'left-padder', '1.1.0')).toBe('1.2.3');
  });

  it('passes over a fix that another range or record still calls affected', () => {
    const overlapping = pypiRange([{ introduced: '0' }, { fixed: '1.5' }]);
    overlapping.affected![0]!.ranges!.push({ type: 'ECOSYSTEM', events: [{ introduced: '1.2' }, { fixed: '2.0' }] });
    expect(smallestFixedAtOrAbove(overlapping, 'PyPI', 'pkg', '1.3')).toBe('2.0');
    // Two databases on one vulnerability: PYSEC says fixed in 1.0, GHSA in 1.1 — 1.0 still matches GHSA.
    expect(smallestFixedAtOrAbove([fixture('PYSEC-9000-1'), fixture('GHSA-9000-aaaa-bbbb')], 'PyPI', 'demo-pkg', '0.3')).toBe('1.1');
  });
});
