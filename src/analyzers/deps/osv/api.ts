/**
 * Live lookups against the OSV API (https://google.github.io/osv.dev/api/): `querybatch` says
 * which advisory ids affect each package version, `vulns/{id}` returns each advisory whole.
 */
import { fetchJson, type FetchLike } from './http.js';
import { normalizePackageName } from './names.js';
import { memorySource, type AdvisorySource } from './source.js';
import { parseAdvisory } from './types.js';

export const DEFAULT_API_URL = 'https://api.osv.dev';

export interface ApiPackage {
  ecosystem: string;
  name: string;
  version: string;
}

export interface OsvApiOptions {
  baseUrl?: string;
  packages: readonly ApiPackage[];
  fetchImpl?: FetchLike;
  /** Per request, body included (default 30 s). */
  timeoutMs?: number;
  /** Queries per querybatch request; the API takes at most 1000. */
  batchSize?: number;
  /** Advisory fetches in flight at once. */
  concurrency?: number;
}

interface BatchQuery {
  package: { ecosystem: string; name: string };
  version: string;
  page_token?: string;
}

/**
 * Asks the API about every package version and fetches the advisories it names, returning a
 * source over them (to be matched like any other, so all sources agree on what "affected"
 * means). Any network or API failure throws one line; the caller reports it and carries on.
 */
export async function queryOsvApi(options: OsvApiOptions): Promise<AdvisorySource> {
  const baseUrl = (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const batchSize = Math.min(options.batchSize ?? 1000, 1000);
  const request = async (what: string, path: string, init: RequestInit = {}) => {
    try {
      return await fetchJson(fetchImpl, `${baseUrl}${path}`, init, timeoutMs);
    } catch (err) {
      throw new Error(`OSV API ${what} failed: ${err instanceof Error ? err.message : String(err)} (${baseUrl})`);
    }
  };

  const queries = uniqueQueries(options.packages);
  const ids = new Set<string>();
  for (let start = 0; start < queries.length; start += batchSize) {
    // Queries with more results than one page come back with a token; ask again for just those.
    let pending = queries.slice(start, start + batchSize);
    while (pending.length > 0) {
      const body = await request('querybatch', '/v1/querybatch', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ queries: pending }),
      });
      const results = batchResults(body, pending.length);
      results.forEach((r) => r.ids.forEach((id) => ids.add(id)));
      pending = pending.flatMap((q, i) => (results[i]!.nextPageToken ? [{ ...q, page_token: results[i]!.nextPageToken }] : []));
    }
  }

  const advisories = await mapConcurrently([...ids].sort(), options.concurrency ?? 8, async (id) => {
    const body = await request(`vulns/${id}`, `/v1/vulns/${encodeURIComponent(id)}`);
    try {
      return parseAdvisory(body);
    } catch (err) {
      throw new Error(`OSV API returned an invalid advisory for ${id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return memorySource(advisories, { kind: 'osv-api', location: baseUrl });
}

function uniqueQueries(packages: readonly ApiPackage[]): BatchQuery[] {
  const byKey = new Map<string, BatchQuery>();
  for (const { ecosystem, name, version } of packages) {
    const normalized = normalizePackageName(ecosystem, name);
    byKey.set(`${ecosystem}\u0000${normalized}\u0000${version}`, { package: { ecosystem, name: normalized }, version });
  }
  return [...byKey.values()];
}

/** `{results: [{vulns?: [{id}], next_page_token?}]}`, one result per query, in query order. */
function batchResults(body: unknown, expected: number): Array<{ ids: string[]; nextPageToken?: string }> {
  const results = (body as { results?: unknown })?.results;
  if (!Array.isArray(results) || results.length !== expected) {
    throw new Error(`OSV API querybatch returned ${Array.isArray(results) ? results.length : 'no'} results for ${expected} queries`);
  }
  return results.map((r: { vulns?: Array<{ id?: unknown }>; next_page_token?: unknown }) => ({
    ids: (Array.isArray(r?.vulns) ? r.vulns : []).map((v) => v?.id).filter((id): id is string => typeof id === 'string'),
    nextPageToken: typeof r?.next_page_token === 'string' && r.next_page_token !== '' ? r.next_page_token : undefined,
  }));
}

/** Runs `fn` over `items` with at most `limit` calls pending; results in item order; the first failure rejects. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

