import type { PackageSourceConfig } from '../model.js';
import { isRecord, YamlSettings } from './yaml-settings.js';

/**
 * Yarn 2+'s .yarnrc.yml: `npmRegistryServer`, the registries of `npmScopes`, `enableStrictSsl:
 * false`, and `unsafeHttpWhitelist` (hosts Yarn may fetch from over plain HTTP).
 */
export function parseYarnrcYml(text: string, file: string): PackageSourceConfig {
  const yaml = new YamlSettings(text, file);
  const config: PackageSourceConfig = { type: 'package-config', tool: 'yarn', indexes: [], uncheckedTransport: [] };
  const registry = yaml.get(['npmRegistryServer']);
  if (typeof registry === 'string') config.indexes.push({ url: registry, kind: 'primary', line: yaml.lineOf(['npmRegistryServer']) });
  const scopes = yaml.get(['npmScopes']);
  for (const scope of isRecord(scopes) ? Object.keys(scopes) : []) {
    const path = ['npmScopes', scope, 'npmRegistryServer'];
    const url = yaml.get(path);
    if (typeof url === 'string') config.indexes.push({ url, kind: 'extra', line: yaml.lineOf(path) });
  }
  if (/^false$/i.test(String(yaml.get(['enableStrictSsl'])))) {
    config.uncheckedTransport.push({ setting: 'enableStrictSsl: false', line: yaml.lineOf(['enableStrictSsl']) });
  }
  for (const host of yaml.strings(['unsafeHttpWhitelist'])) {
    config.uncheckedTransport.push({ setting: `unsafeHttpWhitelist: ${host}`, line: yaml.lineOf(['unsafeHttpWhitelist'], host) });
  }
  return config;
}
