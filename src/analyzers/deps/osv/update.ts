/**
 * `pipewarden db update`: downloads OSV's per-ecosystem exports (`<base>/<ecosystem>/all.zip`),
 * verifies them, and rebuilds the local database from them — all or nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { downloadToFile, type FetchLike } from './http.js';
import { defaultDbPath, LocalDbWriter } from './local-db.js';
import { parseAdvisory, type OsvAdvisory } from './types.js';
import { readZipEntries } from './zip.js';

export const DEFAULT_EXPORT_URL = 'https://osv-vulnerabilities.storage.googleapis.com';
/** The ecosystems pipewarden matches, as OSV spells them. */
export const DEFAULT_ECOSYSTEMS = ['PyPI', 'npm'];

export interface UpdateOptions {
  baseUrl?: string;
  ecosystems?: string[];
  /** Default: defaultDbPath(). */
  dbFile?: string;
  fetchImpl?: FetchLike;
  /** A download that delivers no data for this long fails (default 60 s). */
  idleTimeoutMs?: number;
}

export interface UpdateResult {
  dbFile: string;
  builtAt: string;
  /** Advisories per ecosystem. */
  counts: Record<string, number>;
  /** Bytes downloaded per ecosystem. */
  bytes: Record<string, number>;
  durationMs: number;
}

/**
 * Downloads every ecosystem's export and builds a new database from them beside `dbFile`,
 * then swaps it in. An archive is accepted only when it is a valid zip whose every entry
 * passes its CRC and parses as an OSV advisory, and it holds at least one. Any failure —
 * network, HTTP status, integrity, content — leaves the previous database as it was and throws
 * one line naming the ecosystem and the reason.
 */
export async function updateDb(options: UpdateOptions = {}): Promise<UpdateResult> {
  const started = Date.now();
  const baseUrl = (options.baseUrl ?? DEFAULT_EXPORT_URL).replace(/\/+$/, '');
  const dbFile = path.resolve(options.dbFile ?? defaultDbPath());
  const fetchImpl = options.fetchImpl ?? fetch;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const existed = fs.existsSync(dbFile);
  const counts: Record<string, number> = {};
  const bytes: Record<string, number> = {};
  let writer: LocalDbWriter | undefined;
  try {
    writer = new LocalDbWriter(dbFile);
    for (const ecosystem of options.ecosystems ?? DEFAULT_ECOSYSTEMS) {
      const url = `${baseUrl}/${encodeURIComponent(ecosystem)}/all.zip`;
      const zipFile = `${dbFile}.${crypto.randomBytes(4).toString('hex')}.zip.tmp`;
      try {
        bytes[ecosystem] = (await downloadToFile(fetchImpl, url, zipFile, idleTimeoutMs)).bytes;
        counts[ecosystem] = importArchive(writer, zipFile);
      } catch (err) {
        throw new Error(`${ecosystem}: ${message(err)} (${url})`);
      } finally {
        fs.rmSync(zipFile, { force: true });
      }
    }
    const builtAt = new Date().toISOString();
    writer.commit({ builtAt, sourceUrl: baseUrl, counts });
    return { dbFile, builtAt, counts, bytes, durationMs: Date.now() - started };
  } catch (err) {
    writer?.abort();
    throw new Error(`OSV database not updated${existed ? ` (${dbFile} is unchanged)` : ''}: ${message(err)}`);
  }
}

/** Adds every advisory of a downloaded export; returns how many there were. */
function importArchive(writer: LocalDbWriter, zipFile: string): number {
  // Invalid UTF-8 is a damaged entry, not text to repair.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let count = 0;
  for (const entry of readZipEntries(zipFile)) {
    let advisory: OsvAdvisory;
    try {
      advisory = parseAdvisory(JSON.parse(decoder.decode(entry.data)));
    } catch (err) {
      throw new Error(`entry ${entry.name} is not an OSV advisory: ${message(err)}`);
    }
    writer.add(advisory);
    count++;
  }
  if (count === 0) throw new Error('the archive holds no advisories');
  return count;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
