import type { Severity } from '../../../core/finding.js';
import type { Payload } from '../../payloads/index.js';
import type { ColumnProfile, SampleProfile } from '../profile.js';
import type { Rng } from '../rng.js';
import type { Cell, Dataset, Row } from '../table/dataset.js';
import type { Baseline } from '../track.js';

/** How a poisoned record is recognised in the output. */
export type Marker =
  /** A copy of a sample record: it propagated if it reached the output at all. */
  | { kind: 'copy' }
  /** A changed value: it propagated if the output carries it (or what the pipeline makes of it, or `token`). */
  | { kind: 'value'; column: string; value: Cell; token?: string }
  /** An injection payload: it propagated if it is still live in the output record. */
  | { kind: 'payload'; column: string; payload: Payload };

/** One poisoned record as an attack builds it from a clean base record. */
export interface PoisonedValue {
  row: Row;
  marker: Marker;
  /**
   * Most attacks poison a record in place (it keeps its id and position). Duplicates are new
   * records instead, inserted after their base: under the base's id (an exact re-send) or a fresh one.
   */
  copy?: 'same-id' | 'fresh-id';
  /** Text that identifies the record in a log or quarantine file besides its id and line. */
  evidence?: string[];
}

export interface AttackContext {
  sample: Dataset;
  profile: SampleProfile;
  baseline: Baseline;
}

/** An attack as planned for one sample: which column it poisons and how it builds each record. */
export interface AttackPlan {
  column: string | undefined;
  /** The i-th of n poisoned records of a cell, built from a copy of a clean base record. */
  poison(base: Row, i: number, n: number, rng: Rng): PoisonedValue;
}

export type AttackFamily = 'integrity' | 'injection';

export interface Attack {
  id: string;
  title: string;
  family: AttackFamily;
  /** Severity of a finding when records of this attack propagate. */
  severity: Severity;
  cwe: string[];
  /** One line for the README and `--format json`. */
  description: string;
  /** The plan for this sample, or why the attack does not apply to it. */
  plan(ctx: AttackContext): AttackPlan | string;
}

/** Columns of the given kinds that reach the output (poison in a dropped column proves nothing). */
export function reachingColumns(ctx: AttackContext, accept: (c: ColumnProfile) => boolean): ColumnProfile[] {
  return ctx.profile.columns.filter((c) => c.name !== ctx.profile.idColumn && ctx.baseline.columnMap.has(c.name) && accept(c));
}
