import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FileEntry } from './analyzer.js';
import { hashBytes, type FileResult } from './analyze-file.js';

interface CacheRow {
  size: number;
  mtime_ms: number;
  content_hash: string;
  result: string;
}

/**
 * Per-file results keyed by content hash and engine version, so that an unchanged tree is not
 * analysed twice. A file whose size and mtime are unchanged is not even read again.
 */
export class ResultCache {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string, string], CacheRow>;
  private readonly upsert: Database.Statement<[string, string, number, number, string, string]>;
  private readonly pending: Array<[string, string, number, number, string, string]> = [];

  constructor(
    dir: string,
    private readonly engine: string,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.db = new Database(path.join(dir, 'cache.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS file_results (
      path TEXT NOT NULL, engine TEXT NOT NULL, size INTEGER NOT NULL, mtime_ms REAL NOT NULL,
      content_hash TEXT NOT NULL, result TEXT NOT NULL, PRIMARY KEY (path, engine))`);
    this.select = this.db.prepare('SELECT size, mtime_ms, content_hash, result FROM file_results WHERE path = ? AND engine = ?');
    this.upsert = this.db.prepare('INSERT OR REPLACE INTO file_results (path, engine, size, mtime_ms, content_hash, result) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** The cached result for this file as it is now, or undefined. `key` names the analyzer set. */
  lookup(entry: FileEntry, key: string): FileResult | undefined {
    const row = this.select.get(entry.absPath, this.scope(key));
    if (!row) return undefined;
    const stat = statOf(entry);
    if (stat && row.size === stat.size && row.mtime_ms === stat.mtimeMs) return JSON.parse(row.result) as FileResult;
    const hash = contentHash(entry);
    if (hash === row.content_hash) {
      if (stat) this.pending.push([entry.absPath, this.scope(key), stat.size, stat.mtimeMs, hash, row.result]);
      return JSON.parse(row.result) as FileResult;
    }
    return undefined;
  }

  store(entry: FileEntry, key: string, result: FileResult): void {
    const id = result.identity;
    if (!id) return;
    this.pending.push([entry.absPath, this.scope(key), id.size, id.mtimeMs, id.contentHash, JSON.stringify(result)]);
  }

  /** Writes everything stored in one transaction and closes the database. */
  close(): void {
    this.db.transaction(() => {
      for (const row of this.pending) this.upsert.run(...row);
    })();
    this.db.close();
  }

  private scope(key: string): string {
    return `${this.engine}:${key}`;
  }
}

function statOf(entry: FileEntry): fs.Stats | undefined {
  try {
    return fs.statSync(entry.absPath);
  } catch {
    return undefined;
  }
}

function contentHash(entry: FileEntry): string | undefined {
  try {
    return hashBytes(fs.readFileSync(entry.absPath));
  } catch {
    return undefined;
  }
}
