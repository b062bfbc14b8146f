export const PICKLE_ARTIFACT_ANALYZER = 'pickle-artifact';

/** What the artifact scan records about a file that imports globals outside the allow-list. */
export interface PickleArtifactFacts {
  critical: boolean;
  /** `module.name` of each flagged global, worst first. */
  globals: string[];
}
