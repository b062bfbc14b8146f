import { secretRule } from '../secret-rule.js';

export const schemaRegistryAuth = secretRule({
  id: 'secret.schema-registry-auth',
  title: 'Schema Registry basic-auth user info',
  severity: 'medium',
  what: 'Finds Confluent Schema Registry credentials given as basic.auth.user.info=KEY:SECRET.',
  why: 'With write access to the registry an attacker changes the schemas producers and consumers rely on, breaking or silently reshaping the data stream.',
  remediation: 'Rotate the Schema Registry API key and take basic.auth.user.info from a config provider or secret store.',
  anchors: ['basic.auth.user.info'],
  pattern: /basic\.auth\.user\.info\\?["']?\s*[:=]\s*\\?["']?[^\s:"'\\${]+:(?<secret>[^\s"'\\,}]+)/i,
  bad: [{ file: 'stream/registry.properties', code: 'basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=SRKEY01234567:Sch3maRegistrySecretValue\n' }],
  good: [{ file: 'stream/registry.properties', code: 'basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=${env:SR_USER_INFO}\n' }],
  references: ['https://docs.confluent.io/platform/current/schema-registry/security/index.html', 'https://cwe.mitre.org/data/definitions/798.html'],
});
