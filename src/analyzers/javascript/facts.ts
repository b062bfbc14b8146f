export const JAVASCRIPT_ANALYZER = 'javascript';

/**
 * What the JavaScript/TypeScript analyzer records about a script for dependency reachability:
 * the packages it imports or requires, and the resolved callees it calls with the first line of
 * each (`js-yaml.load`, `lodash.template`) — the same shape as the Python analyzer's imports/uses.
 */
export interface ScriptFacts {
  imports: string[];
  uses: Array<{ name: string; line: number }>;
}
