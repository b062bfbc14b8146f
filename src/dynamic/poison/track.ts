import { createHash } from 'node:crypto';
import type { PipelineOutput } from './output.js';
import type { SampleProfile } from './profile.js';
import { cellText, type Cell, type Dataset, type Row } from './table/dataset.js';

/**
 * What the clean run teaches about the pipeline: which output column carries the record id,
 * which output column each input column becomes, and which sample records reach the output at
 * all (only those serve as the base of a poisoned record, so a loss is the poison's doing).
 */
export interface Baseline {
  /** Output column holding the sample's ids (it may be renamed, e.g. id → feedback_id). */
  outputIdColumn: string | undefined;
  /** Without ids: output row i is input row i (the pipeline kept every row, in order). */
  positional: boolean;
  /** Input column → the output column that carries it. */
  columnMap: Map<string, string>;
  /** Input column → (input value → what the pipeline made of it), from the clean run. */
  valueMap: Map<string, Map<string, string>>;
  /** Indices of sample rows found in the clean output, with their output row. */
  reached: Map<number, Row>;
  /**
   * Sample rows a poisoned record may be built from: those found in the clean output under an id
   * no other record shares, or every row when records cannot be followed.
   */
  bases: number[];
  tracking: 'id' | 'position' | 'content';
  cleanOutput: PipelineOutput;
}

/** Case, surrounding and repeated whitespace do not make two values different. */
export function normalise(value: Cell): string {
  return cellText(value).trim().replace(/\s+/g, ' ').toLowerCase();
}

export function sameValue(a: Cell, b: Cell): boolean {
  const x = normalise(a);
  const y = normalise(b);
  if (x === y) return true;
  const nx = Number(x);
  const ny = Number(y);
  return x !== '' && y !== '' && Number.isFinite(nx) && Number.isFinite(ny) && nx === ny;
}

export function rowHash(row: Row): string {
  const entries = Object.keys(row)
    .sort()
    .map((k) => [k, normalise(row[k])]);
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

export function learnBaseline(sample: Dataset, profile: SampleProfile, output: PipelineOutput): Baseline {
  const outputIdColumn = profile.idColumn ? findIdColumn(sample, profile.idColumn, output) : undefined;
  const positional = !outputIdColumn && output.rows.length === sample.rows.length;
  const reached = new Map<number, Row>();
  if (outputIdColumn) {
    const byId = new Map<string, Row>();
    for (const row of output.rows) {
      const key = normalise(row[outputIdColumn]);
      if (!byId.has(key)) byId.set(key, row);
    }
    sample.rows.forEach((row, i) => {
      const hit = byId.get(normalise(row[profile.idColumn!]));
      if (hit) reached.set(i, hit);
    });
  } else if (positional) {
    sample.rows.forEach((_, i) => reached.set(i, output.rows[i]!));
  }
  const tracking = outputIdColumn ? 'id' : positional ? 'position' : 'content';
  const shared = sharedIds(sample, profile.idColumn);
  const bases =
    tracking === 'content'
      ? sample.rows.map((_, i) => i)
      : [...reached.keys()].filter((i) => !profile.idColumn || !shared.has(normalise(sample.rows[i]![profile.idColumn]))).sort((a, b) => a - b);
  const { columnMap, valueMap } = mapColumns(sample, output.columns, reached);
  return { outputIdColumn, positional, columnMap, valueMap, reached, bases, tracking, cleanOutput: output };
}

/** Ids more than one sample record carries: such records cannot be told apart in the output. */
function sharedIds(sample: Dataset, idColumn: string | undefined): Set<string> {
  const counts = new Map<string, number>();
  if (idColumn) for (const row of sample.rows) counts.set(normalise(row[idColumn]), (counts.get(normalise(row[idColumn])) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n > 1).map(([id]) => id));
}

function findIdColumn(sample: Dataset, idColumn: string, output: PipelineOutput): string | undefined {
  const ids = new Set(sample.rows.map((r) => normalise(r[idColumn])));
  let best: { column: string; hits: number } | undefined;
  for (const column of output.columns) {
    const hits = output.rows.filter((r) => ids.has(normalise(r[column]))).length;
    if (hits > (best?.hits ?? 0)) best = { column, hits };
  }
  return best && best.hits * 2 >= output.rows.length ? best.column : undefined;
}

/** An output column carries an input column when most records hold the same value in both. */
function mapColumns(sample: Dataset, outputColumns: string[], reached: Map<number, Row>) {
  const columnMap = new Map<string, string>();
  const valueMap = new Map<string, Map<string, string>>();
  const pairs = [...reached].map(([i, out]) => [sample.rows[i]!, out] as const);
  if (pairs.length === 0) {
    // Records cannot be paired: a column is what it is called.
    for (const column of sample.columns) if (outputColumns.includes(column)) columnMap.set(column, column);
    return { columnMap, valueMap };
  }
  const taken = new Set<string>();
  for (const column of sample.columns) {
    const scored = outputColumns
      .filter((o) => !taken.has(o))
      .map((o) => ({ o, score: pairs.filter(([input, out]) => sameValue(input[column], out[o])).length / pairs.length }))
      .sort((a, b) => b.score - a.score || Number(b.o === column) - Number(a.o === column));
    const best = scored[0];
    const sameName = scored.find((s) => s.o === column);
    // A column kept under its own name counts even when the pipeline rewrites many values.
    const chosen = best && best.score >= 0.5 ? best : sameName && sameName.score > 0 ? sameName : undefined;
    if (!chosen) continue;
    taken.add(chosen.o);
    columnMap.set(column, chosen.o);
    const values = new Map<string, string>();
    for (const [input, out] of pairs) values.set(normalise(input[column]), normalise(out[chosen.o]));
    valueMap.set(column, values);
  }
  return { columnMap, valueMap };
}
