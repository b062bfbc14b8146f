import type { PackageSourceConfig } from '../model.js';
import { readToml } from '../manifests/toml.js';
import { UV_TOML, uvIndexes, uvInsecureHosts } from '../manifests/uv-settings.js';

/** uv.toml: the same index and `allow-insecure-host` settings as pyproject's `[tool.uv]`, at the top level. */
export function parseUvToml(text: string): PackageSourceConfig {
  const { doc, lines } = readToml(text);
  return { type: 'package-config', tool: 'uv', indexes: uvIndexes(doc, lines, UV_TOML), uncheckedTransport: uvInsecureHosts(doc, lines, UV_TOML) };
}
