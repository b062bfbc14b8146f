import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAdvisory, type OsvAdvisory } from '../../../../src/analyzers/deps/osv/types.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures', 'deps', 'osv', 'advisories');

export function fixture(id: string): OsvAdvisory {
  return parseAdvisory(JSON.parse(fs.readFileSync(path.join(FIXTURES, `${id}.json`), 'utf8')));
}

export function allFixtures(): OsvAdvisory[] {
  return fs
    .readdirSync(FIXTURES)
    .sort()
    .map((f) => fixture(f.replace(/\.json$/, '')));
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 and a free port. */
export async function serve(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
