import { describe, expect, it } from 'vitest';
import { analyzeAppConfigText } from './scan.js';

const found = (code: string, file: string) => analyzeAppConfigText(code, file).findings.map((f) => [f.ruleId, f.severity, f.location.startLine]);

describe('postgres.trust-auth', () => {
  it('reports the official image told to trust every client, in any of the places the variable is set', () => {
    expect(found('services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_HOST_AUTH_METHOD=trust\n', 'docker-compose.yml')).toEqual([['postgres.trust-auth', 'critical', 5]]);
    expect(found('FROM postgres:16\nENV POSTGRES_HOST_AUTH_METHOD trust\n', 'Dockerfile')).toEqual([['postgres.trust-auth', 'critical', 2]]);
    expect(found('POSTGRES_HOST_AUTH_METHOD=scram-sha-256\n', '.env')).toEqual([]);
  });

  it('reads pg_hba.conf records: trust from anywhere is critical, from a range high, loopback and local sockets fine', () => {
    const hba = [
      '# TYPE  DATABASE  USER  ADDRESS  METHOD',
      'local   all       all            trust',
      'host    all       all   127.0.0.1/32  trust',
      'host    all       all   0.0.0.0/0     trust',
      'hostssl warehouse etl   10.20.0.0 255.255.0.0 trust',
      'host    all       all   all           scram-sha-256',
      'host    all       all   ::/0          trust  # temporary',
      '',
    ].join('\n');
    expect(found(hba, 'pg_hba.conf')).toEqual([
      ['postgres.trust-auth', 'critical', 4],
      ['postgres.trust-auth', 'high', 5],
      ['postgres.trust-auth', 'critical', 7],
    ]);
  });
});
