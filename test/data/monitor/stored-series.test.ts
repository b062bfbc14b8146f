import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { checkStoredSeries, slowDriftFindings } from '../../../src/data/monitor/slow-drift.js';
import type { DatasetProfile } from '../../../src/data/profile/types.js';
import { DataProfileStore } from '../../../src/store/data-profiles.js';
import { normal, profileRows, seededRandom, tempDir } from './synthetic.js';

let dir: string;
let store: DataProfileStore;
const random = seededRandom(3);
const z = normal(random);
const batch = (name: string, n: number, shift: number): Promise<DatasetProfile> =>
  profileRows(dir, name, ['amount'], Array.from({ length: n }, () => [(10 + shift + z()).toFixed(3)]));

beforeAll(async () => {
  dir = tempDir();
  store = new DataProfileStore(path.join(dir, 'history.db'));
  store.recordBatch({ ...(await batch('first', 3000, 0)), dataset: 'orders' });
  for (let t = 1; t <= 8; t++) store.recordBatch({ ...(await batch(`b${t}`, 300, 0.1 * t)), dataset: 'orders' });
});
afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('checkStoredSeries', () => {
  it('freezes the first batch as golden when no baseline is saved, and alarms on the walk', () => {
    const report = checkStoredSeries(store, 'orders')!;
    expect(report.batches).toBe(8);
    expect(report.alarm).toBe(true);
    const [finding] = slowDriftFindings(report);
    expect(finding).toMatchObject({ ruleId: 'data.slow-drift', category: 'data', location: { file: 'dataset:orders', snippet: 'amount' } });
    expect(finding!.message).toContain('mean 10.0');
  });

  it('measures against a saved baseline named after the dataset, from the batches after it', async () => {
    const latest = store.batches('orders').at(-1)!;
    store.saveBaseline('orders', latest.profile, latest.id);
    expect(checkStoredSeries(store, 'orders')).toBeUndefined();
    store.recordBatch({ ...(await batch('after', 300, 0.8)), dataset: 'orders' });
    expect(checkStoredSeries(store, 'orders')!.batches).toBe(1);
  });

  it('rejects a golden baseline that does not exist', () => {
    expect(() => checkStoredSeries(store, 'orders', {}, 'missing')).toThrow(UsageError);
  });
});
