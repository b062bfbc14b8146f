import type { DeclaredRequirement, PackageIndex, ParsedManifest } from '../model.js';
import { SkippedEntries } from '../skipped-entries.js';
import { arrayOfTables, dotted, unverifiedSources, namedPep508Arrays, pep508Array } from './toml-fields.js';
import { poetryDependencies, poetryGroups, poetrySources } from './poetry.js';
import { isTable, optionalString, own, tableAt, type Table } from './shape.js';
import { readToml, type TomlLines } from './toml.js';
import { UV_IN_PYPROJECT, uvIndexes, uvInsecureHosts } from './uv-settings.js';

/**
 * pyproject.toml: PEP 621 `[project]` dependencies and optional-dependencies (one group per
 * extra), PEP 735 `[dependency-groups]`, Poetry's tables, PDM's and uv's dev dependencies, and
 * the package indexes Poetry, PDM and uv are pointed at.
 */
export function parsePyproject(text: string, _file: string): ParsedManifest {
  const { doc, lines } = readToml(text);
  const lineOf = (path: readonly string[]) => lines.lineOf(path);
  const project = tableAt(doc, ['project'], lineOf);
  const poetry = tableAt(doc, ['tool', 'poetry'], lineOf);
  const pdm = tableAt(doc, ['tool', 'pdm'], lineOf);
  const uv = tableAt(doc, ['tool', 'uv'], lineOf);

  const skipped = new SkippedEntries();
  const requirements = pep508Array(own(project, 'dependencies'), ['project', 'dependencies'], 'main', lines, skipped);
  requirements.push(...namedPep508Arrays(own(project, 'optional-dependencies'), ['project', 'optional-dependencies'], lines, skipped));
  if (poetry) requirements.push(...poetryMain(poetry, project, requirements, lines, skipped), ...poetryGroups(poetry, lines, skipped));
  requirements.push(...namedPep508Arrays(own(doc, 'dependency-groups'), ['dependency-groups'], lines, skipped));
  requirements.push(...namedPep508Arrays(own(pdm, 'dev-dependencies'), ['tool', 'pdm', 'dev-dependencies'], lines, skipped));
  requirements.push(...pep508Array(own(uv, 'dev-dependencies'), ['tool', 'uv', 'dev-dependencies'], 'dev', lines, skipped));

  const pdmSourceTables = arrayOfTables(pdm, ['tool', 'pdm', 'source'], lines);
  const indexes = [...(poetry ? poetrySources(poetry, lines) : []), ...pdmSources(pdmSourceTables), ...uvIndexes(uv, lines, UV_IN_PYPROJECT)];
  const uncheckedTransport = [...unverifiedSources(pdmSourceTables, lines), ...uvInsecureHosts(uv, lines, UV_IN_PYPROJECT)];
  // The format names the tool managing the project, when one is configured: its lock and commands apply.
  const format = poetry ? 'poetry' : pdm ? 'pdm' : uv ? 'uv' : 'pyproject (PEP 621)';
  return { type: 'manifest', ecosystem: 'PyPI', format, requirements, indexes, uncheckedTransport, includes: [], skipped: skipped.entries, isLibrary: isLibrary(doc, project, poetry, pdm, uv) };
}

/**
 * Poetry's main dependencies. Since Poetry 2 a project may declare them in `[project]`; then
 * `[tool.poetry.dependencies]` only adds details to those entries, of which a source (git, url,
 * path) is the one that matters here.
 */
function poetryMain(poetry: Table, project: Table | undefined, declared: DeclaredRequirement[], lines: TomlLines, skipped: SkippedEntries): DeclaredRequirement[] {
  const entries = poetryDependencies(poetry, lines, skipped);
  if (own(project, 'dependencies') === undefined) return entries;
  for (const entry of entries) {
    const target = declared.find((r) => r.name === entry.name && r.source === undefined);
    if (target && entry.source) target.source = entry.source;
  }
  return [];
}

/**
 * A library is a project that gets built into a distribution others install, so version
 * ranges are right for it. That takes a `[build-system]` and a named package that is not
 * opted out of packaging: Poetry's `package-mode = false`, PDM's `distribution = false` or
 * uv's `package = false` mark an application that only uses the tool to manage its
 * environment — as does a `[project]` without `[build-system]` (what `uv init` writes).
 */
function isLibrary(doc: Table, project: Table | undefined, poetry: Table | undefined, pdm: Table | undefined, uv: Table | undefined): boolean {
  const named = typeof own(project, 'name') === 'string' || typeof own(poetry, 'name') === 'string';
  const optedOut = own(poetry, 'package-mode') === false || own(pdm, 'distribution') === false || own(uv, 'package') === false;
  return isTable(own(doc, 'build-system')) && named && !optedOut;
}

/** `[[tool.pdm.source]]`: one named "pypi" replaces PyPI; find-links sources are no index. */
function pdmSources(sources: ReturnType<typeof arrayOfTables>): PackageIndex[] {
  return sources.flatMap(({ table, path, line }) => {
    const url = optionalString(table, 'url', dotted(path), line);
    if (url === undefined || own(table, 'type') === 'find_links') return [];
    return [{ url, kind: own(table, 'name') === 'pypi' ? 'primary' : 'extra', line }];
  });
}

