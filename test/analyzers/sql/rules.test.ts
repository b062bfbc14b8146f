import { describe, expect, it } from 'vitest';
import { analyzeSqlText, scan } from './scan.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('sql.jinja-unsafe-splice', () => {
  const ID = 'sql.jinja-unsafe-splice';

  it.each([
    "{{ var('f') }}",
    '{{ env_var("DBT_FILTER") }}',
    '{{ params.table }}',
    "{{ params['table'] }}",
    '{{ dag_run.conf["where"] }}',
    "{{- var('f') -}}",
    "{{ 'x' ~ var('f') }}",
    "{{ var('f') | lower }}",
  ])('reports %s spliced bare, at high confidence', (splice) => {
    const [finding] = scan(`select * from t where ${splice}\n`, ID);
    expect(finding).toMatchObject({ severity: 'high', confidence: 'high' });
    expect(finding!.location).toMatchObject({ startLine: 1, startColumn: 23, endColumn: 23 + splice.length });
  });

  it('reports a quoted splice at medium confidence, and one whose quotes are escaped not at all', () => {
    const [finding] = scan("select * from t where d = '{{ var(\"d\") }}'\n", ID);
    expect(finding?.confidence).toBe('medium');
    expect(finding?.message).toContain('quoted');
    expect(scan("select * from t where d = '{{ var('d') | replace(\"'\", \"''\") }}'\n", ID)).toEqual([]);
    expect(scan("select * from t where d = '{{ dbt.escape_single_quotes(var('d')) }}'\n", ID)).toEqual([]);
    // Escaping quotes is not enough where the value is not inside quotes.
    expect(scan("select * from t where d = {{ dbt.escape_single_quotes(var('d')) }}\n", ID)).toHaveLength(1);
  });

  it('accepts casts, quoting and relation macros', () => {
    const code = lines(
      "select {{ var('n') | int }}, {{ var('x').y | float }}, {{ adapter.quote(var('col')) }}",
      "from {{ ref(var('model')) }} join {{ source('raw', var('tbl')) }} using (id)",
      "{{ config(materialized=var('mat')) }}",
      "where 1 = 1 {# {{ var('x') }} #}",
    );
    expect(scan(code, ID)).toEqual([]);
  });

  it('follows {% set %} variables, and forgets them when reassigned safely', () => {
    const code = lines("{% set t = var('t') %}", 'select * from {{ t }}', "{% set t = var('t') | int %}", 'limit {{ t }}');
    expect(scan(code, ID).map((f) => f.location.startLine)).toEqual([2]);
  });

  it('ignores splices in SQL comments and names that merely look like sources', () => {
    const code = lines(
      "-- where {{ var('f') }}",
      "/* {{ env_var('X') }} */",
      "select {{ my_var('x') }}, {{ obj.params }}, {{ variables }}, {{ \"var('x')\" }}",
    );
    expect(scan(code, ID)).toEqual([]);
  });

  it('reports a splice in a routine body as bare SQL', () => {
    expect(scan("CREATE FUNCTION f() RETURNS int AS $$ SELECT {{ var('n') }} $$ LANGUAGE sql;\n", ID)).toHaveLength(1);
  });
});

describe('sql.jinja-unsafe-query', () => {
  const ID = 'sql.jinja-unsafe-query';

  it('reports queries a macro runs built from a caller\'s value, naming where a set variable got it', () => {
    const code = lines(
      "{% set table = var('table') %}",
      '{% set q = "delete from " ~ table %}',
      '{% do run_query(q) %}',
      '{% set rows = dbt_utils.get_query_results_as_dict("select * from " ~ params.src) %}',
      "{{ adapter.execute('grant select on ' ~ env_var('GRANTEE')) }}",
    );
    expect(scan(code, ID, 'macros/m.sql').map((f) => [f.location.startLine, f.message])).toEqual([
      [3, "run_query() runs a query built from q (set from var('table')), which whoever runs dbt chooses"],
      [4, 'dbt_utils.get_query_results_as_dict() runs a query built from params.src, which whoever runs dbt chooses'],
      [5, "adapter.execute() runs a query built from env_var('GRANTEE'), which whoever runs dbt chooses"],
    ]);
  });

  it('leaves casts, quoted and resolved names, literals and comments alone', () => {
    const code = lines(
      "{% set days = var('days') | int %}",
      '{% do run_query("delete from t where age > " ~ days) %}',
      "{% do run_query('vacuum ' ~ adapter.quote(var('t')) ~ ' ' ~ ref('events')) %}",
      "{% do run_query('select 1') %}",
      "{# run_query('drop ' ~ var('x')) #}",
      "{% set day = var('day') %}{% set day = '2024-01-01' %}{% do run_query('select ' ~ day) %}",
    );
    expect(scan(code, ID, 'macros/m.sql')).toEqual([]);
  });

  it('reports a model\'s hooks built from a caller\'s value or rendering one, at the hook', () => {
    const code = lines(
      '{{ config(',
      '    materialized="incremental",',
      '    pre_hook="delete from {{ this }} where ds = \'" ~ var("ds") ~ "\'",',
      '    post_hook=[',
      '      "grant select on {{ this }} to role {{ var(\'reporter_role\') }}",',
      '      "analyze {{ this }} where region = \'{{ env_var(\'REGION\') }}\'",',
      '    ],',
      ') }}',
      'select * from {{ ref("stg_orders") }}',
    );
    expect(scan(code, ID).map((f) => [f.location.startLine, f.confidence, f.message])).toEqual([
      [3, 'high', "the model's pre_hook runs a query built from var(\"ds\"), which whoever runs dbt chooses"],
      [4, 'high', "the model's post_hook runs a query built from var('reporter_role'), which whoever runs dbt chooses"],
      [4, 'medium', "the model's post_hook renders env_var('REGION') inside a quoted SQL literal without escaping; a value containing a quote breaks out of it"],
    ]);
    expect(scan(code, 'sql.jinja-unsafe-splice')).toEqual([]);
  });

  it('leaves hooks of literals, casts and quoted names alone, and config values that are no SQL', () => {
    const code = lines(
      '{{ config(materialized=var("materialization"), tags=[var("tag")], pre_hook="set search_path = analytics") }}',
      '{{ config(post_hook="delete from {{ this }} where age > {{ var(\'days\') | int }}") }}',
      '{{ config(post_hook="grant select on {{ this }} to {{ adapter.quote(var(\'role\')) }}") }}',
      '{{ config(pre_hook_note=var("x"), enabled=(var("on") == "yes")) }}',
      'select 1',
    );
    expect(scan(code, ID)).toEqual([]);
  });
});

describe('sql.jinja-unsafe-query in dbt_project.yml', () => {
  const ID = 'sql.jinja-unsafe-query';

  it('reads run hooks and folder hooks at any depth, as strings, lists and {sql:} objects, and reports each at its line', () => {
    const project = lines(
      'name: shop',
      'on-run-start: "create schema if not exists {{ var(\'audit_schema\') }}"',
      'on-run-end:',
      '  - "grant usage on schema {{ target.schema }} to role reporter"',
      '  - sql: "vacuum {{ env_var(\'VACUUM_TABLE\') }}"',
      '    transaction: false',
      'models:',
      '  shop:',
      '    marts:',
      '      +post-hook: |',
      "        delete from {{ this }} where region = '{{ var(\"region\") }}'",
      '      +pre-hook: "{{ log(var(\'note\'), info=True) }}"',
    );
    expect(scan(project, ID, 'dbt_project.yml').map((f) => [f.location.startLine, f.confidence, f.message])).toEqual([
      [2, 'high', "on-run-start in dbt_project.yml runs a query built from var('audit_schema'), which whoever runs dbt chooses"],
      [5, 'high', "on-run-end in dbt_project.yml runs a query built from env_var('VACUUM_TABLE'), which whoever runs dbt chooses"],
      [10, 'medium', '+post-hook in dbt_project.yml renders var("region") inside a quoted SQL literal without escaping; a value containing a quote breaks out of it'],
    ]);
  });

  it('reads model, seed and snapshot configs in property files, sql_header among the hooks', () => {
    const properties = lines(
      'version: 2',
      'models:',
      '  - name: orders',
      '    description: "grant all on {{ var(\'x\') }}"',
      '    config:',
      '      pre_hook: "delete from {{ this }} where ds = {{ var(\'ds\') }}"',
      '      sql_header: "set search_path to {{ env_var(\'SEARCH_PATH\') }}"',
      '      post_hook:',
      '        - sql: "analyze {{ this }}"',
      'seeds:',
      '  - name: regions',
      '    config:',
      '      post_hook: ["grant select on {{ this }} to {{ var(\'role\') }}"]',
      'sources:',
      '  - name: raw',
      '    config:',
      '      pre_hook: "delete from {{ var(\'t\') }}"',
    );
    expect(scan(properties, ID, 'models/marts/schema.yml').map((f) => [f.location.startLine, f.message])).toEqual([
      [6, "pre_hook in schema.yml runs a query built from var('ds'), which whoever runs dbt chooses"],
      [7, "sql_header in schema.yml runs a query built from env_var('SEARCH_PATH'), which whoever runs dbt chooses"],
      [13, "post_hook in schema.yml runs a query built from var('role'), which whoever runs dbt chooses"],
    ]);
    // Outside dbt's resource folders a YAML file is no property file; a model's config() takes sql_header too.
    expect(scan(properties, ID, 'deploy/values.yml')).toEqual([]);
    const model = '{{ config(sql_header="set search_path to {{ var(\'schema\') }}") }}\nselect 1\n';
    expect(scan(model, ID).map((f) => f.message)).toEqual(["the model's sql_header runs a query built from var('schema'), which whoever runs dbt chooses"]);
  });

  it('reports a project file that is no YAML as a problem, and runs no SQL rule on its text', () => {
    const broken = analyzeSqlText('name: shop\non-run-end: [ "grant all on x to public" \n  bad: : :\n' + '['.repeat(300), 'dbt_project.yml');
    expect(broken.findings).toEqual([]);
    expect(JSON.stringify(broken.errors)).toContain('dbt_project.yml could not be read as YAML');
    expect(scan('name: shop\nvars:\n  note: "grant all on schema x to public"\n', undefined, 'dbt_project.yml')).toEqual([]);
  });
});

describe('sql.superuser-role', () => {
  const ID = 'sql.superuser-role';

  it('reports superuser roles, server and account administrators, and MySQL server privileges, each on its statement', () => {
    const code = lines(
      "CREATE ROLE etl_loader WITH LOGIN SUPERUSER PASSWORD :'pw';",
      'ALTER USER reporter',
      '  WITH BYPASSRLS;',
      'CREATE USER loader CREATEUSER;',
      'ALTER SERVER ROLE sysadmin ADD MEMBER pipeline;',
      "EXEC sp_addsrvrolemember 'pipeline', 'sysadmin';",
      'GRANT ROLE SECURITYADMIN TO ROLE dbt_runner;',
      "GRANT FILE, SELECT ON *.* TO 'loader'@'%';",
    );
    expect(scan(code, ID).map((f) => [f.location.startLine, f.severity])).toEqual([
      [1, 'high'],
      [2, 'medium'],
      [4, 'high'],
      [5, 'high'],
      [6, 'high'],
      [7, 'high'],
      [8, 'high'],
    ]);
    expect(scan(code, ID)[0]!.message).toBe('etl_loader is made SUPERUSER: every permission check, row-level security included, is skipped for it');
  });

  it('reports each PostgreSQL role granted that reaches past the database, on its name', () => {
    const code = lines(
      'GRANT pg_read_server_files, pg_execute_server_program',
      '  TO etl_loader WITH ADMIN OPTION;',
      'GRANT rds_superuser TO airflow;',
      'GRANT pg_read_all_data TO bi_reader;',
      'GRANT postgres TO migrator;',
    );
    expect(scan(code, ID).map((f) => [f.location.startLine, f.location.startColumn, f.severity, f.message])).toEqual([
      [1, 7, 'high', 'etl_loader is granted pg_read_server_files: it reads any file the database server can, through COPY … FROM and pg_read_file()'],
      [1, 29, 'high', 'etl_loader is granted pg_execute_server_program: it runs shell commands on the database server through COPY … PROGRAM'],
      [3, 7, 'high', 'airflow is granted rds_superuser: it is the superuser of an Amazon RDS or Aurora instance'],
      [4, 7, 'medium', 'bi_reader is granted pg_read_all_data: it reads every table, whatever the grants on it say'],
      [5, 7, 'high', 'migrator is granted postgres: it may SET ROLE postgres, the superuser'],
    ]);
  });

  it('leaves NOSUPERUSER, revocations, other roles and column names alone', () => {
    const code = lines(
      'CREATE ROLE etl NOSUPERUSER NOBYPASSRLS LOGIN;',
      'CREATE TABLE superuser_audit (id int);',
      'GRANT SELECT (file, superuser) ON audit.logins TO reporter;',
      'REVOKE ROLE ACCOUNTADMIN FROM USER airflow_svc;',
      'GRANT ROLE SYSADMIN TO ROLE platform_admins;',
      "EXEC sp_addsrvrolemember 'pipeline', 'bulkadmin';",
      'ALTER SERVER ROLE bulkadmin ADD MEMBER pipeline;',
      'REVOKE pg_execute_server_program FROM etl_loader;',
      'GRANT CONNECT ON DATABASE postgres TO etl_loader;',
      'GRANT SELECT ON rds_superuser_audit, pg_read_all_data_log TO auditor;',
      'CREATE ROLE pg_reader_etl;',
    );
    expect(scan(code, ID)).toEqual([]);
  });
});

describe('sql.dynamic-execute', () => {
  const ID = 'sql.dynamic-execute';
  const body = (...statements: string[]) => lines('DO $$', 'BEGIN', ...statements.map((s) => `  ${s}`), 'END', '$$;');

  it.each([
    "EXECUTE 'SELECT * FROM ' || tbl;",
    "EXECUTE format('SELECT * FROM %s', tbl);",
    "EXECUTE concat('DROP TABLE ', tbl);",
    "EXECUTE ('TRUNCATE ' || tbl);",
    "EXECUTE 'SELECT ' || col::text || ' FROM t';",
  ])('reports %s in a routine body at high confidence', (statement) => {
    const [finding] = scan(body(statement), ID);
    expect(finding).toMatchObject({ severity: 'high', confidence: 'high' });
    expect(finding!.location).toMatchObject({ startLine: 3, startColumn: 3 });
  });

  it('follows variables assigned by concatenation', () => {
    expect(scan(body('DECLARE', "q text := 'DELETE FROM ' || tbl;", 'BEGIN', 'EXECUTE q;'), ID)).toHaveLength(1);
    expect(scan(body("q := 'SELECT 1';", 'EXECUTE q;'), ID)).toEqual([]);
    expect(scan(lines("DECLARE @s NVARCHAR(100) = N'SELECT 1';", "SET @s += N' FROM ' + @t;", 'EXEC (@s);'), ID)).toHaveLength(1);
    expect(scan(lines("DECLARE @a INT = 1, @s NVARCHAR(10) = 'x' + @t;", 'EXEC sp_executesql @s;'), ID)).toHaveLength(1);
  });

  it('reports text of unknown origin at medium confidence only where it is always dynamic SQL', () => {
    expect(scan(body('EXECUTE stmt_text;'), ID).map((f) => f.confidence)).toEqual(['medium']);
    expect(scan('EXECUTE IMMEDIATE :sql_text;\n', ID).map((f) => f.confidence)).toEqual(['medium']);
    expect(scan('EXECUTE my_plan(1, 2);\nEXEC dbo.usp_nightly @day = @d;\nEXEC @proc_name;\n', ID)).toEqual([]);
  });

  it('accepts quoting functions, %I/%L formats and literals with USING', () => {
    expect(
      scan(
        body(
          "EXECUTE format('SELECT * FROM %I.%I WHERE d = %L', s, t, d);",
          "EXECUTE format('SELECT %s', 1);",
          "EXECUTE 'SELECT * FROM t WHERE id = $1' USING id;",
          "EXECUTE 'ANALYZE ' || quote_ident(tbl) || ' ' || quote_literal(x);",
        ),
        ID,
      ),
    ).toEqual([]);
    expect(scan("EXEC ('SELECT * FROM ' + QUOTENAME(@t));\n", ID)).toEqual([]);
  });

  it('takes a number, date or UUID variable as harmless to splice, by the types the file declares', () => {
    const plpgsql = lines(
      'CREATE FUNCTION purge(tbl text, days int, label text) RETURNS void AS $$',
      'DECLARE',
      '  cutoff date := current_date;',
      '  who varchar;',
      'BEGIN',
      "  EXECUTE format('DELETE FROM %I WHERE created < now() - interval ''%s days''', tbl, days);",
      "  EXECUTE 'DELETE FROM t WHERE d < ''' || cutoff || '''';",
      "  EXECUTE format('SELECT %1$s', days, label);",
      "  EXECUTE format('SELECT %2$s, %1$s', label, days);",
      "  EXECUTE format('DELETE FROM %s', tbl);",
      "  EXECUTE 'SELECT ' || who;",
      "  EXECUTE format('SELECT %*s', days, label);",
      'END;',
      '$$ LANGUAGE plpgsql;',
    );
    expect(scan(plpgsql, ID).map((f) => f.location.startLine)).toEqual([9, 10, 11, 12]);
    const tsql = lines(
      'CREATE PROCEDURE dbo.purge @days INT, @name NVARCHAR(50) AS',
      'BEGIN',
      "  DECLARE @a NVARCHAR(400) = N'DELETE FROM logs WHERE age > ' + CAST(@days AS NVARCHAR(10));",
      '  EXEC sp_executesql @a;',
      "  DECLARE @b NVARCHAR(400) = N'SELECT ' + CONVERT(NVARCHAR(10), @days);",
      '  EXEC (@b);',
      "  DECLARE @c NVARCHAR(400) = N'SELECT ' + CAST(@name AS NVARCHAR(50));",
      '  EXEC (@c);',
      'END;',
    );
    expect(scan(tsql, ID).map((f) => f.location.startLine)).toEqual([8]);
    // A name declared as text anywhere in the file is not taken for a number.
    expect(scan(lines('CREATE FUNCTION a(n int) RETURNS void AS $$ BEGIN NULL; END; $$ LANGUAGE plpgsql;', 'CREATE FUNCTION b(n text) RETURNS void AS $$', 'BEGIN', "  EXECUTE 'SELECT ' || n;", 'END;', '$$ LANGUAGE plpgsql;'), ID)).toHaveLength(1);
  });

  it('handles T-SQL without semicolons and MySQL PREPARE, but not PostgreSQL PREPARE … AS', () => {
    expect(scan(lines("SET @sql = 'SELECT * FROM ' + @t", 'EXEC(@sql)'), ID)).toHaveLength(1);
    expect(scan("PREPARE s FROM CONCAT('SELECT * FROM ', @t);\n", ID)).toHaveLength(1);
    expect(scan('PREPARE q (int) AS SELECT * FROM t WHERE id = $1;\nEXECUTE q(1);\n', ID)).toEqual([]);
  });

  it('ignores EXECUTE in comments and strings', () => {
    expect(scan(lines("-- EXECUTE 'x' || y", "SELECT 'EXECUTE ''x'' || y' AS doc;", "/* EXEC('a' + @b) */"), ID)).toEqual([]);
  });
});

describe('sql.grant-all', () => {
  const ID = 'sql.grant-all';

  it('rates GRANT ALL by scope, and GRANT … TO PUBLIC by what the privileges open', () => {
    const findings = scan(
      lines(
        'GRANT ALL ON t TO r;',
        "GRANT ALL PRIVILEGES ON *.* TO 'u'@'%';",
        'grant usage on schema s to public;',
        'GRANT SELECT (id, email) ON customers TO PUBLIC;',
        'GRANT USAGE, SELECT ON SEQUENCE s TO PUBLIC;',
        'GRANT CONNECT, TEMPORARY ON DATABASE dw TO PUBLIC;',
      ),
      ID,
    );
    expect(findings.map((f) => [f.location.startLine, f.severity, f.cwe[0]])).toEqual([
      [1, 'medium', 'CWE-269'],
      [2, 'high', 'CWE-269'],
      [3, 'medium', 'CWE-732'],
      [4, 'high', 'CWE-732'],
      [5, 'high', 'CWE-732'],
      [6, 'medium', 'CWE-732'],
    ]);
    expect(findings[2]!.message).toMatch(/open no rows by themselves/);
    expect(findings[0]!.location).toMatchObject({ startColumn: 1, endColumn: 10 });
  });

  it('reports GRANT inside ALTER DEFAULT PRIVILEGES once, and combines ALL with PUBLIC', () => {
    const findings = scan('ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT ALL ON TABLES TO PUBLIC;\n', ID);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('GRANT ALL … TO PUBLIC');
  });

  it('does not report REVOKE, WITH GRANT OPTION, grants to named roles, or a TO PUBLIC in the next statement', () => {
    const code = lines(
      'REVOKE ALL ON SCHEMA s FROM PUBLIC;',
      'GRANT SELECT ON t TO analyst WITH GRANT OPTION;',
      'GRANT SELECT ON t TO analyst',
      'GRANT INSERT ON u TO loader',
      "SELECT 'GRANT ALL' AS x, grant_id FROM grants;",
    );
    expect(scan(code, ID)).toEqual([]);
  });

  it("reads the SQL of dbt hooks — a model's config hooks, the project's folder and run hooks, property files — and reports at the hook", () => {
    const model = lines(
      '{{ config(materialized="table", post_hook=["grant select on {{ this }} to public", "grant select on {{ this }} to role reporter"]) }}',
      "select * from {{ ref('stg_orders') }}",
    );
    expect(scan(model, ID, 'models/orders.sql').map((f) => [f.location.startLine, f.severity, f.message])).toEqual([
      [1, 'high', "the model's post_hook: GRANT … TO PUBLIC gives these privileges to every role, including roles created later"],
    ]);
    const project = lines(
      'name: shop',
      'models:',
      '  shop:',
      '    +post-hook: "grant all on {{ this }} to role loader"',
      'on-run-end:',
      '  - "grant usage on schema {{ target.schema }} to public"',
      '  - "grant select on all tables in schema {{ target.schema }} to role reporter"',
    );
    expect(scan(project, ID, 'dbt_project.yml').map((f) => [f.location.startLine, f.severity, f.message.split(':')[0]])).toEqual([
      [4, 'medium', '+post-hook in dbt_project.yml'],
      [6, 'medium', 'on-run-end in dbt_project.yml'],
    ]);
    const properties = lines('version: 2', 'models:', '  - name: orders', '    config:', '      post_hook: "GRANT SELECT ON {{ this }} TO PUBLIC"');
    expect(scan(properties, ID, 'models/marts/schema.yml')).toMatchObject([{ severity: 'high', location: { startLine: 5 } }]);
  });

  it("reads dbt's grants config, in YAML or a model's config(), as the grants dbt runs: each privilege to each grantee", () => {
    const properties = lines(
      'version: 2',
      'models:',
      '  - name: orders',
      '    config:',
      '      grants:',
      "        select: ['reporter', 'PUBLIC']",
      '        +insert: public',
      '  - name: customers',
      '    config:',
      '      grants: {select: [reporter]}',
    );
    expect(scan(properties, ID, 'models/schema.yml').map((f) => [f.location.startLine, f.severity, f.message])).toEqual([
      [6, 'high', 'grants in schema.yml: GRANT … TO PUBLIC gives these privileges to every role, including roles created later'],
      [7, 'high', 'grants in schema.yml: GRANT … TO PUBLIC gives these privileges to every role, including roles created later'],
    ]);
    const model = lines(
      `{{ config(materialized="table", grants={'select': ['reporter', 'public'], '+insert': "PUBLIC"}) }}`,
      "{{ config(grants={'select': ['reporter']}) }}",
      'select 1',
    );
    expect(scan(model, ID, 'models/mart.sql').map((f) => [f.location.startLine, f.message])).toEqual([
      [1, "the model's grants: GRANT … TO PUBLIC gives these privileges to every role, including roles created later"],
    ]);
    const project = lines('name: shop', 'seeds:', '  +grants:', '    select: ["{{ var(\'seed_reader\') }}"]');
    expect(scan(project, 'sql.jinja-unsafe-query', 'dbt_project.yml').map((f) => [f.location.startLine, f.message])).toEqual([
      [4, "+grants in dbt_project.yml runs a query built from var('seed_reader'), which whoever runs dbt chooses"],
    ]);
  });
});

describe('sql.copy-from-program', () => {
  const ID = 'sql.copy-from-program';

  it('reports FROM and TO PROGRAM, psql \\copy included, spanning COPY to PROGRAM', () => {
    const findings = scan(lines("COPY t FROM PROGRAM 'curl -s https://x'", "\\copy t TO PROGRAM 'gzip > f.gz'"), ID);
    expect(findings.map((f) => f.location.startLine)).toEqual([1, 2]);
    expect(findings[0]!.location).toMatchObject({ startColumn: 1, endColumn: 20 });
  });

  it('does not report a file, STDIN, or a column named program', () => {
    expect(scan(lines("COPY t FROM '/data/program.csv';", 'COPY (SELECT program FROM courses) TO STDOUT;', 'COPY t FROM STDIN;'), ID)).toEqual([]);
  });
});

describe('sql.load-data-local', () => {
  const ID = 'sql.load-data-local';

  it('reports LOCAL INFILE with priority options and LOAD XML', () => {
    expect(scan(lines("LOAD DATA LOW_PRIORITY LOCAL INFILE 'a' INTO TABLE t;", "load xml local infile 'b' into table u;"), ID)).toHaveLength(2);
  });

  it('does not report server-side INFILE', () => {
    expect(scan("LOAD DATA INFILE '/var/lib/mysql-files/a.csv' INTO TABLE t;\n", ID)).toEqual([]);
  });
});

describe('sql.xp-cmdshell', () => {
  const ID = 'sql.xp-cmdshell';

  it('reports qualified calls and enabling with N-strings', () => {
    const findings = scan(lines("EXEC master.dbo.xp_cmdshell 'dir';", "EXEC sp_configure N'xp_cmdshell', 1;"), ID);
    expect(findings.map((f) => [f.location.startLine, f.location.startColumn])).toEqual([
      [1, 17],
      [2, 6],
    ]);
  });

  it('does not report disabling it or mentioning it in strings and comments', () => {
    expect(scan(lines("EXEC sp_configure 'xp_cmdshell', 0;", "PRINT 'xp_cmdshell';", '-- xp_cmdshell'), ID)).toEqual([]);
  });
});
