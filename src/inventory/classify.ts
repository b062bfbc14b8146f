import path from 'node:path';

export const FILE_KINDS = [
  'python',
  'notebook',
  'sql',
  'javascript',
  'manifest',
  'lockfile',
  'dockerfile',
  'shell',
  'terraform',
  'cloudformation',
  'kubernetes',
  'iam-policy',
  'data',
  'config',
  'other',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const LOCKFILES = new Set([
  'poetry.lock',
  'pipfile.lock',
  'uv.lock',
  'pdm.lock',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
]);
// setup.py is Python code first: it is classified as python, and dependency analysis reads it by name.
const MANIFESTS = new Set(['pyproject.toml', 'pipfile', 'setup.cfg', 'package.json', 'environment.yml', 'environment.yaml']);
const REQUIREMENTS = /^([-\w.]*[-_.])?(requirements|constraints)([-_.\w]*)\.(txt|in)$/;
/** pip-tools layouts keep one file per environment in a requirements/ folder (requirements/prod.txt). */
const REQUIREMENTS_DIR = /(^|\/)requirements\/[^/]+\.(txt|in)$/;

const BY_EXTENSION: Record<string, FileKind> = {
  '.py': 'python',
  '.pyw': 'python',
  '.pyi': 'python',
  '.ipynb': 'notebook',
  '.sql': 'sql',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.ts': 'javascript',
  '.mts': 'javascript',
  '.cts': 'javascript',
  '.tsx': 'javascript',
  '.sh': 'shell',
  '.bash': 'shell',
  '.ksh': 'shell',
  '.zsh': 'shell',
  '.tf': 'terraform',
  '.tfvars': 'terraform',
  '.hcl': 'terraform',
  '.csv': 'data',
  '.tsv': 'data',
  '.jsonl': 'data',
  '.ndjson': 'data',
  '.parquet': 'data',
  '.avro': 'data',
  '.orc': 'data',
  '.feather': 'data',
  '.arrow': 'data',
  '.xlsx': 'data',
  '.xls': 'data',
  '.pkl': 'data',
  '.pickle': 'data',
  '.joblib': 'data',
  '.npy': 'data',
  '.npz': 'data',
  '.h5': 'data',
  '.yml': 'config',
  '.yaml': 'config',
  '.json': 'config',
  '.toml': 'config',
  '.ini': 'config',
  '.cfg': 'config',
  '.conf': 'config',
  '.env': 'config',
  '.properties': 'config',
};

/**
 * Decides what a file is from its name and, for YAML/JSON, from the first bytes of its text.
 * Sniffing uses line patterns rather than a parser so that hostile YAML (alias bombs, deep
 * nesting) cannot cost anything here.
 */
export function classify(relPath: string, head: string): FileKind {
  const base = path.posix.basename(relPath).toLowerCase();
  if (LOCKFILES.has(base)) return 'lockfile';
  if (MANIFESTS.has(base) || REQUIREMENTS.test(base) || REQUIREMENTS_DIR.test(relPath.toLowerCase())) return 'manifest';
  if (base === 'dockerfile' || base.startsWith('dockerfile.') || base.endsWith('.dockerfile') || base === 'containerfile') {
    return 'dockerfile';
  }
  if (base.endsWith('.tf.json') || base.endsWith('.tfvars.json')) return 'terraform';
  if (base === '.env' || base.startsWith('.env.')) return 'config';
  const ext = path.posix.extname(base);
  const byExt = BY_EXTENSION[ext];
  if (byExt === 'config' && (ext === '.yml' || ext === '.yaml' || ext === '.json' || ext === '.template')) {
    return sniffStructured(head) ?? 'config';
  }
  if (byExt) return byExt;
  if (ext === '.template') return sniffStructured(head) ?? 'other';
  if (ext === '' && /^#!.*\bpython[\d.]*\b/.test(head)) return 'python';
  if (ext === '' && /^#!.*\bnode\b/.test(head)) return 'javascript';
  if (ext === '' && /^#!\S*\/(?:env\s+)?(?:ba|da|k|z)?sh\b/.test(head)) return 'shell';
  return 'other';
}

function sniffStructured(head: string): FileKind | undefined {
  if (/AWSTemplateFormatVersion|"?Type"?\s*:\s*"?AWS::[A-Za-z0-9]+::/.test(head)) return 'cloudformation';
  if (/^\s*"?apiVersion"?\s*:/m.test(head) && /^\s*"?kind"?\s*:/m.test(head)) return 'kubernetes';
  if (/"Statement"\s*:/.test(head) && /"(Effect|Action|NotAction)"\s*:/.test(head)) return 'iam-policy';
  return undefined;
}
