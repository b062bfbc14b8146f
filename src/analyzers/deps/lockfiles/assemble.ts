import type { DirectSource, Ecosystem, LockedPackage, ParsedLockfile } from '../model.js';

/** One package entry as a format parser reads it, before the lockfile-wide facts are settled. */
export interface RawPackage {
  name: string;
  version: string;
  /** Names this entry depends on, already normalised; may name packages the lock does not hold. */
  dependencies: string[];
  /** Undefined when the format does not say: settled from the declared roots, else false. */
  dev?: boolean;
  hashes: string[];
  source?: DirectSource;
  line?: number;
}

/**
 * The project's direct dependencies, where the lockfile names them. Parsers add the members of
 * a workspace (monorepo) to `prod`: a member is the project's own code, and what only it needs
 * should still have a path from a root.
 */
export interface DeclaredRoots {
  prod: string[];
  dev: string[];
}

/**
 * Turns a format's entries into a ParsedLockfile, the same way for every format:
 * - entries with the same name@version (nested node_modules copies, pnpm peer variants, pdm
 *   extras entries, yarn patches) become one package; it is dev only if every copy is;
 * - dependency edges to packages the lock does not hold (optional packages for another
 *   platform, extras nobody asked for) and to the package itself are dropped, so every edge
 *   leads somewhere;
 * - roots are the declared ones when the format names them, else derived (see deriveRoots);
 * - a package whose format is silent about dev is dev when no production root reaches it.
 *   Edges are by name (as in the model), so when two versions of a name are locked and the
 *   name is reached from production, both count as production: the safe side.
 */
export function assemble(ecosystem: Ecosystem, format: string, raw: RawPackage[], declared?: DeclaredRoots): ParsedLockfile {
  const merged = mergeDuplicates(raw);
  const names = new Set(merged.map((p) => p.name));
  for (const p of merged) p.dependencies = p.dependencies.filter((d) => d !== p.name && names.has(d));
  const graph = dependencyGraph(merged);
  const roots = declared ? unique([...declared.prod, ...declared.dev]).filter((n) => names.has(n)) : deriveRoots(merged, graph);
  const rootSet = new Set(roots);
  const prodReach = declared ? reach(declared.prod, graph, new Set()) : undefined;
  const packages = merged.map((p): LockedPackage => {
    const pkg: LockedPackage = {
      name: p.name,
      version: p.version,
      dependencies: p.dependencies,
      direct: rootSet.has(p.name),
      dev: p.dev ?? (prodReach ? !prodReach.has(p.name) : false),
      hashes: p.hashes,
    };
    if (p.source) pkg.source = p.source;
    if (p.line !== undefined) pkg.line = p.line;
    return pkg;
  });
  return { type: 'lockfile', ecosystem, format, packages, roots };
}

function mergeDuplicates(raw: RawPackage[]): RawPackage[] {
  // Sets, not array concatenation: a hostile lock can repeat one name@version many thousand times.
  const byKey = new Map<string, { pkg: RawPackage; dependencies: Set<string>; hashes: Set<string> }>();
  for (const p of raw) {
    const key = `${p.name}@${p.version}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { pkg: { ...p }, dependencies: new Set(p.dependencies), hashes: new Set(p.hashes) });
      continue;
    }
    for (const d of p.dependencies) seen.dependencies.add(d);
    for (const h of p.hashes) seen.hashes.add(h);
    seen.pkg.dev = seen.pkg.dev === false || p.dev === false ? false : seen.pkg.dev && p.dev;
    seen.pkg.source ??= p.source;
    seen.pkg.line ??= p.line;
  }
  return [...byKey.values()].map(({ pkg, dependencies, hashes }) => ({ ...pkg, dependencies: [...dependencies], hashes: [...hashes] }));
}

/** Name → names it depends on, over every version of the name (edges are by name in the model). */
function dependencyGraph(packages: RawPackage[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const p of packages) {
    const deps = graph.get(p.name);
    if (deps) for (const d of p.dependencies) deps.push(d);
    else graph.set(p.name, [...p.dependencies]);
  }
  return graph;
}

/**
 * For formats that do not say which packages the project asked for (poetry.lock, pdm.lock,
 * yarn.lock v1, and any lock whose project entry is missing), the roots are the packages no other
 * package depends on. A package the project names directly but that something else also pulls in
 * is missed that way; the manifest beside the lock says the rest.
 *
 * Cycles are real (sphinx ↔ sphinxcontrib-*), so "depended on by nobody" is taken per strongly
 * connected component: a cycle that nothing outside it depends on contributes one root, its
 * first member in lock order. Walking the packages in reverse depth-first finishing order (the
 * walks started in lock order) meets that member before anything it reaches, which gives exactly
 * this in linear time; in an acyclic lock it is the plain rule. Roots are returned in lock order.
 */
function deriveRoots(packages: RawPackage[], graph: Map<string, string[]>): string[] {
  const names = unique(packages.map((p) => p.name));
  const finished = postorder(names, graph);
  const reached = new Set<string>();
  const roots = new Set<string>();
  for (let i = finished.length - 1; i >= 0; i--) {
    const name = finished[i];
    if (reached.has(name)) continue;
    roots.add(name);
    reach([name], graph, reached);
  }
  return names.filter((n) => roots.has(n));
}

/** Depth-first finishing order over the whole graph, starting walks in lock order; iterative, so deep chains cannot overflow the stack. */
function postorder(names: string[], graph: Map<string, string[]>): string[] {
  const finished: string[] = [];
  const visited = new Set<string>();
  for (const start of names) {
    if (visited.has(start)) continue;
    visited.add(start);
    const stack = [{ name: start, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const deps = graph.get(top.name) ?? [];
      if (top.next < deps.length) {
        const dep = deps[top.next++];
        if (!visited.has(dep)) {
          visited.add(dep);
          stack.push({ name: dep, next: 0 });
        }
      } else {
        finished.push(top.name);
        stack.pop();
      }
    }
  }
  return finished;
}

/** Adds to `seen` every package reachable from `starts`; nodes already in `seen` are not walked again. */
function reach(starts: string[], graph: Map<string, string[]>, seen: Set<string>): Set<string> {
  const queue = starts.filter((s) => graph.has(s) && !seen.has(s));
  for (const s of queue) seen.add(s);
  for (let i = 0; i < queue.length; i++) {
    for (const next of graph.get(queue[i]) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
