import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const pypiToken = secretRule({
  id: 'secret.pypi-token',
  title: 'PyPI API token',
  severity: 'high',
  what: 'Finds PyPI upload tokens: pypi- followed by a macaroon whose base 64 starts with the pypi.org location (AgEIcHlwaS5vcmc…).',
  why: 'An upload token publishes new releases of the project — malicious versions that every `pip install` in every pipeline then pulls.',
  remediation: 'Delete the token in the PyPI account settings, and publish from CI with trusted publishing (OIDC) instead of a stored token.',
  anchors: ['pypi-ageichlwas5vcmc'],
  pattern: token('pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}'),
  bad: [{ file: '.pypirc', code: '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcfjvgecVP4ExqHFKii8AwqHfxcLr4FZ3PDwThzp-iX01b1qUtjN6KiklhWZ7z\n' }],
  good: [{ file: '.github/workflows/release.yml', code: 'permissions:\n  id-token: write\nsteps:\n  - uses: pypa/gh-action-pypi-publish@release/v1\n' }],
  references: ['https://pypi.org/help/#apitoken', 'https://docs.pypi.org/trusted-publishers/', 'https://cwe.mitre.org/data/definitions/798.html'],
});
