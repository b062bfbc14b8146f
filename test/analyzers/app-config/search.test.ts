import { describe, expect, it } from 'vitest';
import { analyzeAppConfigText } from './scan.js';

const found = (code: string, file: string) => analyzeAppConfigText(code, file).findings.map((f) => [f.ruleId, f.location.startLine]);

describe('search.security-disabled', () => {
  it('reports Elasticsearch and OpenSearch security switched off in config, compose and env', () => {
    expect(found('cluster.name: logs\nxpack.security.enabled: false\n', 'elasticsearch.yml')).toEqual([['search.security-disabled', 2]]);
    expect(found('services:\n  es:\n    environment:\n      xpack.security.enabled: "false"\n', 'docker-compose.yaml')).toEqual([['search.security-disabled', 4]]);
    expect(found('services:\n  os:\n    environment:\n      - DISABLE_SECURITY_PLUGIN=true\n', 'compose.yaml')).toEqual([['search.security-disabled', 4]]);
    expect(found('plugins.security.disabled: true\n', 'opensearch.yml')).toEqual([['search.security-disabled', 1]]);
    const env = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: es\nspec:\n  template:\n    spec:\n      containers:\n        - env:\n            - name: xpack.security.enabled\n              value: "false"\n          image: elasticsearch:7.17.25\n';
    expect(found(env, 'k8s/es.yaml')).toEqual([['search.security-disabled', 10]]);
    expect(found('docker run -e xpack.security.enabled=false elasticsearch:7.17.25\n', 'run.sh')).toEqual([['search.security-disabled', 1]]);
  });

  it('leaves security on and values from elsewhere alone', () => {
    expect(found('xpack.security.enabled: true\nxpack.security.http.ssl.enabled: false\n', 'elasticsearch.yml')).toEqual([]);
    expect(found('xpack.security.enabled: ${ES_SECURITY}\n', 'elasticsearch.yml')).toEqual([]);
    expect(found('DISABLE_SECURITY_PLUGIN=false\n', '.env')).toEqual([]);
  });
});
