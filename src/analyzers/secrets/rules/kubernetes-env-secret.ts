import { randomLiteral } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const kubernetesEnvSecret = secretRule({
  id: 'secret.kubernetes-env-secret',
  title: 'Kubernetes container env var with a literal secret',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  specificity: 'structure',
  what: 'Finds container env entries (`- name: …PASSWORD / …SECRET / …TOKEN / …API_KEY` followed by `value:`) whose value is a literal, in Kubernetes, Helm-rendered and Argo/Airflow pod manifests.',
  why: 'Literal env values are readable by anyone who can get the Pod or its controller, are stored unencrypted in etcd as part of the spec, and live on in every copy of the manifest.',
  remediation: 'Put the value in a Kubernetes Secret (synced from a secret store by External Secrets or the CSI driver) and reference it with valueFrom.secretKeyRef.',
  anchors: ['value:'],
  pattern: /-[ \t]+name:[ \t]*["']?\w*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)\w*["']?[ \t]*\r?\n[ \t]+value:[ \t]*["']?(?<secret>[^"'\s#]{6,})/i,
  verify: randomLiteral(2.5),
  bad: [{ file: 'k8s/etl-job.yaml', code: 'containers:\n  - name: etl\n    env:\n      - name: WAREHOUSE_PASSWORD\n        value: "K8s-W4rehousePw"\n' }],
  good: [
    {
      file: 'k8s/etl-job.yaml',
      code: 'containers:\n  - name: etl\n    env:\n      - name: WAREHOUSE_PASSWORD\n        valueFrom:\n          secretKeyRef: {name: warehouse, key: password}\n',
    },
  ],
  references: ['https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables', 'https://cwe.mitre.org/data/definitions/259.html'],
});
