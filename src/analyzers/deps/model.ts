/** Package ecosystems, spelled as OSV spells them. */
export type Ecosystem = 'PyPI' | 'npm';

/** Where a dependency's code comes from, when not from the package index. */
export type DirectSource = { kind: 'url'; url: string } | { kind: 'vcs'; url: string; ref?: string } | { kind: 'path'; path: string };

/** One requirement as a manifest declares it (requirements.txt line, pyproject entry, …). */
export interface DeclaredRequirement {
  /** Normalised: PEP 503 for PyPI (lower case, runs of -_. become -), as-is for npm. */
  name: string;
  /** The specifier as written: "==5.3.1", ">=2,<3", "^1.2.0", "" for none. */
  specifier: string;
  /** The exact version when the specifier pins one (== without wildcard, or a lock entry). */
  pinnedVersion?: string;
  extras: string[];
  /** PEP 508 environment marker as written, e.g. `python_version < "3.8"`. */
  marker?: string;
  /** `sha256:…` values from --hash options or lock entries. */
  hashes: string[];
  source?: DirectSource;
  /** Dependency group: "main", "dev", an optional-dependencies extra name, a Poetry group… */
  group: string;
  /** 1-based line in the manifest, where the format has lines. */
  line?: number;
}

/** An index the manifest points pip (or npm) at. */
export interface PackageIndex {
  url: string;
  /** `--index-url` replaces the default index; `--extra-index-url` adds one beside it. */
  kind: 'primary' | 'extra';
  line?: number;
  /** The installer takes each package from the first index that has it (uv's default `first-index` strategy), so a look-alike elsewhere cannot win. */
  firstMatch?: boolean;
}

/**
 * A setting that has the installer skip certificate checks for a host or index: pip's
 * `--trusted-host`, a Pipfile or PDM source's `verify_ssl = false`, uv's `allow-insecure-host`,
 * npm's `strict-ssl=false`, conda's `ssl_verify: false`.
 */
export interface UncheckedTransport {
  /** The setting as written, e.g. "--trusted-host pypi.internal" or "strict-ssl=false". */
  setting: string;
  line: number;
}

/** What one manifest file says (facts of the manifest parser, per file). */
export interface ParsedManifest {
  type: 'manifest';
  ecosystem: Ecosystem;
  /** Format name, e.g. "requirements.txt", "pyproject (PEP 621)", "poetry", "Pipfile". */
  format: string;
  requirements: DeclaredRequirement[];
  indexes: PackageIndex[];
  uncheckedTransport?: UncheckedTransport[];
  /** Files this one pulls in (`-r`, `-c`), relative to the scanned root. */
  includes: Array<{ file: string; kind: 'requirements' | 'constraints'; line: number }>;
  /** Entries that did not read and were left out, with why; the rest was read. */
  skipped?: SkippedEntry[];
  /** True when the manifest describes a library (setup.py/setup.cfg, pyproject with a build backend and no app marker); ranges are fine there. */
  isLibrary: boolean;
}

/** An entry of a manifest or lockfile that did not read and was left out. */
export interface SkippedEntry {
  line?: number;
  reason: string;
}

/** One resolved package in a lockfile. */
export interface LockedPackage {
  name: string;
  version: string;
  /** Names (normalised) of the packages this one depends on directly. */
  dependencies: string[];
  /** Declared directly by the project (a root dependency), as far as the lockfile tells. */
  direct: boolean;
  /** Only needed for development (dev dependency / dev group). */
  dev: boolean;
  hashes: string[];
  source?: DirectSource;
  line?: number;
}

/** What one lockfile says (facts of the lockfile parser, per file). */
export interface ParsedLockfile {
  type: 'lockfile';
  ecosystem: Ecosystem;
  format: string;
  packages: LockedPackage[];
  /** Names of the project's own direct dependencies: the roots of every dependency path. */
  roots: string[];
  /** Package entries that did not read and were left out, with why; the rest was read. */
  skipped?: SkippedEntry[];
}

/** What an installer's own configuration file (pip.conf, .npmrc, .yarnrc.yml, .condarc, uv.toml) says about where packages come from. */
export interface PackageSourceConfig {
  type: 'package-config';
  /** The installer that reads the file. */
  tool: 'pip' | 'uv' | 'npm' | 'yarn' | 'conda';
  indexes: PackageIndex[];
  uncheckedTransport: UncheckedTransport[];
}

export type DependencyFacts = ParsedManifest | ParsedLockfile | PackageSourceConfig;

/** PEP 503 normalisation, so "PyYAML", "pyyaml" and "py_yaml" compare equal where they should. */
export function normalizePyPIName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

/** One package of the project's dependency inventory, merged over every manifest and lockfile. */
export interface InventoryPackage {
  ecosystem: Ecosystem;
  name: string;
  /** Exact version when known (pinned or locked); undefined for a range-only requirement. */
  version?: string;
  /** Package URL, e.g. pkg:pypi/pyyaml@5.3.1 or pkg:npm/%40babel/core@7.24.0. */
  purl: string;
  scope: 'direct' | 'transitive';
  dev: boolean;
  hashes: string[];
  /** Manifests and lockfiles (relative paths) that declare or lock it. */
  declaredIn: string[];
  /** Shortest dependency paths from a direct dependency to this package, e.g. [["apache-airflow", "jinja2", "markupsafe"]]. */
  paths: string[][];
  /** Names of the packages it depends on directly. */
  dependencies: string[];
}

export interface DependencyInventory {
  packages: InventoryPackage[];
  /** Requirements whose transitive dependencies could not be determined, with the reason. */
  unresolved: Array<{ name: string; reason: string }>;
}
