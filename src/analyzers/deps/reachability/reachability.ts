import type { ScriptFacts } from '../../javascript/facts.js';
import type { PythonFacts } from '../../python/facts.js';
import type { InventoryPackage } from '../model.js';
import { importNamesOf } from './import-names.js';
import { VULNERABLE_APIS } from './vulnerable-apis.js';

export type Reachability =
  | { level: 'called'; file: string; line: number; api: string; basis: string }
  | { level: 'imported'; file: string; module: string }
  | { level: 'not-imported' };

/** What the code analyzers recorded, by file: Python modules and notebooks, and JavaScript/TypeScript scripts. */
export interface CodeFacts {
  python: Map<string, PythonFacts>;
  scripts: Map<string, ScriptFacts>;
}

/**
 * How close the pipeline's own code comes to an advisory: it calls the vulnerable API, it
 * imports the package, or neither (the package is only installed).
 */
export function reachabilityOf(pkg: InventoryPackage, advisoryIds: string[], code: CodeFacts): Reachability {
  const ecosystem = pkg.ecosystem === 'npm' ? 'npm' : undefined;
  const ids = new Set(advisoryIds);
  const apis = VULNERABLE_APIS.filter((v) => v.package === pkg.name && v.ecosystem === ecosystem && ids.has(v.advisory));
  const recorded: Map<string, PythonFacts | ScriptFacts> = ecosystem === 'npm' ? code.scripts : code.python;
  const files = [...recorded].sort(([a], [b]) => a.localeCompare(b));
  for (const entry of apis) {
    for (const [file, facts] of files) {
      const hit = facts.uses.find((u) => entry.apis.some((api) => u.name === api || u.name.startsWith(`${api}.`) || u.name.startsWith(`${api}(`)));
      if (hit) return { level: 'called', file, line: hit.line, api: hit.name, basis: entry.basis };
    }
  }
  // Python imports submodules as `yaml.constructor`, JavaScript as `lodash/template`.
  const [modules, separator] = ecosystem === 'npm' ? [[pkg.name], '/'] : [importNamesOf(pkg.name), '.'];
  for (const [file, facts] of files) {
    const imported = facts.imports.find((i) => modules.some((m) => i === m || i.startsWith(`${m}${separator}`)));
    if (imported) return { level: 'imported', file, module: imported };
  }
  return { level: 'not-imported' };
}
