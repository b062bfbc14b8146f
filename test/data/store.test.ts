import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetProfile } from '../../src/data/profile/types.js';
import { DataProfileStore } from '../../src/store/data-profiles.js';
import { HistoryStore } from '../../src/store/history.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-data-store-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function profile(dataset: string, profiledAt: string, rowCount: number): DatasetProfile {
  return { version: 1, dataset, source: `${dataset}.csv`, engine: 'duckdb', profiledAt, rowCount, columns: [], warnings: [], rejectedRows: 0 };
}

describe('DataProfileStore', () => {
  it('keeps every batch per dataset in time order, beside the run history in the same file', () => {
    const file = path.join(dir, 'history.db');
    new HistoryStore(file).close();
    const store = new DataProfileStore(file);
    store.recordBatch(profile('orders', '2025-01-02T00:00:00.000Z', 2));
    store.recordBatch(profile('orders', '2025-01-01T00:00:00.000Z', 1));
    store.recordBatch(profile('users', '2025-01-01T00:00:00.000Z', 7));
    store.recordBatch(profile('orders', '2025-01-03T00:00:00.000Z', 3));
    expect(store.batches('orders').map((b) => b.profile.rowCount)).toEqual([1, 2, 3]);
    expect(store.batches('orders', 2).map((b) => b.profile.rowCount)).toEqual([2, 3]);
    expect(store.datasets()).toEqual([
      { dataset: 'orders', batches: 3, last: '2025-01-03T00:00:00.000Z' },
      { dataset: 'users', batches: 1, last: '2025-01-01T00:00:00.000Z' },
    ]);
    store.close();
    const db = new Database(file, { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['runs', 'findings', 'data_batches', 'data_baselines']));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('saves, replaces and reads named baselines', () => {
    const store = new DataProfileStore(path.join(dir, 'baselines.db'));
    const id = store.recordBatch(profile('orders', '2025-01-01T00:00:00.000Z', 10));
    store.saveBaseline('golden', profile('orders', '2025-01-01T00:00:00.000Z', 10), id);
    expect(store.baseline('golden')).toMatchObject({ name: 'golden', dataset: 'orders', batchId: id, profile: { rowCount: 10 } });
    store.saveBaseline('golden', profile('orders', '2025-02-01T00:00:00.000Z', 20));
    expect(store.baseline('golden')!.profile.rowCount).toBe(20);
    expect(store.baselines().map((b) => b.name)).toEqual(['golden']);
    expect(store.baseline('nope')).toBeUndefined();
    store.close();
  });
});
