import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { AssessOptions } from '../core/assess.js';
import { isScanCategory, selectCategories, SCAN_CATEGORIES, type ScanCategory } from '../core/categories.js';
import { loadConfig, parseSize, REPORT_FORMATS, type ConfigFile, type FailOn, type ReportFormat } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { SEVERITIES } from '../core/finding.js';
import { defaultThreads } from '../core/file-runner.js';
import { BASELINE_FILE } from '../core/suppress/baseline.js';
import { loadIgnoreFile } from '../core/suppress/ignore-file.js';
import { DEFAULT_DEPS_SETTINGS, type DepsSettings } from '../analyzers/deps/settings.js';
import type { ImageSettings } from '../analyzers/container/settings.js';

const DEFAULT_MAX_FILE_SIZE = '5MB';
const DEFAULT_FILE_TIMEOUT_S = 60;

/** Flags as commander hands them over. */
export interface ScanFlags {
  config?: string;
  only?: string;
  skip?: string;
  failOn?: FailOn;
  format?: ReportFormat;
  output?: string;
  maxFileSize?: string;
  exclude?: string[];
  jobs?: string;
  fileTimeout?: string;
  db?: string;
  history: boolean;
  cache: boolean;
  cacheDir?: string;
  baseline: string | boolean;
  ignoreFile?: string;
  foreignMarkers: boolean;
  progress: boolean;
  osvDb?: string;
  offline?: boolean;
  resolve?: boolean;
  indexUrl?: string;
  osvApi?: string;
  gitHistory?: boolean;
  imageRootfs?: string;
}

/** Options shared by every command that runs an assessment (assess, baseline). */
export function addScanOptions(command: Command): Command {
  return command
    .argument('[path]', 'root of the pipeline to assess', '.')
    .option('-c, --config <file>', 'config file (default: pipewarden.yml in the root)')
    .option('--only <categories>', `comma-separated categories to run (${Object.keys(SCAN_CATEGORIES).join(', ')})`)
    .option('--skip <categories>', 'comma-separated categories to leave out')
    .option('--max-file-size <size>', 'skip files larger than this (default 5MB)')
    .option('--exclude <pattern...>', 'gitignore-style patterns to leave out (adds to the config)')
    .option('-j, --jobs <n>', 'worker threads (default: one per core)')
    .option('--file-timeout <seconds>', `give up on one file after this long (default ${DEFAULT_FILE_TIMEOUT_S})`)
    .option('--no-cache', 'analyse every file again instead of reusing cached results')
    .option('--cache-dir <dir>', 'where the result cache lives (default <path>/.pipewarden)')
    .option('--ignore-file <file>', 'suppressions file (default <path>/.pipewarden-ignore.yml)')
    .option('--no-foreign-markers', "let only pipewarden's own inline comments suppress, not # nosec, # nosemgrep, gitleaks:allow …")
    .option('--osv-db <path>', 'advisories: a directory of OSV JSON files, or a database from `pipewarden db update`')
    .option('--offline', 'never use the network (no OSV API, no package index)')
    .option('--resolve', 'resolve transitive dependencies of requirements without a lockfile from the package index')
    .option('--index-url <url>', 'package index JSON API base for --resolve (default https://pypi.org/pypi)')
    .option('--osv-api <url>', 'OSV API base used when there is no local advisory database (default https://api.osv.dev)')
    .option('--git-history', 'secrets: also scan every blob of every commit reachable from HEAD')
    .option('--image-rootfs <dir>', 'container: an unpacked image filesystem whose OS and Python packages are matched against advisories')
    .option('--no-progress', 'no progress indicator on stderr');
}

export interface ResolvedScan {
  assess: AssessOptions;
  config: ConfigFile;
}

export function resolveScanOptions(rootArg: string, flags: ScanFlags): ResolvedScan {
  const root = existingDirectory(rootArg);
  const config = loadConfig(root, flags.config);
  const inRoot = (p: string) => path.resolve(root, p);
  const only = parseCategories('--only', flags.only) ?? config.only;
  const skip = parseCategories('--skip', flags.skip) ?? config.skip;
  const historyEnabled = flags.history && config.history?.enabled !== false;
  const cacheEnabled = flags.cache && config.cache?.enabled !== false;
  const maxFileSize = parseSize(flags.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  const baseline = flags.baseline === false ? undefined : inRoot(typeof flags.baseline === 'string' ? flags.baseline : (config.baseline ?? BASELINE_FILE));
  return {
    config,
    assess: {
      root,
      categories: selectCategories(only, skip),
      maxFileSize,
      exclude: [...(config.exclude ?? []), ...(flags.exclude ?? [])],
      threads: positiveInt('--jobs', flags.jobs) ?? config.jobs ?? defaultThreads(),
      fileTimeoutMs: 1000 * (positiveNumber('--file-timeout', flags.fileTimeout) ?? config.fileTimeout ?? DEFAULT_FILE_TIMEOUT_S),
      cacheDir: cacheEnabled ? path.resolve(flags.cacheDir ?? (config.cache?.dir ? inRoot(config.cache.dir) : inRoot('.pipewarden'))) : undefined,
      historyDb: historyEnabled ? path.resolve(flags.db ?? inRoot(config.history?.db ?? '.pipewarden/history.db')) : undefined,
      baselineFile: baseline,
      ignoreEntries: loadIgnoreFile(root, flags.ignoreFile ?? config.ignoreFile),
      failOn: flags.failOn ?? config.failOn ?? 'high',
      foreignMarkers: flags.foreignMarkers && config.foreignMarkers !== false,
      settings: { deps: depsSettings(root, flags, config), secrets: { gitHistory: flags.gitHistory ?? false, maxBlobSize: maxFileSize }, image: imageSettings(flags) },
    },
  };
}

function depsSettings(root: string, flags: ScanFlags, config: ConfigFile): DepsSettings {
  const osvDb = flags.osvDb ? path.resolve(flags.osvDb) : config.deps?.osvDb ? path.resolve(root, config.deps.osvDb) : undefined;
  if (osvDb && !fs.existsSync(osvDb)) throw new UsageError(`--osv-db: no such file or directory: ${osvDb}`);
  return {
    ...DEFAULT_DEPS_SETTINGS,
    ...(osvDb ? { osvDb } : {}),
    offline: flags.offline ?? config.deps?.offline ?? DEFAULT_DEPS_SETTINGS.offline,
    resolve: flags.resolve ?? config.deps?.resolve ?? DEFAULT_DEPS_SETTINGS.resolve,
    indexUrl: flags.indexUrl ?? config.deps?.indexUrl ?? DEFAULT_DEPS_SETTINGS.indexUrl,
    osvApiUrl: flags.osvApi ?? config.deps?.osvApiUrl ?? DEFAULT_DEPS_SETTINGS.osvApiUrl,
    maxDbAgeDays: config.deps?.maxDbAgeDays ?? DEFAULT_DEPS_SETTINGS.maxDbAgeDays,
  };
}

function imageSettings(flags: ScanFlags): ImageSettings {
  if (flags.imageRootfs === undefined) return {};
  const dir = path.resolve(flags.imageRootfs);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`--image-rootfs: not a directory: ${flags.imageRootfs}`);
  return { rootfs: dir };
}

export const formatOption = () => new Option('-f, --format <format>', 'report format').choices(REPORT_FORMATS);
export const failOnOption = () =>
  new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (default high)').choices([...SEVERITIES, 'none']);

/** The real path of the root, so that history matches a target however it was spelled. */
function existingDirectory(rootArg: string): string {
  let real: string;
  try {
    real = fs.realpathSync(path.resolve(rootArg));
  } catch {
    throw new UsageError(`no such directory: ${rootArg}`);
  }
  if (!fs.statSync(real).isDirectory()) throw new UsageError(`not a directory: ${rootArg}`);
  return real;
}

function parseCategories(flag: string, value: string | undefined): ScanCategory[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !isScanCategory(n));
  if (unknown.length > 0) throw new UsageError(`${flag}: unknown category "${unknown[0]}" (choose from ${Object.keys(SCAN_CATEGORIES).join(', ')})`);
  return names as ScanCategory[];
}

function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number of at least 1, not "${value}"`);
  return n;
}

function positiveNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} takes a positive number, not "${value}"`);
  return n;
}
