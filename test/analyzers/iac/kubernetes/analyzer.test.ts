import { describe, expect, it } from 'vitest';
import { kubernetesAnalyzer } from '../../../../src/analyzers/iac/kubernetes/index.js';
import { classify } from '../../../../src/inventory/classify.js';
import { analyzeManifestText } from './scan.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: n\nspec:\n  automountServiceAccountToken: false\n  containers:\n    - name: c\n      image: c:1.0.0\n';
const PRIVILEGED = `${POD}      securityContext:\n        privileged: true\n`;

describe('kubernetes analyzer', () => {
  it('takes files classified as Kubernetes manifests, including Helm output that starts with a Source comment', () => {
    expect(classify('deploy/app.yaml', '---\n# Source: chart/templates/job.yaml\napiVersion: batch/v1\nkind: Job\n')).toBe('kubernetes');
    expect(classify('values.yaml', 'image:\n  tag: 1.0\n')).toBe('config');
    const entry = { path: 'a.yaml', absPath: '/r/a.yaml', size: 1 };
    expect(kubernetesAnalyzer.required({ ...entry, kind: 'kubernetes' })).toBe(true);
    expect(kubernetesAnalyzer.required({ ...entry, kind: 'config' })).toBe(false);
  });

  it('places findings on the offending key, with 1-based line and column', () => {
    const finding = analyzeManifestText(PRIVILEGED).findings.find((f) => f.ruleId === 'k8s.privileged')!;
    expect(finding.location).toMatchObject({ file: 'k8s/manifest.yaml', startLine: 12, startColumn: 21, snippet: 'privileged: true' });
    expect(finding.category).toBe('iac');
    expect(finding.fingerprint).toMatch(/^[0-9a-f]+$/);
  });

  it('locates findings the same in CRLF files and reads JSON manifests', () => {
    const crlf = analyzeManifestText(PRIVILEGED.replace(/\n/g, '\r\n')).findings.find((f) => f.ruleId === 'k8s.privileged')!;
    expect(crlf.location).toMatchObject({ startLine: 12, startColumn: 21, snippet: 'privileged: true' });
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j', namespace: 'n' }, spec: { hostPID: true, containers: [] } }, null, 2);
    const result = analyzeManifestText(json, 'k8s/pod.json');
    expect(result.findings.map((f) => `${f.ruleId} ${f.location.snippet}`).sort()).toEqual(['k8s.automount-service-account-token "spec": {', 'k8s.host-pid "hostPID": true,']);
  });

  it('reads every document of a multi-document file and every item of a List', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n${PRIVILEGED.replace(/^/gm, '    ').replace(/^    apiVersion/, '  - apiVersion')}`;
    const result = analyzeManifestText(`${PRIVILEGED}---\n${list}`);
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'k8s.privileged').map((f) => f.location.startLine)).toEqual([12, 28]);
  });

  it('reports an unrendered Helm template as a scan error of that file and nothing else', () => {
    const template = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: {{ .Values.image }}\n          securityContext:\n            privileged: true\n';
    const result = analyzeManifestText(template, 'chart/templates/deployment.yaml');
    expect(result.findings).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/^unrendered Helm\/Go template \(\{\{ … \}\} at line 4\): render it with `helm template`/);
  });

  it('reports a Helm control line that breaks the YAML as a template, not as a YAML error', () => {
    const result = analyzeManifestText('{{- if .Values.enabled }}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n{{- end }}\n');
    expect(result.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^unrendered Helm\/Go template \(\{\{ … \}\} at line 1\)/)]);
  });

  it('keeps the valid documents of a file whose other document is malformed YAML', () => {
    const result = analyzeManifestText(`${PRIVILEGED}---\napiVersion: v1\nkind: Pod\nspec: [unclosed\n`);
    expect(result.findings.map((f) => f.ruleId)).toContain('k8s.privileged');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/^invalid YAML at line \d+, column \d+: /);
  });

  it('refuses a billion-laughs alias bomb quickly and reports it as a scan error', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n---\n${PRIVILEGED}`;
    const started = performance.now();
    const result = analyzeManifestText(bomb);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/^document 1: .*alias/i);
    // The bomb costs its own document only.
    expect(result.findings.map((f) => f.ruleId)).toContain('k8s.privileged');
  });

  it('lets a few ordinary aliases through and follows them', () => {
    const withAlias = `${POD}      securityContext: &root\n        runAsUser: 0\n    - name: d\n      image: d:1.0.0\n      securityContext: *root\n`;
    const result = analyzeManifestText(withAlias);
    expect(result.errors).toEqual([]);
    // The aliased container's setting is not written out in the file: its finding sits on the alias.
    expect(result.findings.filter((f) => f.ruleId === 'k8s.run-as-root').map((f) => f.location.startLine)).toEqual([12, 15]);
  });

  it('ignores YAML that is not a Kubernetes object and survives hostile nesting', () => {
    expect(analyzeManifestText('apiVersion: v1\nkind: Config\nusers: []\n')).toMatchObject({ findings: [], errors: [] });
    const deep = `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    const result = analyzeManifestText(deep);
    expect(result.findings).toEqual([]);
    expect(result.errors.length).toBeLessThanOrEqual(1);
  });
});

describe('runtime sockets in hostPath volumes', () => {
  it('takes /run and /var/run, which hold docker.sock, for the socket itself', () => {
    const pod = (path: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\n  namespace: ops\nspec:\n  containers:\n    - name: agent\n      image: agent:1.0.0\n  volumes:\n    - name: run\n      hostPath:\n        path: ${path}\n`;
    const ids = (path: string) => analyzeManifestText(pod(path)).findings.filter((f) => /host-path|runtime-socket/.test(f.ruleId)).map((f) => `${f.ruleId}:${f.location.startLine}`);
    expect(ids('/var/run')).toEqual(['k8s.container-runtime-socket:13']);
    expect(ids('/run/')).toEqual(['k8s.container-runtime-socket:13']);
    expect(ids('/run/systemd')).toEqual(['k8s.host-path:13']);
  });
});

describe('k8s.default-credentials', () => {
  it('points at the env entry written with the default password, else at the image', () => {
    const pod = (env: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: mq\n  namespace: ops\nspec:\n  containers:\n    - env:\n${env}      name: rabbit\n      image: rabbitmq:3.13-management\n`;
    const found = (env: string) => analyzeManifestText(pod(env)).findings.filter((f) => f.ruleId === 'k8s.default-credentials').map((f) => [f.location.startLine, f.cwe]);
    expect(found('        - name: RABBITMQ_DEFAULT_USER\n          value: guest\n        - name: RABBITMQ_DEFAULT_PASS\n          value: guest\n')).toEqual([[12, ['CWE-1393']]]);
    expect(found('        - name: LANG\n          value: C.UTF-8\n        - name: TZ\n          value: UTC\n')).toEqual([[14, ['CWE-1393']]]);
    expect(found('        - name: RABBITMQ_DEFAULT_PASS\n          valueFrom:\n            secretKeyRef: {name: mq, key: password}\n')).toEqual([]);
  });
});

describe('k8s.data-service-exposed', () => {
  const svc = (spec: string, annotations = '') =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n  namespace: data\n${annotations}spec:\n${spec}`;
  const found = (code: string) => analyzeManifestText(code).findings.filter((f) => f.ruleId === 'k8s.data-service-exposed').map((f) => `${f.location.startLine} ${f.severity} ${f.message}`);

  it('reports a public load balancer or a node port in front of a data store, by port or by the image its selector picks', () => {
    expect(found(svc('  type: LoadBalancer\n  ports:\n    - port: 6379\n  loadBalancerSourceRanges: ["0.0.0.0/0"]\n'))).toEqual([
      '7 high Service "db" exposes Redis (port 6379) on a load balancer that is reachable from outside the cluster',
    ]);
    expect(found(svc('  type: NodePort\n  ports:\n    - port: 80\n      targetPort: 9200\n'))).toEqual(['7 medium Service "db" exposes Elasticsearch/OpenSearch (port 9200) on a port on every node']);
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: db\nspec:\n  template:\n    metadata:\n      labels: {app: db, tier: data}\n    spec:\n      containers:\n        - name: pg\n          image: postgres:17\n';
    expect(found(`${deployment}---\n${svc('  type: LoadBalancer\n  selector: {app: db}\n  ports:\n    - port: 15432\n      targetPort: pg\n')}`)).toEqual([
      '20 high Service "db" exposes postgres:17 on a load balancer that is reachable from outside the cluster',
    ]);
  });

  it('leaves internal load balancers, restricted source ranges, ClusterIP and web ports alone', () => {
    const lb = '  type: LoadBalancer\n  ports:\n    - port: 5432\n';
    expect(found(svc(lb, '  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-internal: "true"\n'))).toEqual([]);
    expect(found(svc(lb, '  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internal\n'))).toEqual([]);
    expect(found(svc(lb, '  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-internal: "false"\n'))).toHaveLength(1);
    expect(found(svc(`${lb}  loadBalancerSourceRanges: ["10.0.0.0/8"]\n`))).toEqual([]);
    expect(found(svc('  type: ClusterIP\n  ports:\n    - port: 5432\n'))).toEqual([]);
    expect(found(svc('  type: LoadBalancer\n  ports:\n    - port: 443\n      targetPort: 8443\n'))).toEqual([]);
  });
});
