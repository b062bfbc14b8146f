import type { PackageSourceConfig } from '../model.js';

/**
 * pip.conf / pip.ini, in any section ([global], [install], …): `index-url`, `extra-index-url`
 * and `trusted-host`, whose values may list several words and go on over indented lines. pip
 * reads option names with `_` or a leading `--` the same way (index_url, --index-url).
 */
export function parsePipConf(text: string): PackageSourceConfig {
  const config: PackageSourceConfig = { type: 'package-config', tool: 'pip', indexes: [], uncheckedTransport: [] };
  let key: string | undefined;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || /^\s*[#;]/.test(raw)) return;
    if (/^\s/.test(raw) && key !== undefined) return take(config, key, raw, line);
    // Split at the first separator by hand: a pattern with spaces around it backtracks quadratically on long lines.
    const separator = raw.search(/[=:]/);
    const name = separator > 0 && !raw.startsWith('[') ? raw.slice(0, separator).trim() : '';
    key = name === '' ? undefined : name.toLowerCase().replace(/^--/, '').replaceAll('_', '-');
    if (key !== undefined) take(config, key, raw.slice(separator + 1), line);
  });
  return config;
}

function take(config: PackageSourceConfig, key: string, value: string, line: number): void {
  for (const word of value.split(/\s+/).filter(Boolean)) {
    if (key === 'index-url' || key === 'extra-index-url') config.indexes.push({ url: word, kind: key === 'index-url' ? 'primary' : 'extra', line });
    else if (key === 'trusted-host') config.uncheckedTransport.push({ setting: `trusted-host = ${word}`, line });
  }
}
