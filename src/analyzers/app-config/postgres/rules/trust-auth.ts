import type { AppRule } from '../../app-rule.js';

export const postgresTrustAuth: AppRule = {
  id: 'postgres.trust-auth',
  title: 'PostgreSQL lets network clients in without a password',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-306'],
  what:
    'Finds `POSTGRES_HOST_AUTH_METHOD=trust` for the official image (compose, .env, Dockerfile ENV, Kubernetes env) and ' +
    'pg_hba.conf `host` records with the `trust` method: critical from any address (`all`, `0.0.0.0/0`, `::/0`), high ' +
    'from a network range. Loopback and `local` (socket) records are left alone.',
  why:
    '`trust` skips authentication altogether: whoever reaches the port connects as any role, the superuser included — ' +
    'reads and rewrites the warehouse tables the pipeline loads, and with `COPY … FROM PROGRAM` runs commands on the server.',
  remediation: 'Use `scram-sha-256` and a password from a secret (`POSTGRES_PASSWORD_FILE`), and limit `host` records to the networks that need them.',
  bad: [{ file: 'docker-compose.yaml', code: 'services:\n  warehouse:\n    image: postgres:16\n    environment:\n      POSTGRES_HOST_AUTH_METHOD: trust\n' }],
  good: [{ file: 'docker-compose.yaml', code: 'services:\n  warehouse:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/pg_password\n' }],
  references: ['https://www.postgresql.org/docs/current/auth-trust.html', 'https://hub.docker.com/_/postgres', 'https://cwe.mitre.org/data/definitions/306.html'],
  check(settings, report) {
    for (const s of settings.filter((s) => s.app === 'postgres' && s.value?.toLowerCase() === 'trust')) {
      if (s.section === 'environment') report(s, 'POSTGRES_HOST_AUTH_METHOD=trust lets every network client connect as any role without a password');
      else if (s.option.endsWith(' any')) report(s, `pg_hba.conf record "${s.spelling}" lets clients from any address connect without a password`);
      else if (s.option.endsWith(' range')) report(s, `pg_hba.conf record "${s.spelling}" lets clients from that network connect without a password`, { severity: 'high' });
    }
  },
};
