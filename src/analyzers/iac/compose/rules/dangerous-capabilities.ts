import { capabilityName, DANGEROUS_CAPABILITIES } from '../../kubernetes/rules/capabilities.js';
import { COMPOSE_DOCS, type ComposeRule } from '../compose-rule.js';

export const composeDangerousCapabilities: ComposeRule = {
  id: 'compose.dangerous-capabilities',
  title: 'Compose service adds a dangerous Linux capability',
  category: 'iac',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-250'],
  what:
    'Finds `cap_add` entries such as ALL, SYS_ADMIN, NET_ADMIN, SYS_PTRACE or SYS_MODULE (the list k8s.dangerous-capabilities ' +
    'uses), written with or without `CAP_`, in any case.',
  why:
    'SYS_ADMIN is nearly root on the host (mounts, namespaces), NET_ADMIN rewrites the host’s network and can sniff other ' +
    'containers’ traffic, SYS_PTRACE reads other processes’ memory — credentials included. A pipeline step needs none of them.',
  remediation: 'Remove the capability; start from `cap_drop: [ALL]` and add back only narrow ones such as NET_BIND_SERVICE if truly needed.',
  bad: [{ file: 'docker-compose.yml', code: 'services:\n  capture:\n    image: acme/capture:1.2.0\n    cap_add:\n      - NET_ADMIN\n      - cap_sys_admin\n' }],
  good: [
    { file: 'docker-compose.yml', code: 'services:\n  web:\n    image: acme/web:1.2.0\n    cap_drop:\n      - ALL\n    cap_add:\n      - NET_BIND_SERVICE\n' },
  ],
  references: [`${COMPOSE_DOCS}#cap_add`, 'https://man7.org/linux/man-pages/man7/capabilities.7.html'],
  check(ctx) {
    for (const service of ctx.services) {
      const added = service.data['cap_add'];
      if (!Array.isArray(added)) continue;
      added.forEach((cap, i) => {
        const name = capabilityName(cap);
        if (DANGEROUS_CAPABILITIES.has(name)) ctx.report(service, ['cap_add', i], { message: `Service "${service.name}" adds the ${name} capability` });
      });
    }
  },
};
