import { describe, expect, it } from 'vitest';
import { isPackageConfig, parsePackageConfig } from '../../../src/analyzers/deps/package-config/index.js';

const read = (name: string, text: string) => parsePackageConfig(name, text, name)!;

describe('installer configuration files', () => {
  it('reads pip.conf in any section, with several values over indented lines, either spelling of an option, comments skipped', () => {
    const config = read(
      'pip.conf',
      '# mirror\n[global]\nindex_url = http://mirror.internal/simple\nextra-index-url =\n    https://a.internal/simple\n    https://b.internal/simple\n; trusted-host = old.internal\n[install]\n--trusted-host = a.internal b.internal\ncert = /etc/ca.pem\n',
    );
    expect(config.tool).toBe('pip');
    expect(config.indexes).toEqual([
      { url: 'http://mirror.internal/simple', kind: 'primary', line: 3 },
      { url: 'https://a.internal/simple', kind: 'extra', line: 5 },
      { url: 'https://b.internal/simple', kind: 'extra', line: 6 },
    ]);
    expect(config.uncheckedTransport).toEqual([
      { setting: 'trusted-host = a.internal', line: 9 },
      { setting: 'trusted-host = b.internal', line: 9 },
    ]);
  });

  it('reads .npmrc and Yarn 1’s .yarnrc: registries, scoped ones, and strict-ssl switched off', () => {
    const npm = read('.npmrc', '; comment\nregistry = "http://npm.internal/"\n@acme:registry=https://npm.acme.internal/\n//npm.acme.internal/:_authToken=${TOKEN}\nstrict-ssl=false\n');
    expect(npm.indexes).toEqual([
      { url: 'http://npm.internal/', kind: 'primary', line: 2 },
      { url: 'https://npm.acme.internal/', kind: 'extra', line: 3 },
    ]);
    expect(npm.uncheckedTransport).toEqual([{ setting: 'strict-ssl=false', line: 5 }]);
    expect(read('.npmrc', 'strict-ssl=true\n').uncheckedTransport).toEqual([]);
    const yarn = read('.yarnrc', '# yarn lockfile v1\nregistry "http://npm.internal/"\n"@acme:registry" "https://npm.acme.internal/"\nstrict-ssl false\n');
    expect([yarn.tool, yarn.indexes.map((i) => [i.url, i.line]), yarn.uncheckedTransport]).toEqual([
      'yarn',
      [['http://npm.internal/', 2], ['https://npm.acme.internal/', 3]],
      [{ setting: 'strict-ssl false', line: 4 }],
    ]);
  });

  it('reads .yarnrc.yml: the registry, scoped registries, enableStrictSsl and the plain-HTTP allow-list', () => {
    const config = read(
      '.yarnrc.yml',
      'nodeLinker: node-modules\nnpmRegistryServer: "http://npm.internal"\nnpmScopes:\n  acme:\n    npmRegistryServer: "https://npm.acme.internal"\nenableStrictSsl: false\nunsafeHttpWhitelist:\n  - "*.internal"\n  - localhost\n',
    );
    expect(config.indexes).toEqual([
      { url: 'http://npm.internal', kind: 'primary', line: 2 },
      { url: 'https://npm.acme.internal', kind: 'extra', line: 5 },
    ]);
    expect(config.uncheckedTransport).toEqual([
      { setting: 'enableStrictSsl: false', line: 6 },
      { setting: 'unsafeHttpWhitelist: *.internal', line: 8 },
      { setting: 'unsafeHttpWhitelist: localhost', line: 9 },
    ]);
  });

  it('reads .condarc: channel URLs (names are no URL), the alias, custom channels, and ssl_verify off', () => {
    const config = read(
      '.condarc',
      'channels:\n  - conda-forge\n  - http://conda.internal/main\nchannel_alias: https://conda.anaconda.org\ncustom_channels:\n  acme: http://conda.acme.internal\nssl_verify: False\n',
    );
    expect(config.indexes.map((i) => [i.url, i.line])).toEqual([
      ['http://conda.internal/main', 3],
      ['https://conda.anaconda.org', 4],
      ['http://conda.acme.internal', 6],
    ]);
    expect(config.uncheckedTransport).toEqual([{ setting: 'ssl_verify: false', line: 7 }]);
    expect(read('.condarc', 'ssl_verify: /etc/ssl/ca.pem\n').uncheckedTransport).toEqual([]);
  });

  it('reads uv.toml at its top level', () => {
    const config = read('uv.toml', 'index-strategy = "unsafe-best-match"\nallow-insecure-host = ["pypi.internal"]\n\n[[index]]\nname = "internal"\nurl = "http://pypi.internal/simple"\n');
    expect(config.indexes).toEqual([{ url: 'http://pypi.internal/simple', kind: 'extra', line: 6, firstMatch: false }]);
    expect(config.uncheckedTransport).toEqual([{ setting: 'allow-insecure-host = pypi.internal', line: 2 }]);
  });

  it('knows these files by name only, and throws on YAML or TOML that does not parse', () => {
    expect(['pip.conf', 'PIP.INI', '.npmrc', '.yarnrc.yml', '.condarc', 'uv.toml'].every(isPackageConfig)).toBe(true);
    expect(isPackageConfig('app.conf')).toBe(false);
    expect(parsePackageConfig('setup.cfg', '[metadata]\n', 'setup.cfg')).toBeUndefined();
    expect(() => read('.condarc', 'channels: [a, b\n')).toThrow(/invalid YAML/);
    expect(() => read('uv.toml', 'index-url = \n')).toThrow(/invalid TOML/);
  });

  it('reads hostile long lines without backtracking', () => {
    const spaces = ' '.repeat(1_000_000);
    for (const name of ['pip.conf', '.npmrc', '.yarnrc']) {
      expect(read(name, `a${spaces}b\nregistry${spaces}= "http://x/"\n`).indexes.length).toBeLessThanOrEqual(1);
    }
  });
});
