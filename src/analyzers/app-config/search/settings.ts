import { environmentValues } from '../environment.js';
import { resolved, type AppSetting } from '../setting.js';

/** `xpack.security.enabled: false` (elasticsearch.yml), `- xpack.security.enabled=false` (compose), `-E xpack.security.enabled=false`. */
const PROPERTY = /\b(xpack\.security\.enabled|plugins\.security\.disabled)["']?[ \t]*[:=][ \t]*["']?(\w*)/g;
const OPENSEARCH_SWITCH = /\bDISABLE_SECURITY_PLUGIN\b/g;

/** Whether Elasticsearch's or OpenSearch's security (authentication, TLS) is switched on, wherever a file says so. */
export function searchSettings(_fileName: string, text: string): AppSetting[] {
  if (!/security/i.test(text)) return [];
  const properties = [...text.matchAll(PROPERTY)].map((m): AppSetting => ({
    app: 'search',
    section: m[1]!.startsWith('xpack') ? 'elasticsearch' : 'opensearch',
    option: m[1]!,
    value: resolved(m[2]!),
    start: m.index,
    end: m.index + m[0].length,
    spelling: m[1]!,
  }));
  const switches = environmentValues(text, OPENSEARCH_SWITCH).map(({ value, start, end }): AppSetting => ({
    app: 'search',
    section: 'opensearch',
    option: 'DISABLE_SECURITY_PLUGIN',
    value: resolved(value),
    start,
    end,
    spelling: 'DISABLE_SECURITY_PLUGIN',
  }));
  return [...properties, ...switches];
}
