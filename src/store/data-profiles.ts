import type Database from 'better-sqlite3';
import { openStoreDb } from './open-db.js';
import type { DatasetProfile } from '../data/profile/types.js';

export interface StoredBatch {
  id: number;
  dataset: string;
  profiledAt: string;
  profile: DatasetProfile;
}

export interface StoredBaseline {
  name: string;
  dataset: string;
  savedAt: string;
  batchId: number | null;
  profile: DatasetProfile;
}

/**
 * Data profiles in the history database (the file HistoryStore uses): every profiled batch per
 * dataset, for the slow-drift series, and named baselines, for drift against a frozen reference.
 * Its tables are created with IF NOT EXISTS and leave the run-history schema version alone.
 */
export class DataProfileStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openStoreDb(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS data_batches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        dataset TEXT NOT NULL,
        profiled_at TEXT NOT NULL,
        source TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        profile TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS data_batches_dataset ON data_batches (dataset, profiled_at, id);
      CREATE TABLE IF NOT EXISTS data_baselines (
        name TEXT PRIMARY KEY,
        dataset TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        batch_id INTEGER REFERENCES data_batches (id) ON DELETE SET NULL,
        profile TEXT NOT NULL
      );
    `);
  }

  /** Stores one profiled batch; returns its id. */
  recordBatch(profile: DatasetProfile): number {
    const info = this.db
      .prepare('INSERT INTO data_batches (dataset, profiled_at, source, row_count, profile) VALUES (?, ?, ?, ?, ?)')
      .run(profile.dataset, profile.profiledAt, profile.source, profile.rowCount, JSON.stringify(profile));
    return Number(info.lastInsertRowid);
  }

  /** Saves (or replaces) a named baseline. */
  saveBaseline(name: string, profile: DatasetProfile, batchId?: number): void {
    this.db
      .prepare('INSERT OR REPLACE INTO data_baselines (name, dataset, saved_at, batch_id, profile) VALUES (?, ?, ?, ?, ?)')
      .run(name, profile.dataset, new Date().toISOString(), batchId ?? null, JSON.stringify(profile));
  }

  baseline(name: string): StoredBaseline | undefined {
    const row = this.db.prepare('SELECT * FROM data_baselines WHERE name = ?').get(name) as BaselineRow | undefined;
    return row ? toBaseline(row) : undefined;
  }

  baselines(): StoredBaseline[] {
    return (this.db.prepare('SELECT * FROM data_baselines ORDER BY name').all() as BaselineRow[]).map(toBaseline);
  }

  /** A dataset's batches, oldest first; the newest `limit` when given. */
  batches(dataset: string, limit?: number): StoredBatch[] {
    const rows = (
      limit === undefined
        ? this.db.prepare('SELECT * FROM data_batches WHERE dataset = ? ORDER BY profiled_at, id').all(dataset)
        : this.db.prepare('SELECT * FROM (SELECT * FROM data_batches WHERE dataset = ? ORDER BY profiled_at DESC, id DESC LIMIT ?) ORDER BY profiled_at, id').all(dataset, limit)
    ) as BatchRow[];
    return rows.map((r) => ({ id: r.id, dataset: r.dataset, profiledAt: r.profiled_at, profile: JSON.parse(r.profile) as DatasetProfile }));
  }

  datasets(): Array<{ dataset: string; batches: number; last: string }> {
    return this.db.prepare('SELECT dataset, count(*) AS batches, max(profiled_at) AS last FROM data_batches GROUP BY dataset ORDER BY dataset').all() as Array<{
      dataset: string;
      batches: number;
      last: string;
    }>;
  }

  close(): void {
    this.db.close();
  }
}

interface BatchRow {
  id: number;
  dataset: string;
  profiled_at: string;
  profile: string;
}

interface BaselineRow {
  name: string;
  dataset: string;
  saved_at: string;
  batch_id: number | null;
  profile: string;
}

function toBaseline(r: BaselineRow): StoredBaseline {
  return { name: r.name, dataset: r.dataset, savedAt: r.saved_at, batchId: r.batch_id, profile: JSON.parse(r.profile) as DatasetProfile };
}
