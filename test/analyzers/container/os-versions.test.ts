import { describe, expect, it } from 'vitest';
import { affectedVersions } from '../../../src/analyzers/deps/osv/match.js';
import { APK_ORDER, DPKG_ORDER } from '../../../src/analyzers/deps/osv/os-versions.js';
import { ecosystemOrder } from '../../../src/analyzers/deps/osv/versions.js';

function sorted(order: typeof DPKG_ORDER, versions: string[]): string[] {
  return [...versions].sort((a, b) => order.compare(a, b));
}

describe('Debian (dpkg) version order', () => {
  it('follows dpkg: epoch first, tilde before everything, letters before symbols, numbers numerically', () => {
    expect(sorted(DPKG_ORDER, ['1.0-1', '1:0.9-1', '1.0~rc1-1', '1.0-1+deb10u1', '1.0+b1-1', '1.0a-1', '1.10-1', '1.9-1', '1.0-1~bpo1'])).toEqual([
      '1.0~rc1-1',
      '1.0-1~bpo1',
      '1.0-1',
      '1.0-1+deb10u1',
      '1.0a-1',
      '1.0+b1-1',
      '1.9-1',
      '1.10-1',
      '1:0.9-1',
    ]);
    expect(DPKG_ORDER.compare('1.1.1n-0+deb10u3', '1.1.1n-0+deb10u4')).toBeLessThan(0);
    expect(DPKG_ORDER.compare('1.01-1', '1.1-1')).toBe(0);
    expect(DPKG_ORDER.key('1.01-1')).toBe(DPKG_ORDER.key('1.1-1'));
    expect(DPKG_ORDER.valid('not a version')).toBe(false);
  });
});

describe('Alpine (apk) version order', () => {
  it('follows apk: numbers, then letter, then suffixes (pre-releases before, patches after), then revision', () => {
    expect(sorted(APK_ORDER, ['1.1.1k-r0', '1.1.1j-r0', '1.1.1j-r10', '1.1.1j-r2', '1.1.1', '1.1.1_rc1', '1.1.1_p1', '1.1', '1.1.10', '1.1.1_alpha'])).toEqual([
      '1.1',
      '1.1.1_alpha',
      '1.1.1_rc1',
      '1.1.1',
      '1.1.1_p1',
      '1.1.1j-r0',
      '1.1.1j-r2',
      '1.1.1j-r10',
      '1.1.1k-r0',
      '1.1.10',
    ]);
    expect(APK_ORDER.valid('1.2.3-r4')).toBe(true);
    expect(APK_ORDER.valid('v1.2')).toBe(false);
  });
});

describe('distribution ecosystems in OSV matching', () => {
  it('orders "Debian:12" and "Alpine:v3.20" by their distribution', () => {
    expect(ecosystemOrder('Debian:12')).toBe(DPKG_ORDER);
    expect(ecosystemOrder('Alpine:v3.20')).toBe(APK_ORDER);
    const advisory = {
      id: 'DEBIAN-TEST',
      affected: [{ package: { ecosystem: 'Debian:12', name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.15-1~deb12u1' }] }] }],
    };
    expect(affectedVersions(advisory, 'Debian:12', 'openssl', '3.0.14-1~deb12u2')).toBe(true);
    expect(affectedVersions(advisory, 'Debian:12', 'openssl', '3.0.15-1~deb12u1')).toBe(false);
    expect(affectedVersions(advisory, 'Debian:11', 'openssl', '3.0.14-1~deb12u2')).toBe(false);
  });
});
