import type { AttackPlan, Marker } from './attacks/index.js';
import type { SampleProfile } from './profile.js';
import { Rng } from './rng.js';
import { cellText, serializeDataset, type Cell, type Dataset, type Row } from './table/dataset.js';
import type { Baseline } from './track.js';

/** A poisoned record and everything needed to find it again in the pipeline's output and logs. */
export interface PoisonedRecord {
  /** Position among the poisoned input's records. */
  index: number;
  /** The sample record it was built from (and, unless it is a copy, replaced). */
  baseIndex: number;
  /** Its id (the base's, or a fresh one for a near-duplicate); undefined when the sample has no ids. */
  id: string | undefined;
  /** An exact duplicate: found by counting its id, not by looking it up. */
  sameIdCopy: boolean;
  /** Lines of the poisoned input file the record spans. */
  firstLine: number;
  lastLine: number;
  column: string | undefined;
  before: Cell;
  after: Cell;
  marker: Marker;
  evidence: string[];
}

export interface PoisonedInput {
  bytes: Buffer;
  rows: number;
  records: PoisonedRecord[];
}

/** At least one record, so every rate tests something even on a small sample. */
export function poisonCount(rate: number, sampleRows: number): number {
  return Math.max(1, Math.round(rate * sampleRows));
}

type Entry = { row: Row; poison?: Omit<PoisonedRecord, 'index' | 'firstLine' | 'lastLine'> };

/**
 * Builds the poisoned input of one (attack, rate) cell: `poisonCount` distinct clean records
 * (among those that reached the clean output) are poisoned in place, or, for duplicates, copied
 * to a seeded position after the original, as a re-send arrives later.
 */
export function injectPoison(sample: Dataset, profile: SampleProfile, baseline: Baseline, plan: AttackPlan, key: { seed: number; attack: string; rate: number }): PoisonedInput {
  const rng = new Rng(key.seed, key.attack, key.rate);
  const candidates = baseline.bases;
  const picked = rng.indices(candidates.length, poisonCount(key.rate, sample.rows.length));
  const ids = freshIds(sample, profile.idColumn);
  const entries: Entry[] = sample.rows.map((row) => ({ row }));
  const copies: Array<{ after: Entry; entry: Entry }> = [];
  picked.forEach((pick, i) => {
    const baseIndex = candidates[pick]!;
    const base = structuredClone(sample.rows[baseIndex]!);
    const made = plan.poison(base, i, picked.length, rng);
    let id = profile.idColumn ? cellText(base[profile.idColumn]) : undefined;
    if (profile.idColumn && made.copy === 'fresh-id') {
      const fresh = ids.next(base[profile.idColumn]);
      made.row[profile.idColumn] = fresh;
      id = cellText(fresh);
    }
    const entry: Entry = {
      row: made.row,
      poison: {
        baseIndex,
        id,
        sameIdCopy: made.copy === 'same-id',
        column: plan.column,
        before: plan.column ? base[plan.column] : undefined,
        after: plan.column ? made.row[plan.column] : undefined,
        marker: made.marker,
        evidence: made.evidence ?? [],
      },
    };
    if (made.copy) copies.push({ after: entries[baseIndex]!, entry });
    else entries[baseIndex] = entry;
  });
  for (const { after, entry } of copies) {
    const from = entries.indexOf(after) + 1;
    entries.splice(from + rng.int(entries.length - from + 1), 0, entry);
  }
  const serialized = serializeDataset({ ...sample, rows: entries.map((e) => e.row) });
  const records: PoisonedRecord[] = [];
  entries.forEach((entry, index) => {
    if (!entry.poison) return;
    const lines = serialized.lines[index]!;
    records.push({ ...entry.poison, index, firstLine: lines.first, lastLine: lines.last });
  });
  return { bytes: serialized.bytes, rows: entries.length, records };
}

/** New ids shaped like the sample's (same prefix and digit count), never colliding with one. */
function freshIds(sample: Dataset, idColumn: string | undefined) {
  const taken = new Set(idColumn ? sample.rows.map((r) => cellText(r[idColumn])) : []);
  const numbers = [...taken].map((id) => /(\d+)\D*$/.exec(id)?.[1]).filter((d): d is string => d !== undefined).map(Number);
  let counter = numbers.length > 0 ? Math.max(...numbers) : 0;
  return {
    next(template: Cell): Cell {
      for (;;) {
        counter++;
        const text = cellText(template);
        const digits = /(\d+)(\D*)$/.exec(text);
        const id = digits ? `${text.slice(0, digits.index)}${String(counter).padStart(digits[1]!.length, '0')}${digits[2]}` : `${text}-pw${counter}`;
        if (taken.has(id)) continue;
        taken.add(id);
        return typeof template === 'number' ? Number(id) : id;
      }
    },
  };
}
