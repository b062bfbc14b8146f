export const JAVASCRIPT_ANALYZER = 'javascript';

/**
 * What the JavaScript/TypeScript analyzer records about a script for dependency reachability:
 * the packages it imports or requires, and the resolved callees it calls with the first line of
 * each (`js-yaml.load`, `lodash.template`) — the same shape as the Python analyzer's imports/uses.
 */
export interface ScriptFacts {
  imports: string[];
  uses: Array<{ name: string; line: number }>;
  /** Findings that hold only while an npm package is older than a version, settled by what the project installs. */
  versionBound?: VersionBoundFinding[];
}

/** A finding at `line`:`column` of rule `ruleId` that `package` fixes from version `fixedIn` on. */
export interface VersionBoundFinding {
  ruleId: string;
  line: number;
  column: number;
  package: string;
  fixedIn: string;
  /** The message once an installed version below `fixedIn` confirms the finding. */
  confirmed: string;
}
