import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Fixture metadata: package → version → its requirements and, if yanked, the reason. */
export type IndexFixture = Record<string, Record<string, { requires?: string[]; yanked?: string }>>;

export interface IndexServer {
  url: string;
  /** Paths requested so far, to check what the resolver asked for. */
  requests: string[];
  close(): Promise<void>;
}

/** A real HTTP server on loopback that answers like the PyPI JSON API for the fixture packages. */
export async function startIndexServer(fixture: IndexFixture): Promise<IndexServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const match = /^\/pypi\/([^/]+)(?:\/([^/]+))?\/json$/.exec(req.url ?? '');
    const project = match ? fixture[match[1]!] : undefined;
    const version = match?.[2] ? decodeURIComponent(match[2]) : undefined;
    if (!project || (version && !project[version])) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message": "Not Found"}');
      return;
    }
    const releases = Object.fromEntries(
      Object.entries(project).map(([v, meta]) => [v, [{ filename: `${match![1]}-${v}.tar.gz`, yanked: meta.yanked !== undefined, yanked_reason: meta.yanked ?? null }]]),
    );
    const info = version ? { name: match![1], version, requires_dist: project[version]!.requires ?? null } : { name: match![1] };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ info, releases }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/pypi`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
