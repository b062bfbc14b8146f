import type { ReportOptions } from '../../../../core/analyzer.js';
import { COMPOSE_DOCS, type ComposeRule } from '../compose-rule.js';

/** `security_opt` settings that take a layer of confinement away, and what each one removes. */
const UNCONFINING: ReadonlyArray<{ option: string; value: RegExp; effect: string; options?: ReportOptions }> = [
  { option: 'seccomp', value: /^unconfined$/, effect: 'runs without a seccomp profile' },
  { option: 'apparmor', value: /^unconfined$/, effect: 'runs without an AppArmor profile' },
  { option: 'label', value: /^(disable|type:(spc_t|unconfined_t))$/, effect: 'turns SELinux separation off' },
  { option: 'systempaths', value: /^unconfined$/, effect: 'unmasks the /proc and /sys paths the runtime hides, and makes them writable', options: { severity: 'high' } },
  { option: 'no-new-privileges', value: /^false$/, effect: 'lets processes gain privileges through setuid binaries', options: { cwe: ['CWE-269'] } },
];

/** What a security option (`seccomp:unconfined`, `label=disable`) takes away, or undefined for one that confines; shared with `docker run --security-opt`. */
export function unconfining(entry: string): { effect: string; options?: ReportOptions } | undefined {
  const m = /^([\w-]+)\s*[:=]\s*(.*)$/.exec(entry.trim());
  if (!m) return undefined;
  const [option, value] = [m[1]!.toLowerCase(), m[2]!.trim().toLowerCase()];
  return UNCONFINING.find((u) => u.option === option && u.value.test(value));
}

export const composeSecurityOptUnconfined: ComposeRule = {
  id: 'compose.security-opt-unconfined',
  title: 'Compose service turns off seccomp, AppArmor or SELinux confinement',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-693'],
  what:
    'Finds `security_opt` entries `seccomp:unconfined`, `apparmor:unconfined`, `label:disable` (or an spc_t/unconfined_t ' +
    'label), `systempaths=unconfined` (high) and `no-new-privileges:false`, written with `:` or `=`.',
  why:
    'Seccomp, AppArmor and SELinux limit what a compromised process in the container can ask of the kernel and which host ' +
    'files it can touch; most container escapes need something the runtime’s default profiles block. Turning them off ' +
    'removes that layer for the whole service.',
  remediation:
    'Drop the entry to get the runtime’s default profiles; if one system call or path is missing, write a custom profile ' +
    '(`seccomp:./profile.json`) that allows just it. Set `no-new-privileges:true`.',
  bad: [{ file: 'docker-compose.yml', code: 'services:\n  etl:\n    image: acme/etl:1.0.0\n    security_opt:\n      - seccomp:unconfined\n      - apparmor=unconfined\n' }],
  good: [{ file: 'docker-compose.yml', code: 'services:\n  etl:\n    image: acme/etl:1.0.0\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:./seccomp/etl.json\n' }],
  references: [`${COMPOSE_DOCS}#security_opt`, 'https://docs.docker.com/engine/security/seccomp/', 'https://docs.docker.com/engine/security/apparmor/', 'https://cwe.mitre.org/data/definitions/693.html'],
  check(ctx) {
    for (const service of ctx.services) {
      const options = service.data['security_opt'];
      if (!Array.isArray(options)) continue;
      options.forEach((entry, i) => {
        const match = typeof entry === 'string' ? unconfining(entry) : undefined;
        if (match) ctx.report(service, ['security_opt', i], { message: `Service "${service.name}" ${match.effect} (security_opt: ${String(entry).trim()})`, ...match.options });
      });
    }
  },
};
