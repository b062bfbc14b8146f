import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, parseSize } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import type { PipelineConfig } from './pipeline-schema.js';

export type { PipelineConfig } from './pipeline-schema.js';

export type InputFormat = 'csv' | 'jsonl' | 'json' | 'pickle' | 'gzip' | 'dir';

/** A pipeline ready to run in the sandbox: everything resolved and checked. */
export interface Pipeline {
  /** Absolute project root; the command runs there (read-only). */
  root: string;
  run: string;
  /** Absolute path of the clean sample (file or directory). */
  sample: string;
  format: InputFormat;
  /** Absolute path of the JSON Schema, when given. */
  schema?: string;
  timeoutMs: number;
  memoryBytes: number;
  maxProcesses: number;
  outputIsDir: boolean;
}

/** CLI flags that override the `pipeline:` section. */
export interface PipelineFlags {
  run?: string;
  sample?: string;
  schema?: string;
  timeout?: string;
  memory?: string;
  config?: string;
}

export const PIPELINE_DEFAULTS = { timeoutMs: 30_000, memoryBytes: 512 * 1024 ** 2, maxProcesses: 64 };

/** "30s", "500ms", "2m", or a number of seconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return Math.round(value * 1000);
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(value);
  if (!m) throw new UsageError(`invalid duration "${value}" (use e.g. 30s, 500ms or 2m)`);
  const unit = m[2] === 'ms' ? 1 : m[2] === 'm' ? 60_000 : 1000;
  return Math.round(Number(m[1]) * unit);
}

export function inputFormat(sample: string): InputFormat {
  if (fs.statSync(sample).isDirectory()) return 'dir';
  const lower = sample.toLowerCase();
  if (/\.(jsonl|ndjson)$/.test(lower)) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  if (/\.(pkl|pickle|joblib)$/.test(lower)) return 'pickle';
  if (/\.(gz|gzip)$/.test(lower)) return 'gzip';
  return 'csv';
}

/** The pipeline from pipewarden.yml's `pipeline:` section, with CLI flags taking precedence. */
export function resolvePipeline(rootArg: string, flags: PipelineFlags): Pipeline {
  const root = path.resolve(rootArg);
  const section: PipelineConfig = loadConfig(root, flags.config).pipeline ?? {};
  const run = flags.run ?? section.run;
  const sampleRel = flags.sample ?? section.sample;
  if (!run) throw new UsageError('no pipeline to run: give --run "<command with {input} and {output}>" or a pipeline.run in pipewarden.yml');
  if (!run.includes('{input}')) throw new UsageError('the pipeline command must contain {input} (where the sandbox puts the input)');
  if (!sampleRel) throw new UsageError('no clean sample: give --sample <file> or pipeline.sample in pipewarden.yml');
  const sample = path.resolve(root, sampleRel);
  if (!fs.existsSync(sample)) throw new UsageError(`sample not found: ${sampleRel}`);
  const schemaRel = flags.schema ?? section.schema;
  const schema = schemaRel ? path.resolve(root, schemaRel) : undefined;
  if (schema && !fs.existsSync(schema)) throw new UsageError(`schema not found: ${schemaRel}`);
  const timeout = flags.timeout ?? section.timeout;
  const memory = flags.memory ?? section.memory;
  return {
    root,
    run,
    sample,
    format: inputFormat(sample),
    ...(schema ? { schema } : {}),
    timeoutMs: timeout !== undefined ? parseDuration(timeout) : PIPELINE_DEFAULTS.timeoutMs,
    memoryBytes: memory !== undefined ? parseSize(memory) : PIPELINE_DEFAULTS.memoryBytes,
    maxProcesses: section.processes ?? PIPELINE_DEFAULTS.maxProcesses,
    outputIsDir: section.outputDir ?? false,
  };
}

/** Scripts the command names that exist under the root (e.g. jobs/clean.py), relative paths. */
export function pipelineScripts(pipeline: Pick<Pipeline, 'root' | 'run'>): string[] {
  const tokens = pipeline.run.split(/\s+/).map((t) => t.replace(/^['"]|['"]$/g, ''));
  return tokens.filter((t) => /\.(py|js|mjs|cjs|ts)$/.test(t) && fs.existsSync(path.resolve(pipeline.root, t)));
}
