import { secretRule } from '../secret-rule.js';

export const dockerConfigAuth = secretRule({
  id: 'secret.docker-config-auth',
  title: 'Registry credentials in a Docker config.json',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  specificity: 'structure',
  what: 'Finds "auth" entries of a Docker config.json (or a Kubernetes .dockerconfigjson) that decode to user:password.',
  why: 'The entry is the registry login in base 64: it pulls private images and, with push rights, replaces the images pipelines run.',
  remediation: 'Change the registry password or token, use a credential helper (credsStore) instead of inline auth, and keep pull secrets out of the repository.',
  anchors: ['"auths"'],
  pattern: /\\?"auth\\?"\s*:\s*\\?"(?<secret>[A-Za-z0-9+/]{8,}={0,2})\\?"/,
  verify: ({ secret }) => (/^[^:\s]+:\S+$/.test(Buffer.from(secret, 'base64').toString('utf8')) ? undefined : { reject: true }),
  bad: [{ file: 'k8s/registry-config.json', code: '{"auths": {"registry.example.com": {"auth": "ZXRsOkIzc2ljQXV0aFBhc3M="}}}\n' }],
  good: [{ file: 'k8s/registry-config.json', code: '{"credsStore": "ecr-login", "auths": {"registry.example.com": {}}}\n' }],
  references: ['https://docs.docker.com/reference/cli/docker/login/#credential-stores', 'https://kubernetes.io/docs/concepts/configuration/secret/#docker-config-secrets', 'https://cwe.mitre.org/data/definitions/259.html'],
});
