import type { PackageIndex, UncheckedTransport } from '../model.js';
import { arrayOfTables, dotted } from './toml-fields.js';
import { optionalString, optionalStrings, own, type Table } from './shape.js';
import type { TomlLines } from './toml.js';

/** Where uv's settings sit: `[tool.uv]` in pyproject.toml, the top level of uv.toml. */
export const UV_IN_PYPROJECT = ['tool', 'uv'] as const;
export const UV_TOML = [] as const;

/** `[[index]]` (`default = true` replaces PyPI) and the pip-style `index-url` / `extra-index-url` settings, searched in order unless `index-strategy` says otherwise. */
export function uvIndexes(uv: Table | undefined, lines: TomlLines, at: readonly string[]): PackageIndex[] {
  const indexes: PackageIndex[] = arrayOfTables(uv, [...at, 'index'], lines).flatMap(({ table, path, line }) => {
    const url = optionalString(table, 'url', dotted(path), line);
    return url === undefined ? [] : [{ url, kind: own(table, 'default') === true ? 'primary' : 'extra', line }];
  });
  const primaryPath = [...at, 'index-url'];
  const primary = uv && optionalString(uv, 'index-url', where(at), lines.lineOf(primaryPath));
  if (primary !== undefined) indexes.push({ url: primary, kind: 'primary', line: lines.lineOf(primaryPath) });
  const extrasPath = [...at, 'extra-index-url'];
  optionalStrings(uv ?? {}, 'extra-index-url', where(at), lines.lineOf(extrasPath)).forEach((url, i) => {
    indexes.push({ url, kind: 'extra', line: lines.lineOf([...extrasPath, i]) });
  });
  // Unless told otherwise uv searches its indexes in order and stops at the first that has the package.
  const strategy = uv && optionalString(uv, 'index-strategy', where(at), lines.lineOf([...at, 'index-strategy']));
  const firstMatch = strategy === undefined || strategy === 'first-index';
  return indexes.map((index) => ({ ...index, firstMatch }));
}

/** `allow-insecure-host`: hosts uv fetches from without checking their certificate. */
export function uvInsecureHosts(uv: Table | undefined, lines: TomlLines, at: readonly string[]): UncheckedTransport[] {
  const path = [...at, 'allow-insecure-host'];
  return optionalStrings(uv ?? {}, 'allow-insecure-host', where(at), lines.lineOf(path)).map((host, i) => ({
    setting: `allow-insecure-host = ${host}`,
    line: lines.lineOf([...path, i]) ?? lines.lineOf(path) ?? 1,
  }));
}

function where(at: readonly string[]): string {
  return at.length > 0 ? at.join('.') : 'the top level';
}
