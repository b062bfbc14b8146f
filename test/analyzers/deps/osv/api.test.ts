import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { queryOsvApi } from '../../../../src/analyzers/deps/osv/api.js';
import { loadOsvDirectory } from '../../../../src/analyzers/deps/osv/directory.js';
import { findVulnerabilities } from '../../../../src/analyzers/deps/osv/group.js';
import { normalizePackageName } from '../../../../src/analyzers/deps/osv/names.js';
import { allFixtures, FIXTURES, serve, type TestServer } from './helpers.js';

interface Query {
  package: { ecosystem: string; name: string };
  version: string;
  page_token?: string;
}

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/**
 * The two OSV API endpoints over the fixtures. querybatch answers by package name only, one id
 * per page, so that every package with several advisories needs `next_page_token`; version
 * matching is the client's job either way.
 */
async function osvApi(options: { failBatch?: boolean; hang?: boolean } = {}) {
  const advisories = allFixtures();
  const log = { batches: [] as Query[][], vulnGets: [] as string[], inFlight: 0, maxInFlight: 0 };
  const server = await serve((req: http.IncomingMessage, res: http.ServerResponse) => {
    if (options.hang) return;
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/querybatch') {
        if (options.failBatch) return void res.writeHead(500).end('boom');
        const { queries } = JSON.parse(body) as { queries: Query[] };
        log.batches.push(queries);
        const results = queries.map((q) => {
          const ids = advisories
            .filter((a) => a.affected?.some((x) => x.package?.ecosystem === q.package.ecosystem && normalizePackageName(q.package.ecosystem, x.package.name) === q.package.name))
            .map((a) => a.id);
          const page = Number(q.page_token ?? 0);
          if (ids.length === 0) return {};
          return { vulns: [{ id: ids[page], modified: '2024-01-01T00:00:00Z' }], ...(page + 1 < ids.length ? { next_page_token: String(page + 1) } : {}) };
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results }));
        return;
      }
      const id = /^\/v1\/vulns\/(.+)$/.exec(req.url ?? '')?.[1];
      const advisory = id && advisories.find((a) => a.id === decodeURIComponent(id));
      if (req.method !== 'GET' || !advisory) return void res.writeHead(404).end('{"code":5,"message":"Bug not found."}');
      log.vulnGets.push(advisory.id);
      log.maxInFlight = Math.max(log.maxInFlight, ++log.inFlight);
      setTimeout(() => {
        log.inFlight--;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(advisory));
      }, 5);
    });
  });
  servers.push(server);
  return { url: server.url, log };
}

describe('queryOsvApi', () => {
  it('batches queries, follows page tokens, fetches each advisory once, and matches like the other sources', async () => {
    const { url, log } = await osvApi();
    const filler = Array.from({ length: 2300 }, (_, i) => ({ ecosystem: 'PyPI', name: `filler-${i}`, version: '1.0' }));
    const packages = [
      { ecosystem: 'PyPI', name: 'Demo_Pkg', version: '0.3' },
      ...filler,
      { ecosystem: 'PyPI', name: 'demo-pkg', version: '0.3' },
      { ecosystem: 'npm', name: 'left-padder', version: '1.0.0' },
      { ecosystem: 'npm', name: 'evil-padder', version: '1.0.0' },
    ];
    const source = await queryOsvApi({ baseUrl: url, packages });

    // 2303 distinct queries (Demo_Pkg and demo-pkg are one): three requests of at most 1000, and follow-up pages.
    const firstPages = log.batches.filter((b) => b.every((q) => q.page_token === undefined));
    expect(firstPages.map((b) => b.length)).toEqual([1000, 1000, 303]);
    const followUps = log.batches.filter((b) => !firstPages.includes(b)).flat();
    expect(followUps.every((q) => q.page_token !== undefined)).toBe(true);
    // demo-pkg has 4 advisories (3 follow-up pages), evil-padder 2 (1 page); left-padder has only 1.
    expect(followUps.map((q) => `${q.package.name}@${q.page_token}`).sort()).toEqual(['demo-pkg@1', 'demo-pkg@2', 'demo-pkg@3', 'evil-padder@1']);

    expect(log.vulnGets.sort()).toEqual(
      ['GHSA-9000-aaaa-bbbb', 'PYSEC-9000-1', 'PYSEC-9000-2', 'PYSEC-9000-5', 'GHSA-9000-npm1-semv', 'MAL-9000-1', 'GHSA-9000-mal2-link'].sort(),
    );
    expect(log.maxInFlight).toBeLessThanOrEqual(8);
    expect(source.description).toMatchObject({ kind: 'osv-api', location: url, counts: { PyPI: 4, npm: 3 } });

    const { source: local } = loadOsvDirectory(FIXTURES);
    for (const [ecosystem, name, version] of [
      ['PyPI', 'demo-pkg', '0.3'],
      ['npm', 'left-padder', '1.0.0'],
      ['npm', 'evil-padder', '1.0.0'],
    ] as const) {
      expect(findVulnerabilities(source, ecosystem, name, version)).toEqual(findVulnerabilities(local, ecosystem, name, version));
    }
  });

  it('honours a smaller batch size and a concurrency of one', async () => {
    const { url, log } = await osvApi();
    const packages = Array.from({ length: 25 }, (_, i) => ({ ecosystem: 'npm', name: i === 0 ? 'left-padder' : `pkg-${i}`, version: '1.0.0' }));
    await queryOsvApi({ baseUrl: url, packages, batchSize: 10, concurrency: 1 });
    expect(log.batches.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(log.maxInFlight).toBe(1);
  });

  it('makes no request for no packages', async () => {
    const { url, log } = await osvApi();
    const source = await queryOsvApi({ baseUrl: url, packages: [] });
    expect(log.batches).toEqual([]);
    expect(source.lookup('PyPI', 'demo-pkg')).toEqual([]);
  });

  it('fails in one line on an HTTP error, a timeout or a refused connection', async () => {
    const packages = [{ ecosystem: 'PyPI', name: 'demo-pkg', version: '0.3' }];
    const failing = await osvApi({ failBatch: true });
    await expect(queryOsvApi({ baseUrl: failing.url, packages })).rejects.toThrow(`OSV API querybatch failed: HTTP 500 Internal Server Error (${failing.url})`);

    const hanging = await osvApi({ hang: true });
    await expect(queryOsvApi({ baseUrl: hanging.url, packages, timeoutMs: 200 })).rejects.toThrow(`OSV API querybatch failed: timed out after 0.2 s (${hanging.url})`);

    const closed = await serve(() => {});
    await closed.close();
    const error = (await queryOsvApi({ baseUrl: closed.url, packages }).catch((e: Error) => e)) as Error;
    expect(error.message).toBe(`OSV API querybatch failed: fetch failed (ECONNREFUSED) (${closed.url})`);
  });

  it('fails when an advisory the batch named cannot be fetched', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/v1/querybatch') return void res.end(JSON.stringify({ results: [{ vulns: [{ id: 'GHSA-gone' }] }] }));
      res.writeHead(404, 'Not Found').end();
    });
    servers.push(server);
    await expect(queryOsvApi({ baseUrl: server.url, packages: [{ ecosystem: 'npm', name: 'x', version: '1.0.0' }] })).rejects.toThrow(
      `OSV API vulns/GHSA-gone failed: HTTP 404 Not Found (${server.url})`,
    );
  });
});
