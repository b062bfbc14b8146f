/**
 * What the Python analyzer records about a module for project analyzers: which modules it
 * imports and which (resolved) names it uses — callees, and callables or classes passed as
 * arguments — with the first line of each use.
 * Dependency reachability reads these to tell a called vulnerable API from a merely installed one.
 */
export interface PythonFacts {
  /** Dotted names bound by imports: `yaml`, `yaml.load`, `PIL.ImageMath`. */
  imports: string[];
  uses: Array<{ name: string; line: number }>;
}

export const PYTHON_ANALYZER = 'python';
