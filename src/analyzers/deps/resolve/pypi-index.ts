/** The parts of the PyPI JSON API (`<base>/<name>/json`, `<base>/<name>/<version>/json`) the resolver reads. */
export interface ProjectMetadata {
  /** Release versions, each with whether every file of it is yanked, and the reason given. */
  releases: Map<string, { yanked: boolean; reason: string }>;
}

export interface ReleaseMetadata {
  requiresDist: string[];
}

const TIMEOUT_MS = 15_000;

/** Reads package metadata from an index's JSON API, one request per name or release, cached. */
export class PyPIIndex {
  private readonly projects = new Map<string, Promise<ProjectMetadata>>();

  constructor(private readonly baseUrl: string) {}

  project(name: string): Promise<ProjectMetadata> {
    let pending = this.projects.get(name);
    if (!pending) {
      pending = this.get(`${name}/json`).then(projectMetadata);
      this.projects.set(name, pending);
    }
    return pending;
  }

  async release(name: string, version: string): Promise<ReleaseMetadata> {
    const body = (await this.get(`${name}/${encodeURIComponent(version)}/json`)) as { info?: { requires_dist?: unknown } };
    const requires = body.info?.requires_dist;
    return { requiresDist: Array.isArray(requires) ? requires.filter((r): r is string => typeof r === 'string') : [] };
  }

  private async get(path: string): Promise<unknown> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}/${path}`;
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
    } catch (err) {
      throw new Error(`cannot reach ${url} (${(err as Error).cause ? String((err as { cause: unknown }).cause) : (err as Error).message})`);
    }
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  }
}

function projectMetadata(body: unknown): ProjectMetadata {
  const releases = new Map<string, { yanked: boolean; reason: string }>();
  const raw = (body as { releases?: Record<string, unknown> }).releases ?? {};
  for (const [version, files] of Object.entries(raw)) {
    const list = Array.isArray(files) ? (files as Array<{ yanked?: boolean; yanked_reason?: string | null }>) : [];
    const yanked = list.length > 0 && list.every((f) => f.yanked === true);
    releases.set(version, { yanked, reason: yanked ? (list.find((f) => f.yanked_reason)?.yanked_reason ?? '') : '' });
  }
  return { releases };
}
