/**
 * The notebook analyzer's name, under which it records facts of the same shape as the Python
 * analyzer's (`PythonFacts`, with lines of the raw .ipynb file), so that dependency reachability
 * counts what notebooks import and call. Kept apart from the analyzer so readers of the facts do
 * not load it.
 */
export const NOTEBOOK_ANALYZER = 'notebook';
