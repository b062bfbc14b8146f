import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { findVulnerabilities } from '../../../../src/analyzers/deps/osv/group.js';
import { dbStatus, defaultDbPath, isStale, openLocalDb, writeLocalDb } from '../../../../src/analyzers/deps/osv/local-db.js';
import { updateDb } from '../../../../src/analyzers/deps/osv/update.js';
import { removeTree, tempTree } from '../../../helpers/temp-tree.js';
import { allFixtures, serve, type TestServer } from './helpers.js';

interface Served {
  status?: number;
  body: Uint8Array;
  headers?: Record<string, string>;
  /** Send the headers and part of the body, then stall. */
  stall?: boolean;
}

let roots: string[] = [];
let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  roots.forEach(removeTree);
  roots = [];
});

function dbDir(): string {
  const root = tempTree();
  roots.push(root);
  return root;
}

/** An OSV export server: `files` maps a URL path to a response; anything else is a 404. MD5 stated as GCS does. */
async function exportServer(files: Record<string, Served>): Promise<string> {
  const server = await serve((req: http.IncomingMessage, res: http.ServerResponse) => {
    const file = files[req.url ?? ''];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html>Not Found</html>');
      return;
    }
    const md5 = crypto.createHash('md5').update(file.body).digest('base64');
    res.writeHead(file.status ?? 200, { 'content-type': 'application/zip', 'x-goog-hash': `crc32c=AAAAAA==,md5=${md5}`, ...file.headers });
    if (file.stall) res.write(file.body.subarray(0, 10));
    else res.end(file.body);
  });
  servers.push(server);
  return server.url;
}

function exportZip(ecosystem: string, extra: Zippable = {}): Uint8Array {
  const entries: Zippable = {};
  for (const advisory of allFixtures()) {
    if (advisory.affected?.some((a) => a.package?.ecosystem === ecosystem)) entries[`${advisory.id}.json`] = strToU8(JSON.stringify(advisory, null, 2));
  }
  return zipSync({ ...entries, ...extra });
}

const GOOD = { '/PyPI/all.zip': { body: exportZip('PyPI') }, '/npm/all.zip': { body: exportZip('npm') } };

async function updateFrom(url: string, dbFile: string, ecosystems = ['PyPI', 'npm']) {
  return updateDb({ baseUrl: url, ecosystems, dbFile, idleTimeoutMs: 2000 });
}

/** The database file's bytes and what a reader sees in it, to prove a failed update changed nothing. */
function snapshot(dbFile: string) {
  const db = openLocalDb(dbFile);
  const seen = { ids: db.lookup('PyPI', 'demo-pkg').map((a) => a.id), status: dbStatus(dbFile, new Date(0)) };
  db.close();
  return { bytes: fs.readFileSync(dbFile), ...seen };
}

function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f !== 'osv.db');
}

describe('updateDb', () => {
  it('downloads, verifies and indexes every ecosystem; lookups and status agree', async () => {
    const url = await exportServer(GOOD);
    const dir = dbDir();
    const dbFile = path.join(dir, 'nested', 'osv.db');
    const result = await updateFrom(url, dbFile);
    expect(result.counts).toEqual({ PyPI: 8, npm: 3 });
    expect(result.bytes.PyPI).toBe(GOOD['/PyPI/all.zip'].body.length);

    const db = openLocalDb(dbFile);
    expect(
      db
        .lookup('PyPI', 'Demo_Pkg')
        .map((a) => a.id)
        .sort(),
    ).toEqual(['GHSA-9000-aaaa-bbbb', 'PYSEC-9000-1', 'PYSEC-9000-2', 'PYSEC-9000-5']);
    expect(findVulnerabilities(db, 'npm', 'left-padder', '1.0.0')[0]).toMatchObject({ ids: ['CVE-2099-2000', 'GHSA-9000-npm1-semv'], fixed: '1.2.3' });
    expect(db.description).toMatchObject({ kind: 'local-db', location: dbFile, builtAt: result.builtAt, counts: { PyPI: 8, npm: 3 } });
    db.close();

    const status = dbStatus(dbFile, new Date(Date.parse(result.builtAt) + 3 * 86_400_000))!;
    expect(status).toMatchObject({ file: dbFile, builtAt: result.builtAt, sourceUrl: url, counts: { PyPI: 8, npm: 3 } });
    expect(status.ageDays).toBeCloseTo(3, 5);
    expect(fs.readdirSync(path.dirname(dbFile))).toEqual(['osv.db']);
  });

  it('leaves the previous database untouched when an archive is corrupted', async () => {
    const dir = dbDir();
    const dbFile = path.join(dir, 'osv.db');
    await updateFrom(await exportServer(GOOD), dbFile);
    const before = snapshot(dbFile);

    const corrupted = zipSync(Object.fromEntries(allFixtures().map((a) => [`${a.id}.json`, [strToU8(JSON.stringify(a)), { level: 0 }]])));
    // Entries are stored, so PYSEC-9000-3's text is in the archive as is: change one letter of it.
    const at = Buffer.from(corrupted).indexOf(Buffer.from('Known up to'));
    corrupted[at] = 'k'.charCodeAt(0);
    const url = await exportServer({ ...GOOD, '/PyPI/all.zip': { body: corrupted } });
    await expect(updateFrom(url, dbFile)).rejects.toThrow(
      `OSV database not updated (${dbFile} is unchanged): PyPI: entry PYSEC-9000-3.json: CRC-32 mismatch (corrupted data) (${url}/PyPI/all.zip)`,
    );
    expect(snapshot(dbFile)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('rejects an archive with an entry that is not OSV JSON', async () => {
    const dir = dbDir();
    const dbFile = path.join(dir, 'osv.db');
    await updateFrom(await exportServer(GOOD), dbFile);
    const before = snapshot(dbFile);

    const url = await exportServer({ ...GOOD, '/npm/all.zip': { body: exportZip('npm', { 'notes.txt': strToU8('just text') }) } });
    await expect(updateFrom(url, dbFile)).rejects.toThrow(/npm: entry notes\.txt is not an OSV advisory: Unexpected token/);
    const noId = await exportServer({ ...GOOD, '/npm/all.zip': { body: exportZip('npm', { 'x.json': strToU8('{"summary": "no id"}') }) } });
    await expect(updateFrom(noId, dbFile)).rejects.toThrow('npm: entry x.json is not an OSV advisory: no "id" string');
    expect(snapshot(dbFile)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('names the ecosystem the server does not have', async () => {
    const dir = dbDir();
    const dbFile = path.join(dir, 'osv.db');
    await updateFrom(await exportServer(GOOD), dbFile);
    const before = snapshot(dbFile);

    const url = await exportServer({ '/PyPI/all.zip': GOOD['/PyPI/all.zip'] });
    await expect(updateFrom(url, dbFile)).rejects.toThrow(`npm: HTTP 404 Not Found (${url}/npm/all.zip)`);
    expect(snapshot(dbFile)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('rejects an empty archive, a wrong MD5 and a download that stalls', async () => {
    const dir = dbDir();
    const dbFile = path.join(dir, 'osv.db');
    const empty = await exportServer({ '/PyPI/all.zip': { body: zipSync({}) } });
    await expect(updateFrom(empty, dbFile, ['PyPI'])).rejects.toThrow(/^OSV database not updated: PyPI: the archive holds no advisories/);

    const md5 = await exportServer({ '/PyPI/all.zip': { body: exportZip('PyPI'), headers: { 'x-goog-hash': 'md5=AAAAAAAAAAAAAAAAAAAAAA==' } } });
    await expect(updateFrom(md5, dbFile, ['PyPI'])).rejects.toThrow(/PyPI: MD5 mismatch: the server states AAAAAAAAAAAAAAAAAAAAAA==/);

    const stalled = await exportServer({ '/PyPI/all.zip': { body: exportZip('PyPI'), stall: true } });
    await expect(updateDb({ baseUrl: stalled, ecosystems: ['PyPI'], dbFile, idleTimeoutMs: 300 })).rejects.toThrow(/PyPI: no data for 0\.3 s/);

    expect(fs.existsSync(dbFile)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('reports a refused connection in one line', async () => {
    const server = await serve(() => {});
    const url = server.url;
    await server.close();
    const error = await updateFrom(url, path.join(dbDir(), 'osv.db'), ['PyPI']).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^OSV database not updated: PyPI: fetch failed \(ECONNREFUSED\)/);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('local database', () => {
  it('opens read-only and refuses files that are not one', () => {
    const dir = dbDir();
    const bogus = path.join(dir, 'bogus.db');
    fs.writeFileSync(bogus, 'not sqlite at all, but long enough to look like a header...........................');
    expect(() => openLocalDb(bogus)).toThrow(/^cannot read the OSV database .*bogus\.db: /);
    expect(() => openLocalDb(path.join(dir, 'missing.db'))).toThrow(/cannot read the OSV database/);
    expect(dbStatus(path.join(dir, 'missing.db'))).toBeUndefined();
  });

  it('writeLocalDb builds the same index from advisories in memory', () => {
    const dbFile = path.join(dbDir(), 'osv.db');
    writeLocalDb(dbFile, allFixtures(), { builtAt: '2026-01-01T00:00:00.000Z', sourceUrl: 'test', counts: { PyPI: 8 } });
    const db = openLocalDb(dbFile);
    expect(db.lookup('npm', 'evil-padder').map((a) => a.id)).toEqual(['GHSA-9000-mal2-link', 'MAL-9000-1']);
    expect(db.lookup('PyPI', 'gitpkg').map((a) => a.id)).toEqual(['PYSEC-9000-7']);
    db.close();
  });

  it('defaults to the XDG cache directory', () => {
    expect(defaultDbPath({ XDG_CACHE_HOME: '/var/cache/me' })).toBe('/var/cache/me/pipewarden/osv.db');
    expect(defaultDbPath({ XDG_CACHE_HOME: 'relative/ignored' })).toMatch(/\.cache\/pipewarden\/osv\.db$/);
    expect(defaultDbPath({})).toMatch(/\.cache\/pipewarden\/osv\.db$/);
  });

  it('calls a database older than the limit stale', () => {
    expect([isStale(6.9), isStale(7), isStale(7.1), isStale(2, 1)]).toEqual([false, false, true, true]);
  });
});
