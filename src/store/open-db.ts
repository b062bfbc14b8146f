import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens (creating it and its folder when missing) the SQLite file the history stores share: WAL so
 * readers never block the writer, and a busy timeout so concurrent commands wait instead of failing.
 */
export function openStoreDb(file: string): Database.Database {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  return db;
}
