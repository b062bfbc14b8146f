import { COMPOSE_DOCS, type ComposeRule } from '../compose-rule.js';
import { isSet } from '../values.js';

export const composePrivileged: ComposeRule = {
  id: 'compose.privileged',
  title: 'Compose service runs privileged',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-250'],
  what: 'Finds Compose services with `privileged: true`.',
  why:
    'A privileged container gets every Linux capability and the host’s devices: a process in it that is compromised — ' +
    'say through a parser bug an ingested file triggers — can mount the host’s disk and take over the machine, with every ' +
    'other service’s data and credentials on it.',
  remediation: 'Remove `privileged: true`; add only the capability a tool needs with `cap_add` (usually none) or the one device with `devices`.',
  bad: [{ file: 'docker-compose.yml', code: 'services:\n  ingest:\n    image: acme/ingest:1.4.2\n    privileged: true\n' }],
  good: [{ file: 'docker-compose.yml', code: 'services:\n  ingest:\n    image: acme/ingest:1.4.2\n    privileged: false\n' }],
  references: [`${COMPOSE_DOCS}#privileged`, 'https://cwe.mitre.org/data/definitions/250.html'],
  check(ctx) {
    for (const service of ctx.services) {
      if (isSet(service.data['privileged'])) ctx.report(service, ['privileged'], { message: `Service "${service.name}" runs privileged: it has full access to the host` });
    }
  },
};
