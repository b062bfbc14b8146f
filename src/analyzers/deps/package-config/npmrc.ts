import type { PackageSourceConfig } from '../model.js';

/**
 * .npmrc (`key=value`) and Yarn 1's .yarnrc (`key value`, either side quoted): the registry,
 * scoped registries (`@acme:registry`), and `strict-ssl` switched off.
 */
export function parseNpmrc(text: string, tool: 'npm' | 'yarn'): PackageSourceConfig {
  const config: PackageSourceConfig = { type: 'package-config', tool, indexes: [], uncheckedTransport: [] };
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    const setting = (tool === 'npm' ? /^\s*([^=;#\s][^=]*?)\s*=\s*(.*?)\s*$/ : /^\s*("[^"]*"|[^\s#"]+)\s+(.*?)\s*$/).exec(raw);
    if (!setting) return;
    const key = unquote(setting[1]!);
    const value = unquote(setting[2]!);
    if (key === 'registry' || key.endsWith(':registry')) config.indexes.push({ url: value, kind: key === 'registry' ? 'primary' : 'extra', line });
    else if (key === 'strict-ssl' && /^(false|0|no)$/i.test(value)) config.uncheckedTransport.push({ setting: raw.trim(), line });
  });
  return config;
}

function unquote(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}
