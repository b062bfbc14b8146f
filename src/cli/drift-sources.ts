import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { ENGINES, type EngineName } from '../data/engines/open.js';
import type { DriftSide } from '../data/drift/sides.js';
import type { DatasetProfile } from '../data/profile/types.js';
import { DataProfileStore } from '../store/data-profiles.js';

export interface DriftSourceFlags {
  reference?: string;
  current?: string;
  referenceTable?: string;
  currentTable?: string;
  engine: EngineName;
  dsn?: string;
  db: string;
}

const BASELINE_PREFIX = 'baseline:';
const ROLES = ['reference', 'current'] as const;
type Role = (typeof ROLES)[number];

/** Where each side of a comparison is: a file, a saved baseline, or a table in a database server. */
export function addDriftSourceOptions(command: Command): Command {
  return command
    .option('--reference <ref>', 'reference: a data file or baseline:NAME')
    .option('--current <cur>', 'current data: a data file or baseline:NAME')
    .option('--reference-table <name>', 'reference: a table (or schema.table), profiled where it lives (--engine postgres)')
    .option('--current-table <name>', 'current data: a table (or schema.table), profiled where it lives (--engine postgres)')
    .addOption(new Option('--engine <engine>', 'where the --*-table sides are read (files are always scanned by DuckDB)').choices([...ENGINES]).default('duckdb'))
    .option('--dsn <url>', 'connection string for --engine postgres (postgres://user@host:port/db)');
}

export function hasSideFlags(flags: DriftSourceFlags): boolean {
  return Boolean(flags.reference || flags.current || flags.referenceTable || flags.currentTable);
}

/** Both sides of a comparison from the flags; saved baselines are read from the history database. */
export function driftSides(flags: DriftSourceFlags): Record<Role, DriftSide> {
  const tables = ROLES.filter((role) => tableOf(flags, role));
  if (flags.engine === 'postgres') {
    if (!flags.dsn) throw new UsageError('--engine postgres needs --dsn');
    if (tables.length === 0) throw new UsageError('--engine postgres reads --reference-table and/or --current-table; name at least one');
  } else {
    if (tables.length > 0) throw new UsageError('--reference-table and --current-table are read with --engine postgres --dsn URL');
    if (flags.dsn) throw new UsageError('--dsn goes with --engine postgres');
  }
  return { reference: side(flags, 'reference'), current: side(flags, 'current') };
}

function tableOf(flags: DriftSourceFlags, role: Role): string | undefined {
  return role === 'reference' ? flags.referenceTable : flags.currentTable;
}

function side(flags: DriftSourceFlags, role: Role): DriftSide {
  const spec = flags[role];
  const table = tableOf(flags, role);
  if (spec && table) throw new UsageError(`give the ${role} as --${role} or as --${role}-table, not both`);
  if (table) return { kind: 'data', name: `postgres:${table}`, source: { engine: 'postgres', dsn: flags.dsn!, table } };
  if (!spec) throw new UsageError(`drift needs --${role} (a file or baseline:NAME) or --${role}-table, or --dataset NAME for the stored series`);
  if (spec.startsWith(BASELINE_PREFIX)) return { kind: 'saved', name: spec, profile: savedBaseline(spec.slice(BASELINE_PREFIX.length), flags.db) };
  return { kind: 'data', name: spec, source: { engine: 'duckdb', file: path.resolve(spec) } };
}

function savedBaseline(name: string, db: string): DatasetProfile {
  const store = new DataProfileStore(db);
  try {
    const saved = store.baseline(name);
    if (!saved) throw new UsageError(`no saved baseline "${name}" in ${db} (save one with \`pipewarden profile FILE --save-baseline ${name}\`)`);
    return saved.profile;
  } finally {
    store.close();
  }
}
