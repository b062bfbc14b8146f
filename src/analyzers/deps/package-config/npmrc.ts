import type { PackageSourceConfig } from '../model.js';

/**
 * .npmrc (`key=value`) and Yarn 1's .yarnrc (`key value`, either side quoted): the registry,
 * scoped registries (`@acme:registry`), and `strict-ssl` switched off.
 */
export function parseNpmrc(text: string, tool: 'npm' | 'yarn'): PackageSourceConfig {
  const config: PackageSourceConfig = { type: 'package-config', tool, indexes: [], uncheckedTransport: [] };
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    const setting = tool === 'npm' ? npmSetting(raw.trim()) : yarnSetting(raw.trim());
    if (!setting) return;
    const key = unquote(setting[0]);
    const value = unquote(setting[1]);
    if (key === 'registry' || key.endsWith(':registry')) config.indexes.push({ url: value, kind: key === 'registry' ? 'primary' : 'extra', line });
    else if (key === 'strict-ssl' && /^(false|0|no)$/i.test(value)) config.uncheckedTransport.push({ setting: raw.trim(), line });
  });
  return config;
}

/** `key=value`; comments start with `;` or `#`. Split by hand: a pattern with spaces around `=` backtracks quadratically on long lines. */
function npmSetting(line: string): [string, string] | undefined {
  const eq = line.indexOf('=');
  return eq > 0 && !/^[;#]/.test(line) ? [line.slice(0, eq).trim(), line.slice(eq + 1).trim()] : undefined;
}

/** `key value`, the key quoted or bare. */
function yarnSetting(line: string): [string, string] | undefined {
  const key = /^("[^"]*"|[^\s#"]+)/.exec(line);
  const value = key ? line.slice(key[0].length).trim() : '';
  return key && value !== '' && /^\s/.test(line.slice(key[0].length)) ? [key[0], value] : undefined;
}

function unquote(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}
