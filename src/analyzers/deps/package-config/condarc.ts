import type { PackageSourceConfig } from '../model.js';
import { isRecord, YamlSettings } from './yaml-settings.js';

/** Channel lists whose entries may be URLs; a bare name (`conda-forge`) goes through `channel_alias`. */
const CHANNEL_LISTS = ['channels', 'default_channels'];

/** .condarc: channel URLs (`channels`, `default_channels`, `channel_alias`, `custom_channels`) and `ssl_verify: false`. */
export function parseCondarc(text: string, file: string): PackageSourceConfig {
  const yaml = new YamlSettings(text, file);
  const config: PackageSourceConfig = { type: 'package-config', tool: 'conda', indexes: [], uncheckedTransport: [] };
  for (const key of CHANNEL_LISTS) {
    for (const channel of yaml.strings([key]).filter((c) => c.includes('://'))) config.indexes.push({ url: channel, kind: 'extra', line: yaml.lineOf([key], channel) });
  }
  const alias = yaml.get(['channel_alias']);
  if (typeof alias === 'string') config.indexes.push({ url: alias, kind: 'primary', line: yaml.lineOf(['channel_alias']) });
  const custom = yaml.get(['custom_channels']);
  for (const [name, url] of isRecord(custom) ? Object.entries(custom) : []) {
    if (typeof url === 'string') config.indexes.push({ url, kind: 'extra', line: yaml.lineOf(['custom_channels', name]) });
  }
  if (/^(false|no|off)$/i.test(String(yaml.get(['ssl_verify'])))) config.uncheckedTransport.push({ setting: 'ssl_verify: false', line: yaml.lineOf(['ssl_verify']) });
  return config;
}
