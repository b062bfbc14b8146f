import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ATTACKS, type AttackPlan } from '../../../src/dynamic/poison/attacks/index.js';
import { injectPoison, poisonCount } from '../../../src/dynamic/poison/inject.js';
import { profileSample, schemaBounds } from '../../../src/dynamic/poison/profile.js';
import { parseDataset } from '../../../src/dynamic/poison/table/dataset.js';
import { learnBaseline } from '../../../src/dynamic/poison/track.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/dynamic/poison/', import.meta.url));
const sample = parseDataset('orders.csv', fs.readFileSync(`${FIXTURES}orders.csv`, 'utf8'));
const schema = schemaBounds(JSON.parse(fs.readFileSync(`${FIXTURES}orders.schema.json`, 'utf8')));
const profile = profileSample(sample, schema);
// What an identity pipeline writes: the sample itself.
const baseline = learnBaseline(sample, profile, { columns: sample.columns, rows: sample.rows, quarantine: '' });
const ctx = { sample, profile, baseline };

function plan(id: string): AttackPlan {
  const made = ATTACKS.find((a) => a.id === id)!.plan(ctx);
  if (typeof made === 'string') throw new Error(made);
  return made;
}

describe('sample profile', () => {
  it('finds the id, numeric, category, label, timestamp and text columns', () => {
    const kinds = Object.fromEntries(profile.columns.map((c) => [c.name, c.kind]));
    expect(kinds).toEqual({ order_id: 'id', amount: 'number', category: 'category', label: 'category', comment: 'text', created_at: 'timestamp' });
    expect(profile.idColumn).toBe('order_id');
    expect(profile.columns.find((c) => c.name === 'amount')!.schema).toEqual({ minimum: 0, maximum: 500 });
  });

  it('follows records by id and maps every column to itself for an identity pipeline', () => {
    expect(baseline.tracking).toBe('id');
    expect(baseline.outputIdColumn).toBe('order_id');
    expect([...baseline.columnMap]).toEqual(sample.columns.map((c) => [c, c]));
    expect(baseline.bases).toHaveLength(40);
  });

  it('picks each attack a column that suits it', () => {
    const columns = Object.fromEntries(ATTACKS.map((a) => [a.id, (a.plan(ctx) as AttackPlan).column]));
    expect(columns).toMatchObject({
      'out-of-range': 'amount',
      implausible: 'created_at',
      'label-flip': 'label',
      'category-injection': 'category',
      'gradual-shift': 'amount',
      'near-duplicate': 'comment',
      formula: 'comment',
      duplicate: undefined,
    });
  });
});

describe('injecting poisoned records', () => {
  const key = { seed: 7, attack: 'out-of-range', rate: 0.1 };

  it('injects max(1, round(rate × records)) records', () => {
    expect(poisonCount(0.001, 40)).toBe(1);
    expect(poisonCount(0.1, 40)).toBe(4);
    expect(injectPoison(sample, profile, baseline, plan('out-of-range'), key).records).toHaveLength(4);
  });

  it('is deterministic for a seed and changes with it', () => {
    const once = injectPoison(sample, profile, baseline, plan('formula'), { ...key, attack: 'formula' });
    const twice = injectPoison(sample, profile, baseline, plan('formula'), { ...key, attack: 'formula' });
    const other = injectPoison(sample, profile, baseline, plan('formula'), { ...key, attack: 'formula', seed: 8 });
    expect(twice.bytes.equals(once.bytes)).toBe(true);
    expect(other.bytes.equals(once.bytes)).toBe(false);
  });

  it('poisons records in place: same id, same line, nothing added', () => {
    const input = injectPoison(sample, profile, baseline, plan('out-of-range'), key);
    const lines = input.bytes.toString('utf8').split('\n');
    for (const record of input.records) {
      expect(record.id).toBe(sample.rows[record.baseIndex]!['order_id']);
      expect(record.index).toBe(record.baseIndex);
      expect(lines[record.firstLine - 1]).toContain(`${record.id},${String(record.after)},`);
      expect(Math.abs(Number(record.after))).toBeGreaterThan(500);
    }
    expect(parseDataset('p.csv', input.bytes.toString('utf8')).rows).toHaveLength(40);
  });

  it('inserts an exact duplicate under its base id after the original', () => {
    const input = injectPoison(sample, profile, baseline, plan('duplicate'), { ...key, attack: 'duplicate' });
    const rows = parseDataset('p.csv', input.bytes.toString('utf8')).rows;
    expect(rows).toHaveLength(44);
    for (const record of input.records) {
      expect(record.sameIdCopy).toBe(true);
      const first = rows.findIndex((r) => r['order_id'] === record.id);
      expect(record.index).toBeGreaterThan(first);
      expect(rows[record.index]).toEqual(sample.rows[record.baseIndex]);
    }
  });

  it('gives a near-duplicate a fresh id shaped like the sample ids', () => {
    const input = injectPoison(sample, profile, baseline, plan('near-duplicate'), { ...key, attack: 'near-duplicate' });
    const sampleIds = new Set(sample.rows.map((r) => r['order_id']));
    for (const record of input.records) {
      expect(record.id).toMatch(/^ORD-\d{4}$/);
      expect(sampleIds.has(record.id)).toBe(false);
      expect(String(record.after).trim().toLowerCase()).toBe(String(record.before).toLowerCase());
    }
  });

  it('shifts gradually: each poisoned record a little further than the one before', () => {
    const input = injectPoison(sample, profile, baseline, plan('gradual-shift'), { ...key, attack: 'gradual-shift' });
    const shifts = [...input.records]
      .map((r) => Number(r.after) - Number(r.before));
    // Records are built in ascending position; each is shifted more than the one before.
    expect(shifts.every((s, i) => s > 0 && (i === 0 || s > shifts[i - 1]!))).toBe(true);
  });

  it('writes payloads from the payload library into the text column', () => {
    const input = injectPoison(sample, profile, baseline, plan('formula'), { ...key, attack: 'formula' });
    for (const record of input.records) {
      expect(record.marker.kind).toBe('payload');
      expect(String(record.after)).toMatch(/^[=+\-@]/);
    }
  });
});
