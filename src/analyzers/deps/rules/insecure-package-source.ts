import type { DependencyFacts, PackageIndex, UncheckedTransport } from '../model.js';
import type { DepsHit, DepsRule } from './deps-rule.js';

/** Plain HTTP to the machine itself crosses no network: a local devpi or Verdaccio. */
const LOOPBACK = /^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(?::\d+)?(\/|$)/i;

export const insecurePackageSource: DepsRule = {
  id: 'deps.insecure-package-source',
  title: 'Packages fetched over plain HTTP or without certificate checks',
  category: 'dependency',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-494', 'CWE-319', 'CWE-295'],
  what:
    'Finds package indexes, registries and channels given as `http://` URLs, and settings that switch certificate checks off ' +
    'for them: pip `--trusted-host` / `trusted-host`, Pipfile and PDM `verify_ssl = false`, uv `allow-insecure-host`, npm and ' +
    'Yarn 1 `strict-ssl false`, Yarn `enableStrictSsl: false` and `unsafeHttpWhitelist`, conda `ssl_verify: false`. Read from ' +
    'requirement files, pyproject.toml, Pipfile, environment.yml and the installers’ own configuration: pip.conf / pip.ini, ' +
    'uv.toml, .npmrc, .yarnrc, .yarnrc.yml, .condarc. A loopback address (a local mirror) is left alone.',
  why:
    'Whoever sits on the network path between the build and the index — a shared CI runner, a proxy, a hijacked resolver — can ' +
    'hand the installer a package of their own under the expected name and version. Its install hooks and import-time code run ' +
    'in the image build and in every job, with the pipeline’s credentials. Without hash pinning nothing else notices.',
  remediation:
    'Serve the index over HTTPS and give the installer the certificate authority that signs it (pip `cert`, npm `cafile`, ' +
    'conda `ssl_verify: /path/to/ca.pem`, uv `SSL_CERT_FILE`) instead of switching the check off; pin with hashes ' +
    '(`--require-hashes`, lockfiles with integrity) so a swapped package cannot install.',
  bad: [
    { file: 'pip.conf', code: '[global]\nindex-url = http://pypi.internal.example.com/simple\ntrusted-host = pypi.internal.example.com\n' },
    { file: '.npmrc', code: 'registry=https://npm.internal.example.com/\nstrict-ssl=false\n' },
  ],
  good: [
    { file: 'pip.conf', code: '[global]\nindex-url = https://pypi.internal.example.com/simple\ncert = /etc/ssl/certs/internal-ca.pem\n' },
    { file: '.npmrc', code: 'registry=https://npm.internal.example.com/\ncafile=/etc/ssl/certs/internal-ca.pem\n' },
  ],
  references: [
    'https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host',
    'https://docs.npmjs.com/cli/v10/using-npm/config#strict-ssl',
    'https://cwe.mitre.org/data/definitions/494.html',
  ],
  check(project) {
    return [...project.facts].flatMap(([file, fact]) => {
      const { indexes, unchecked } = sourcesOf(fact);
      return [...indexes.filter(overPlainHttp).map((index) => plainHttp(file, index)), ...unchecked.map((setting) => uncheckedCertificate(file, setting))];
    });
  },
};

function sourcesOf(fact: DependencyFacts): { indexes: PackageIndex[]; unchecked: UncheckedTransport[] } {
  if (fact.type === 'lockfile') return { indexes: [], unchecked: [] };
  return { indexes: fact.indexes, unchecked: fact.uncheckedTransport ?? [] };
}

function overPlainHttp(index: PackageIndex): boolean {
  return /^http:\/\//i.test(index.url) && !LOOPBACK.test(index.url);
}

function plainHttp(file: string, index: PackageIndex): DepsHit {
  return {
    file,
    line: index.line ?? 1,
    key: index.url,
    message: `${file} fetches packages from ${index.url} over plain HTTP: anyone on the network path can swap them`,
  };
}

function uncheckedCertificate(file: string, setting: UncheckedTransport): DepsHit {
  return {
    file,
    line: setting.line,
    key: setting.setting,
    message: `${file} sets ${setting.setting}: packages from there are installed without checking the server's certificate`,
  };
}
