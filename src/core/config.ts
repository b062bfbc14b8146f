import fs from 'node:fs';
import path from 'node:path';
import { SCAN_CATEGORIES, type ScanCategory } from './categories.js';
import { UsageError } from './errors.js';
import { SEVERITIES, type Severity } from './finding.js';
import { loadYamlFile } from './yaml-file.js';
import { PIPELINE_SCHEMA, type PipelineConfig } from '../dynamic/pipeline-schema.js';
import { DATA_CONFIG_SCHEMA, type DataConfig } from '../data/alerts/config.js';

export const CONFIG_FILE = 'pipewarden.yml';
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type FailOn = Severity | 'none';

/** pipewarden.yml as written by the user; every key optional. */
export interface ConfigFile {
  exclude?: string[];
  maxFileSize?: number | string;
  failOn?: FailOn;
  format?: ReportFormat;
  only?: ScanCategory[];
  skip?: ScanCategory[];
  jobs?: number;
  fileTimeout?: number;
  history?: { enabled?: boolean; db?: string };
  cache?: { enabled?: boolean; dir?: string };
  baseline?: string;
  ignoreFile?: string;
  /** Whether other scanners' inline markers (`# nosec`, `# nosemgrep`, `gitleaks:allow` …) suppress findings (default true). */
  foreignMarkers?: boolean;
  /** Drift thresholds per column, slow-drift detectors, log spikes and webhooks for the data commands. */
  data?: DataConfig;
  /** How to run the pipeline for dynamic probes (fuzz, poison); see src/dynamic/pipeline.ts. */
  pipeline?: PipelineConfig;
  deps?: {
    osvDb?: string;
    offline?: boolean;
    osvApiUrl?: string;
    resolve?: boolean;
    indexUrl?: string;
    maxDbAgeDays?: number;
  };
}

const SIZE = '^\\s*\\d+(\\.\\d+)?\\s*([kKmMgG]i?[bB]|[bB])?\\s*$';
const categories = { type: 'array', items: { enum: Object.keys(SCAN_CATEGORIES) }, uniqueItems: true };

export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    exclude: { type: 'array', items: { type: 'string' }, description: 'gitignore-style patterns to leave out' },
    maxFileSize: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: SIZE }] },
    failOn: { enum: [...SEVERITIES, 'none'] },
    format: { enum: [...REPORT_FORMATS] },
    only: categories,
    skip: categories,
    jobs: { type: 'integer', minimum: 1, maximum: 256 },
    fileTimeout: { type: 'number', exclusiveMinimum: 0, description: 'seconds one file may take' },
    history: {
      type: 'object',
      additionalProperties: false,
      properties: { enabled: { type: 'boolean' }, db: { type: 'string', minLength: 1 } },
    },
    cache: {
      type: 'object',
      additionalProperties: false,
      properties: { enabled: { type: 'boolean' }, dir: { type: 'string', minLength: 1 } },
    },
    baseline: { type: 'string', minLength: 1 },
    ignoreFile: { type: 'string', minLength: 1 },
    foreignMarkers: { type: 'boolean' },
    pipeline: PIPELINE_SCHEMA,
    data: DATA_CONFIG_SCHEMA,
    deps: {
      type: 'object',
      additionalProperties: false,
      properties: {
        osvDb: { type: 'string', minLength: 1, description: 'directory of OSV JSON files, or a database from `pipewarden db update`' },
        offline: { type: 'boolean' },
        osvApiUrl: { type: 'string', pattern: '^https?://' },
        resolve: { type: 'boolean' },
        indexUrl: { type: 'string', pattern: '^https?://' },
        maxDbAgeDays: { type: 'number', exclusiveMinimum: 0 },
      },
    },
  },
} as const;

/** Reads `pipewarden.yml` from the root (or `explicit`), or returns {} when there is none. */
export function loadConfig(root: string, explicit?: string): ConfigFile {
  const file = explicit ? path.resolve(explicit) : path.join(root, CONFIG_FILE);
  if (!explicit && !fs.existsSync(file)) return {};
  return loadYamlFile<ConfigFile>(file, explicit ? explicit : CONFIG_FILE, CONFIG_SCHEMA);
}

const UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/** "5MB", "512 KiB" or a plain number of bytes. */
export function parseSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = UNITS[(match?.[2] || 'b').toLowerCase()];
  if (!match || unit === undefined) throw new UsageError(`invalid size "${value}" (use e.g. 5MB, 512KiB or a number of bytes)`);
  return Math.round(Number(match[1]) * unit);
}
