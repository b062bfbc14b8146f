import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { profileDataset } from '../../../src/data/profile/index.js';
import type { DatasetProfile } from '../../../src/data/profile/types.js';

export { seededRandom } from '../../../src/dynamic/fuzz/rng.js';

/** Standard normal draws by Box–Muller. */
export function normal(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Writes rows to a CSV in a temporary directory and profiles it with the real DuckDB profiler. */
export async function profileRows(dir: string, name: string, header: string[], rows: Array<Array<string | number>>): Promise<DatasetProfile> {
  const file = path.join(dir, `${name}.csv`);
  fs.writeFileSync(file, `${header.join(',')}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  return profileDataset({ engine: 'duckdb', file, threads: 1 }, { dataset: 'synthetic' });
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pw-monitor-'));
}
