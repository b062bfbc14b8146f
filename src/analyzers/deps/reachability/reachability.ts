import type { PythonFacts } from '../../python/facts.js';
import type { InventoryPackage } from '../model.js';
import { importNamesOf } from './import-names.js';
import { VULNERABLE_APIS } from './vulnerable-apis.js';

export type Reachability =
  | { level: 'called'; file: string; line: number; api: string; basis: string }
  | { level: 'imported'; file: string; module: string }
  | { level: 'not-imported' }
  | { level: 'unknown'; reason: string };

/**
 * How close the pipeline's own code comes to an advisory: it calls the vulnerable API, it
 * imports the package, or neither (the package is only installed).
 */
export function reachabilityOf(pkg: InventoryPackage, advisoryIds: string[], python: Map<string, PythonFacts>): Reachability {
  if (pkg.ecosystem !== 'PyPI') return { level: 'unknown', reason: 'JavaScript code is not analysed for reachability yet' };
  const ids = new Set(advisoryIds);
  const apis = VULNERABLE_APIS.filter((v) => v.package === pkg.name && ids.has(v.advisory));
  const files = [...python].sort(([a], [b]) => a.localeCompare(b));
  for (const entry of apis) {
    for (const [file, facts] of files) {
      const hit = facts.uses.find((u) => entry.apis.some((api) => u.name === api || u.name.startsWith(`${api}.`) || u.name.startsWith(`${api}(`)));
      if (hit) return { level: 'called', file, line: hit.line, api: hit.name, basis: entry.basis };
    }
  }
  const modules = importNamesOf(pkg.name);
  for (const [file, facts] of files) {
    const imported = facts.imports.find((i) => modules.some((m) => i === m || i.startsWith(`${m}.`)));
    if (imported) return { level: 'imported', file, module: imported };
  }
  return { level: 'not-imported' };
}
