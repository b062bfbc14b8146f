import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { ENGINES, type DataSource, type EngineName } from '../data/engines/open.js';
import { parseFormat } from '../data/input/format.js';
import { profileDataset, profileSql } from '../data/profile/index.js';
import { renderProfileHtml } from '../data/profile/render-html.js';
import { renderProfileText } from '../data/profile/render-text.js';
import type { DatasetProfile } from '../data/profile/types.js';
import { declaredTypes, readSchemaFile } from '../data/schema/json-schema.js';
import { signalFindings } from '../data/rules/signal-rule.js';
import { signalRules } from '../data/rules/signal-rules.js';
import { DataProfileStore } from '../store/data-profiles.js';
import { checkAfterBatch } from './drift.js';
import { writeOutput } from './output.js';

export interface SourceFlags {
  engine: EngineName;
  dsn?: string;
  table?: string;
  inputFormat?: string;
  memoryLimit?: string;
  threads?: string;
}

/** The options every data command takes to say where the data is. */
export function addSourceOptions(command: Command): Command {
  return command
    .addOption(new Option('--engine <engine>', 'where the metrics run').choices([...ENGINES]).default('duckdb'))
    .option('--dsn <url>', 'connection string for --engine postgres (postgres://user@host:port/db)')
    .option('--table <name>', 'table (or schema.table) for --engine postgres')
    .option('--input-format <format>', 'file format when the extension does not tell: csv, tsv, jsonl, json, parquet')
    .option('--memory-limit <size>', 'DuckDB memory limit', '512MB')
    .option('--threads <n>', 'DuckDB threads (default: cores, at most 4)');
}

export function resolveSource(data: string | undefined, flags: SourceFlags): DataSource {
  if (flags.engine === 'postgres') {
    if (!flags.dsn || !flags.table) throw new UsageError('--engine postgres needs --dsn and --table');
    if (data) throw new UsageError('--engine postgres reads --table; drop the DATA argument');
    return { engine: 'postgres', dsn: flags.dsn, table: flags.table };
  }
  if (!data) throw new UsageError('name the data file to read (or use --engine postgres --dsn ... --table ...)');
  if (flags.dsn || flags.table) throw new UsageError('--dsn and --table go with --engine postgres');
  const threads = flags.threads === undefined ? undefined : Number(flags.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new UsageError(`--threads takes a whole number of at least 1, not "${flags.threads}"`);
  if (flags.memoryLimit !== undefined && !/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(flags.memoryLimit)) {
    throw new UsageError(`--memory-limit takes a size such as 512MB, not "${flags.memoryLimit}"`);
  }
  return {
    engine: 'duckdb',
    file: path.resolve(data),
    ...(flags.inputFormat ? { format: usage(() => parseFormat(flags.inputFormat!)) } : {}),
    ...(flags.memoryLimit ? { memoryLimit: flags.memoryLimit } : {}),
    ...(threads ? { threads } : {}),
  };
}

/** Runs `fn`, turning its error into a usage error (a bad flag value). */
export function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

interface ProfileFlags extends SourceFlags {
  format: 'text' | 'json' | 'html';
  output?: string;
  dataset?: string;
  saveBaseline?: string;
  db: string;
  store: boolean;
  dryRun?: boolean;
  schema?: string;
  failOnSignals?: boolean;
  label?: string;
}

export function registerProfile(program: Command): void {
  addSourceOptions(
    program
      .command('profile')
      .description('profile a data set: per-column statistics and security signals, stored as a batch for drift tracking')
      .argument('[data]', 'CSV, TSV, JSONL, JSON or Parquet file'),
  )
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'html']).default('text'))
    .option('-o, --output <file>', 'write the profile to a file instead of stdout')
    .option('--dataset <name>', 'dataset the batch is stored under (default: the file base name or table name)')
    .option('--save-baseline <name>', 'also save this profile as a named baseline')
    .option('--db <file>', 'history database', path.join('.pipewarden', 'history.db'))
    .option('--no-store', 'do not store the batch in the history database')
    .option('--schema <file>', 'JSON Schema whose declared column types the type-mismatch rates use')
    .option('--label <column>', 'label (target) column: also profile each numeric column per label (count, mean, stddev; at most 50 labels)')
    .option('--dry-run', 'print the SQL the profile would run, and run nothing')
    .option('--fail-on-signals', 'exit 1 when any security signal (formula prefix, SQL or script fragment, ...) is found')
    .action(async (data: string | undefined, flags: ProfileFlags) => {
      const source = resolveSource(data, flags);
      const options = {
        ...(flags.dataset ? { dataset: flags.dataset } : {}),
        ...(flags.schema ? { declaredTypes: declaredTypes(readSchemaFile(flags.schema)) } : {}),
        ...(flags.label !== undefined ? { label: flags.label } : {}),
      };
      if (flags.dryRun) {
        writeOutput(await profileSql(source, options), flags.output);
        return;
      }
      const profile = await profileDataset(source, options);
      if (flags.store || flags.saveBaseline) storeProfile(flags, profile);
      writeOutput(renderProfile(profile, flags.format), flags.output);
      if (flags.store && (await checkAfterBatch(flags.db, profile.dataset)) > 0) process.exitCode = 1;
      if (flags.failOnSignals && signalFindings(profile, signalRules).length > 0) process.exitCode = 1;
    });
}

function storeProfile(flags: ProfileFlags, profile: DatasetProfile): void {
  if (!fs.existsSync(path.dirname(path.resolve(flags.db)))) fs.mkdirSync(path.dirname(path.resolve(flags.db)), { recursive: true });
  const store = new DataProfileStore(flags.db);
  try {
    const batchId = flags.store ? store.recordBatch(profile) : undefined;
    if (flags.saveBaseline) store.saveBaseline(flags.saveBaseline, profile, batchId);
  } finally {
    store.close();
  }
}

export function renderProfile(profile: DatasetProfile, format: 'text' | 'json' | 'html'): string {
  if (format === 'json') return `${JSON.stringify(profile, null, 2)}\n`;
  if (format === 'html') return renderProfileHtml(profile);
  return renderProfileText(profile);
}
