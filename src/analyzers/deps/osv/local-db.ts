/**
 * The local advisory database `pipewarden db update` builds: SQLite, one row per (ecosystem,
 * normalised package name, advisory id) holding the advisory's JSON, and a metadata table.
 * Lookups read one package's rows, so opening the database costs nothing like loading it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { packagesOf, type AdvisorySource, type SourceDescription } from './source.js';
import { normalizePackageName } from './names.js';
import type { OsvAdvisory } from './types.js';

const SCHEMA_VERSION = 1;

/** `$XDG_CACHE_HOME/pipewarden/osv.db`, else `~/.cache/pipewarden/osv.db` (XDG ignores a relative XDG_CACHE_HOME). */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const cache = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(cache, 'pipewarden', 'osv.db');
}

export interface DbMetadata {
  builtAt: string;
  sourceUrl: string;
  /** Advisories per ecosystem export that went into the database. */
  counts: Record<string, number>;
}

/**
 * Builds a new database in a temporary file beside `dbFile` and, on `commit`, renames it over
 * `dbFile` — atomic on one file system, so readers see the old database or the new one, never
 * a half-built one, and any failure before `commit` leaves the old one untouched.
 */
export class LocalDbWriter {
  private readonly tmpFile: string;
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, string, string, string]>;

  constructor(private readonly dbFile: string) {
    fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
    this.tmpFile = `${dbFile}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
    this.db = new Database(this.tmpFile);
    try {
      // No journal: a failed build is thrown away whole, never rolled back.
      this.db.pragma('journal_mode = OFF');
      this.db.pragma('synchronous = OFF');
      this.db.exec(`
        CREATE TABLE advisories (
          ecosystem TEXT NOT NULL,
          name TEXT NOT NULL,
          id TEXT NOT NULL,
          json TEXT NOT NULL,
          PRIMARY KEY (ecosystem, name, id)
        );
        CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        PRAGMA user_version = ${SCHEMA_VERSION};
        BEGIN;
      `);
      // The same record can come in two exports (a GHSA naming an npm and a PyPI package): last one wins.
      this.insert = this.db.prepare('INSERT OR REPLACE INTO advisories (ecosystem, name, id, json) VALUES (?, ?, ?, ?)');
    } catch (err) {
      this.abort();
      throw err;
    }
  }

  /** Files the advisory under every package it names. */
  add(advisory: OsvAdvisory): void {
    const json = JSON.stringify(advisory);
    for (const { ecosystem, name } of packagesOf(advisory)) this.insert.run(ecosystem, name, advisory.id, json);
  }

  commit(meta: DbMetadata): void {
    const put = this.db.prepare('INSERT INTO metadata (key, value) VALUES (?, ?)');
    put.run('built_at', meta.builtAt);
    put.run('source_url', meta.sourceUrl);
    put.run('counts', JSON.stringify(meta.counts));
    this.db.exec('COMMIT');
    this.db.close();
    // Synchronous writes were off while building; make the file durable before it replaces the old one.
    const fd = fs.openSync(this.tmpFile, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(this.tmpFile, this.dbFile);
  }

  abort(): void {
    if (this.db.open) this.db.close();
    fs.rmSync(this.tmpFile, { force: true });
  }
}

/** Builds a database from advisories already in memory (the directory loader's, the benchmark's). */
export function writeLocalDb(dbFile: string, advisories: readonly OsvAdvisory[], meta: DbMetadata): void {
  const writer = new LocalDbWriter(dbFile);
  try {
    for (const advisory of advisories) writer.add(advisory);
    writer.commit(meta);
  } catch (err) {
    writer.abort();
    throw err;
  }
}

export interface LocalDbSource extends AdvisorySource {
  readonly metadata: DbMetadata;
  close(): void;
}

/** Opens a database read-only; throws when it is missing, not SQLite, or of another schema version. */
export function openLocalDb(dbFile: string): LocalDbSource {
  let db: Database.Database | undefined;
  try {
    db = new Database(dbFile, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) throw new Error(`schema version ${version}, this pipewarden reads ${SCHEMA_VERSION} (run \`pipewarden db update\`)`);
    const metadata = readMetadata(db);
    const select = db.prepare<[string, string], { json: string }>('SELECT json FROM advisories WHERE ecosystem = ? AND name = ?');
    const description: SourceDescription = { kind: 'local-db', location: path.resolve(dbFile), builtAt: metadata.builtAt, counts: metadata.counts };
    return {
      description,
      metadata,
      // Every row passed parseAdvisory when the database was built.
      lookup: (ecosystem, name) => select.all(ecosystem, normalizePackageName(ecosystem, name)).map((row) => JSON.parse(row.json) as OsvAdvisory),
      close: () => db!.close(),
    };
  } catch (err) {
    db?.close();
    throw new Error(`cannot read the OSV database ${dbFile}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function readMetadata(db: Database.Database): DbMetadata {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM metadata').all();
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  const builtAt = value('built_at');
  const sourceUrl = value('source_url');
  const counts = value('counts');
  if (!builtAt || !sourceUrl || !counts) throw new Error('no build metadata (run `pipewarden db update`)');
  return { builtAt, sourceUrl, counts: JSON.parse(counts) as Record<string, number> };
}

export interface DbStatus extends DbMetadata {
  file: string;
  ageDays: number;
}

/** The state of the database at `dbFile`; undefined when there is none yet. */
export function dbStatus(dbFile: string, now: Date = new Date()): DbStatus | undefined {
  if (!fs.existsSync(dbFile)) return undefined;
  const source = openLocalDb(dbFile);
  source.close();
  const ageDays = (now.getTime() - Date.parse(source.metadata.builtAt)) / 86_400_000;
  return { file: path.resolve(dbFile), ...source.metadata, ageDays };
}

/** Advisories are published daily; a database a week old misses enough of them to say so. */
export function isStale(ageDays: number, maxDays = 7): boolean {
  return ageDays > maxDays;
}
