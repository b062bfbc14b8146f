import { environmentValues } from '../environment.js';
import { resolved, type AppSetting } from '../setting.js';

/**
 * `xpack.security.enabled: false` (elasticsearch.yml), `- xpack.security.enabled=false` (compose),
 * `-E xpack.security.enabled=false`, and a Kubernetes env entry of that name.
 */
const PROPERTY = /\b(xpack\.security\.enabled|plugins\.security\.disabled)\b/g;
const OPENSEARCH_SWITCH = /\bDISABLE_SECURITY_PLUGIN\b/g;

/** Whether Elasticsearch's or OpenSearch's security (authentication, TLS) is switched on, wherever a file says so. */
export function searchSettings(_fileName: string, text: string): AppSetting[] {
  if (!/security/i.test(text)) return [];
  const properties = environmentValues(text, PROPERTY).map(({ name, value, end }): AppSetting => ({
    app: 'search',
    section: name[1]!.startsWith('xpack') ? 'elasticsearch' : 'opensearch',
    option: name[1]!,
    value: resolved(value),
    start: name.index,
    end,
    spelling: name[1]!,
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
