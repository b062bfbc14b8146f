import type { ParsedManifest } from '../model.js';
import { parseCondaEnvironment } from './conda.js';
import { parsePackageJson } from './package-json.js';
import { parsePipfile } from './pipfile.js';
import { parsePyproject } from './pyproject.js';
import { parseRequirementsTxt } from './requirements-txt.js';
import { parseSetupCfg } from './setup-cfg.js';
import { parseSetupPy } from './setup-py.js';

export { ManifestError } from './errors.js';

type ManifestParser = (text: string, file: string) => ParsedManifest;

const BY_NAME = new Map<string, ManifestParser>([
  ['pyproject.toml', parsePyproject],
  ['pipfile', parsePipfile],
  ['setup.cfg', parseSetupCfg],
  ['setup.py', parseSetupPy],
  ['package.json', parsePackageJson],
  ['environment.yml', parseCondaEnvironment],
  ['environment.yaml', parseCondaEnvironment],
]);
/**
 * requirements*.txt / constraints*.txt and pip-tools inputs (requirements*.in), also with a
 * prefix (dev-requirements.txt). Other `.in` files are left alone: MANIFEST.in, Makefile.in
 * and config.h.in are no pip input, and would only be reported as broken.
 */
const REQUIREMENTS = /^(?:[\w.-]*[-_.])?(?:requirements|constraints)(?:[-_.][\w.-]*)?\.(?:txt|in)$/;
/** Files in a `requirements/` directory (requirements/base.txt, requirements/prod.in). */
const IN_REQUIREMENTS_DIRECTORY = /(?:^|\/)requirements\/[^/]+\.(?:txt|in)$/;

/**
 * Parses a dependency manifest, chosen by its base name; undefined for a file that is no
 * manifest known here. `file` is its path relative to the scanned root (forward slashes).
 * Throws a ManifestError for a manifest that does not read as its format says.
 */
export function parseManifest(fileName: string, text: string, file: string): ParsedManifest | undefined {
  const parser = parserFor(fileName.toLowerCase(), file.toLowerCase());
  // Editors on Windows may save a byte order mark; none of these formats allows one as content.
  return parser?.(text.startsWith('\uFEFF') ? text.slice(1) : text, file);
}

function parserFor(base: string, file: string): ManifestParser | undefined {
  if (REQUIREMENTS.test(base) || IN_REQUIREMENTS_DIRECTORY.test(file)) return parseRequirementsTxt;
  return BY_NAME.get(base);
}
