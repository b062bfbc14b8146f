import { normalizePyPIName } from '../model.js';

/**
 * The name under which a package is indexed and compared: PEP 503 for PyPI ("PyYAML",
 * "pyyaml" and "py_yaml" are one package); other ecosystems compare names as written, npm
 * names being case-sensitive for the packages published before lower case was enforced.
 */
export function normalizePackageName(ecosystem: string, name: string): string {
  return ecosystem === 'PyPI' ? normalizePyPIName(name) : name;
}
