import { describe, expect, it } from 'vitest';
import { scanSecrets } from './scan.js';

const RULE = 'secret.sql-role-password';

describe('secret.sql-role-password', () => {
  it('finds the password of every role statement in a script, and only the password', () => {
    const script = [
      "CREATE ROLE etl SUPERUSER LOGIN PASSWORD 'hunter2-etl';",
      "ALTER ROLE etl WITH PASSWORD 'Gr4nary-l0ad';",
      "CREATE USER analyst PASSWORD = 'An4lyst_pw' MUST_CHANGE_PASSWORD = TRUE;",
      "ALTER USER analyst SET PASSWORD = 'N3w-analyst';",
      "GRANT SELECT ON ALL TABLES IN SCHEMA raw TO etl;",
    ].join('\n');
    const found = scanSecrets(script, RULE, 'db/init.sql');
    expect(found.map((f) => f.location.startLine)).toEqual([1, 2, 3, 4]);
    expect(found.every((f) => f.severity === 'high' && !f.message.includes('down-ranked'))).toBe(true);
    expect(found.map((f) => f.location.snippet ?? '').join('\n')).not.toMatch(/hunter2-etl|Gr4nary-l0ad|An4lyst_pw|N3w-analyst/);
  });

  it('does not reach past the end of a statement for a password clause', () => {
    const script = "CREATE ROLE reader NOLOGIN;\nUPDATE settings SET password = 'Not-a-role1' WHERE id = 1;\n";
    expect(scanSecrets(script, RULE, 'db/init.sql')).toEqual([]);
  });

  it('down-ranks a stored hash, which is no password', () => {
    const found = scanSecrets("CREATE ROLE etl LOGIN ENCRYPTED PASSWORD 'md5f1e2d3c4b5a69788796a5b4c3d2e1f00';\n", RULE, 'db/init.sql');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('stored password hash');
  });

  it('leaves psql variables, bind parameters, server-chosen and plugin-only logins alone', () => {
    const script = [
      "CREATE ROLE etl LOGIN PASSWORD :'etl_password';",
      'ALTER ROLE etl PASSWORD NULL;',
      "CREATE USER 'svc'@'%' IDENTIFIED BY RANDOM PASSWORD;",
      "CREATE USER 'app'@'%' IDENTIFIED WITH auth_socket;",
      'CREATE USER ops IDENTIFIED EXTERNALLY;',
      "CREATE ROLE loader LOGIN PASSWORD '{{ var(\"loader_pw\") }}';",
    ].join('\n');
    expect(scanSecrets(script, RULE, 'db/init.sql')).toEqual([]);
  });
});
