import { defaultDbPath } from './osv/index.js';

/** How the dependency analyzer finds advisories and package metadata. */
export interface DepsSettings {
  /** A directory of OSV JSON files, or a database built by `pipewarden db update`. */
  osvDb?: string;
  /** Where `pipewarden db update` keeps its database; read when present and no osvDb is given. */
  localDbFile: string;
  /** Never use the network: no OSV API queries, no index look-ups. */
  offline: boolean;
  osvApiUrl: string;
  /** Resolve the transitive closure of requirements that have no lockfile, from the index. */
  resolve: boolean;
  /** Base of the index's JSON API (`<base>/<name>/json`). */
  indexUrl: string;
  /** A local database older than this gets a warning in every report. */
  maxDbAgeDays: number;
}

export const DEFAULT_DEPS_SETTINGS: DepsSettings = {
  localDbFile: defaultDbPath(),
  offline: false,
  osvApiUrl: 'https://api.osv.dev',
  resolve: false,
  indexUrl: 'https://pypi.org/pypi',
  maxDbAgeDays: 7,
};
