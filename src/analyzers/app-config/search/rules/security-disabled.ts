import type { AppRule } from '../../app-rule.js';
import { isTrue } from '../../setting.js';

export const searchSecurityDisabled: AppRule = {
  id: 'search.security-disabled',
  title: 'Elasticsearch or OpenSearch with security switched off',
  category: 'iac',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-306'],
  what:
    'Finds `xpack.security.enabled: false` (Elasticsearch), `plugins.security.disabled: true` or ' +
    '`DISABLE_SECURITY_PLUGIN=true` (OpenSearch) in their YAML config, compose environments, Kubernetes env and command lines.',
  why:
    'Without the security layer the cluster has no users and no TLS: whoever reaches port 9200 reads every index the ' +
    'pipeline feeds — logs and documents with personal data — and can rewrite or delete them. Exposed clusters are found ' +
    'and wiped or ransomed within hours.',
  remediation: 'Keep security on and give the pipeline its own role with the index privileges it needs; for local development, bind to 127.0.0.1.',
  bad: [{ file: 'docker-compose.yaml', code: 'services:\n  search:\n    image: elasticsearch:8.14.1\n    environment:\n      - discovery.type=single-node\n      - xpack.security.enabled=false\n' }],
  good: [{ file: 'docker-compose.yaml', code: 'services:\n  search:\n    image: elasticsearch:8.14.1\n    environment:\n      - discovery.type=single-node\n      - ELASTIC_PASSWORD_FILE=/run/secrets/elastic\n' }],
  references: ['https://www.elastic.co/guide/en/elasticsearch/reference/current/security-settings.html', 'https://cwe.mitre.org/data/definitions/306.html'],
  check(settings, report) {
    for (const s of settings.filter((s) => s.app === 'search')) {
      const off = s.option === 'xpack.security.enabled' ? /^false$/i.test(s.value ?? '') : isTrue(s.value);
      if (off) report(s, `${s.spelling} ${s.value} switches ${s.section === 'elasticsearch' ? 'Elasticsearch' : 'OpenSearch'} security off: no users, no TLS, every index open to whoever reaches the port`);
    }
  },
};
