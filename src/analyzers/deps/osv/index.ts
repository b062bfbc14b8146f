/** Vulnerability data and matching: the public surface of the OSV modules. */
export { queryOsvApi, DEFAULT_API_URL, type ApiPackage, type OsvApiOptions } from './api.js';
export { loadOsvDirectory, type LoadProblem } from './directory.js';
export { findVulnerabilities, groupAdvisories, compareIds, type AdvisoryGroup } from './group.js';
export { dbStatus, defaultDbPath, isStale, openLocalDb, writeLocalDb, type DbMetadata, type DbStatus, type LocalDbSource } from './local-db.js';
export { affectedVersions, smallestFixedAtOrAbove } from './match.js';
export { normalizePackageName } from './names.js';
export { advisorySeverity, severityOfScore, type SeverityBasis, type SeverityRating } from './severity.js';
export type { AdvisorySource, SourceDescription } from './source.js';
export { parseAdvisory, type OsvAdvisory, type OsvAffected, type OsvEvent, type OsvRange, type OsvReference, type OsvSeverityEntry } from './types.js';
export { DEFAULT_ECOSYSTEMS, DEFAULT_EXPORT_URL, updateDb, type UpdateOptions, type UpdateResult } from './update.js';
