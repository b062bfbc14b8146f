import { oneLine } from '../engines/dialect.js';
import { withEngine, type DataSource } from '../engines/open.js';
import type { SourceColumn } from '../engines/engine.js';
import { profileDataset, profileSql, type ProfileOptions } from '../profile/index.js';
import type { DatasetProfile, LogicalType } from '../profile/types.js';

/**
 * One side of a drift comparison: data profiled now where it lives (a file scanned by DuckDB, a
 * table in PostgreSQL), or a profile saved earlier. `name` is how the user named it.
 */
export type DriftSide = { kind: 'data'; name: string; source: DataSource } | { kind: 'saved'; name: string; profile: DatasetProfile };

export interface SideOptions {
  /** Label column whose per-label numeric moments both sides get; default: the saved reference's. */
  label?: string;
}

/**
 * Profiles the sides that are data, each in its own engine and in SQL there. The current data is
 * judged against the reference's column types, so text in a numeric column counts as a mismatch,
 * and gets label-conditional statistics for the reference's label column unless told otherwise.
 */
export async function profileSides(reference: DriftSide, current: DriftSide, options: SideOptions = {}): Promise<{ reference: DatasetProfile; current: DatasetProfile }> {
  const referenceProfile = reference.kind === 'saved' ? reference.profile : await profileDataset(reference.source, labelOption(options.label));
  const currentProfile =
    current.kind === 'saved' ? current.profile : await profileDataset(current.source, { declaredTypes: declaredTypesOf(referenceProfile.columns), ...labelOption(currentLabel(reference, options)) });
  return { reference: referenceProfile, current: currentProfile };
}

function labelOption(label: string | undefined): { label?: string } {
  return label === undefined ? {} : { label };
}

/**
 * The SQL each side that is data would run, for `--dry-run`. The reference's column types come
 * from its catalogue (the file's header sniff, the table's columns), so no data is scanned.
 */
export async function driftSql(reference: DriftSide, current: DriftSide, options: SideOptions = {}): Promise<string> {
  const types = reference.kind === 'saved' ? declaredTypesOf(reference.profile.columns) : await withEngine(reference.source, async (engine) => declaredTypesOf(engine.columns));
  return (await sideSql('reference', reference, labelOption(options.label))) + (await sideSql('current', current, { declaredTypes: types, ...labelOption(currentLabel(reference, options)) }));
}

/** The label the current side is profiled with: the one asked for, else a saved reference's (data is profiled with the one asked for). */
function currentLabel(reference: DriftSide, options: SideOptions): string | undefined {
  return options.label ?? (reference.kind === 'saved' ? reference.profile.labelConditional?.column : undefined);
}

async function sideSql(role: string, side: DriftSide, options: ProfileOptions): Promise<string> {
  const name = oneLine(side.name);
  if (side.kind === 'saved') return `-- ${role}: ${name}, a saved profile: no query\n`;
  return `-- ${role}: ${name} (${side.source.engine})\n${await profileSql(side.source, options)}`;
}

/** Column types to judge the other side by; a type pipewarden cannot reason about declares nothing. */
function declaredTypesOf(columns: ReadonlyArray<Pick<SourceColumn, 'name' | 'type'>>): Record<string, LogicalType> {
  return Object.fromEntries(columns.filter((c) => c.type !== 'other').map((c) => [c.name, c.type]));
}
