import path from 'node:path';
import { Command } from 'commander';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerDb } from '../../../../src/cli/db.js';
import { UsageError } from '../../../../src/core/errors.js';
import { removeTree, tempTree } from '../../../helpers/temp-tree.js';
import { allFixtures, serve, type TestServer } from './helpers.js';

let roots: string[] = [];
let servers: TestServer[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  roots.forEach(removeTree);
  roots = [];
});

/** Runs `pipewarden db …` in-process and returns what it printed. */
async function run(args: string[]): Promise<string> {
  const program = new Command('pipewarden').exitOverride();
  registerDb(program);
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
  try {
    await program.parseAsync(['node', 'pipewarden', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  return out;
}

async function exportServer(): Promise<string> {
  const zip = (ecosystem: string) =>
    zipSync(Object.fromEntries(allFixtures().filter((a) => a.affected?.some((x) => x.package?.ecosystem === ecosystem)).map((a) => [`${a.id}.json`, strToU8(JSON.stringify(a))])));
  const archives: Record<string, Uint8Array> = { '/PyPI/all.zip': zip('PyPI'), '/npm/all.zip': zip('npm') };
  const server = await serve((req, res) => {
    const body = archives[req.url ?? ''];
    if (body) res.end(body);
    else res.writeHead(404, 'Not Found').end();
  });
  servers.push(server);
  return server.url;
}

function dbFile(): string {
  const root = tempTree();
  roots.push(root);
  return path.join(root, 'osv.db');
}

describe('pipewarden db', () => {
  it('update prints the counts per ecosystem and the time taken; status prints location, age and counts', async () => {
    const url = await exportServer();
    const file = dbFile();
    const update = await run(['db', 'update', '--base-url', url, '--ecosystem', 'pypi, NPM', '--db', file]);
    expect(update).toMatch(new RegExp(`^Updated ${file} in \\d+\\.\\d s\\n`));
    expect(update).toMatch(/PyPI\s+8\s+0\.0 MB/);
    expect(update).toMatch(/npm\s+3\s+0\.0 MB/);

    const status = await run(['db', 'status', '--db', file]);
    expect(status).toContain(`OSV database  ${file}`);
    expect(status).toMatch(/built {9}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(0 h ago\)\n/);
    expect(status).toContain(`source        ${url}`);
    expect(status).toMatch(/PyPI\s+8\n/);
    expect(status).not.toContain('stale');

    expect(await run(['db', 'status', '--db', file, '--max-age-days', '0'])).toContain('stale: older than 0 days; run `pipewarden db update`');
  });

  it('status without a database says how to create one (a usage error, exit 2)', async () => {
    const file = dbFile();
    const error = await run(['db', 'status', '--db', file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`no OSV database at ${file}; create it with \`pipewarden db update --db ${file}\``);
  });

  it('rejects unknown ecosystems, bad URLs and bad ages before doing anything', async () => {
    const file = dbFile();
    await expect(run(['db', 'update', '--ecosystem', 'PyPI,cargo', '--db', file])).rejects.toThrow(new UsageError('unknown ecosystem "cargo"; pipewarden matches PyPI, npm'));
    await expect(run(['db', 'update', '--base-url', 'file:///etc', '--db', file])).rejects.toThrow(UsageError);
    await expect(run(['db', 'status', '--db', file, '--max-age-days', 'soon'])).rejects.toThrow('--max-age-days takes a number of days, not "soon"');
  });

  it('update reports the failing ecosystem', async () => {
    const url = await exportServer();
    await expect(run(['db', 'update', '--base-url', `${url}/nowhere`, '--ecosystem', 'npm', '--db', dbFile()])).rejects.toThrow(
      `OSV database not updated: npm: HTTP 404 Not Found (${url}/nowhere/npm/all.zip)`,
    );
  });
});
