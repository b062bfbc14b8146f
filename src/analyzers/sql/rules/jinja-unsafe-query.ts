import type { SqlRule } from '../sql-rule.js';
import { unsafeProjectHooks, unsafeQueries } from '../unsafe-splices.js';

export const jinjaUnsafeQuery: SqlRule = {
  id: 'sql.jinja-unsafe-query',
  title: 'dbt macro or hook runs a query built from a caller’s value',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-89'],
  what:
    'Finds run_query(…), adapter.execute(…) and dbt_utils.get_query_results_as_dict(…) in macros and models whose ' +
    'query text is built (with ~, + or format) from var(…), env_var(…), params… or dag_run.conf…, directly or through ' +
    'a {% set %} variable, and hooks — a model\'s config(pre_hook=…, post_hook=…, sql_header=…), dbt_project.yml\'s ' +
    'on-run-start, on-run-end, +pre-hook/+post-hook and +sql_header, and the config: of models, seeds and snapshots in ' +
    'property files (models/**/*.yml) — built from such a value or rendering one in their own template text when dbt ' +
    'runs them. Values cast with | int or | float, and wrapped in ' +
    'ref()/source()/adapter.quote(), are left alone — the same judgement sql.jinja-unsafe-splice makes on rendered SQL.',
  why:
    'These calls run their query while the template renders, with the transformation role’s rights, and the query ' +
    'never appears in the compiled SQL a reviewer reads: a --vars value such as `t; drop schema analytics cascade` ' +
    'becomes part of it.',
  remediation:
    'Build relation names with adapter.quote() or api.Relation.create(), resolve models with ref()/source(), cast ' +
    'numbers with | int, and check enumerated choices against a list in the macro before the query is built.',
  bad: [
    {
      file: 'macros/purge_partition.sql',
      code:
        '{% macro purge_partition() %}\n' +
        '  {% set q = "delete from " ~ var("target_table") ~ " where ds = current_date" %}\n' +
        '  {% do run_query(q) %}\n' +
        '{% endmacro %}\n',
    },
    {
      file: 'models/marts/orders.sql',
      code:
        '{{ config(materialized="table", post_hook="grant select on {{ this }} to role {{ var(\'reporter_role\') }}") }}\n' +
        'select * from {{ ref("stg_orders") }}\n',
    },
    {
      file: 'dbt_project.yml',
      code: 'name: shop\non-run-end:\n  - "grant usage on schema {{ target.schema }} to role {{ var(\'reporter_role\') }}"\n',
    },
    {
      file: 'models/marts/schema.yml',
      code: 'version: 2\nmodels:\n  - name: orders\n    config:\n      post_hook: "delete from {{ this }} where region = {{ var(\'region\') }}"\n',
    },
  ],
  good: [
    {
      file: 'macros/purge_partition.sql',
      code:
        '{% macro purge_partition() %}\n' +
        '  {% set q = "delete from " ~ ref("events") ~ " where ds >= current_date - " ~ (var("days") | int) %}\n' +
        '  {% do run_query(q) %}\n' +
        '  {% do run_query("vacuum " ~ adapter.quote(var("schema"))) %}\n' +
        '{% endmacro %}\n',
    },
    {
      file: 'models/marts/orders.sql',
      code:
        '{{ config(materialized=var("materialization"), post_hook="grant select on {{ this }} to role {{ adapter.quote(var(\'reporter_role\')) }}") }}\n' +
        'select * from {{ ref("stg_orders") }}\n',
    },
    {
      file: 'dbt_project.yml',
      code: 'name: shop\non-run-end:\n  - "grant usage on schema {{ target.schema }} to role {{ adapter.quote(var(\'reporter_role\')) }}"\n',
    },
    {
      file: 'models/marts/schema.yml',
      code: 'version: 2\nmodels:\n  - name: orders\n    config:\n      post_hook: "delete from {{ this }} where region_id = {{ var(\'region_id\') | int }}"\n',
    },
  ],
  references: [
    'https://docs.getdbt.com/reference/dbt-jinja-functions/run_query',
    'https://docs.getdbt.com/reference/dbt-jinja-functions/var',
    'https://cwe.mitre.org/data/definitions/89.html',
  ],
  check(ctx) {
    for (const { runner, source, start, end, quoted } of [...unsafeQueries(ctx.jinja), ...unsafeProjectHooks(ctx.hooks)]) {
      ctx.report(start, end, {
        message: quoted
          ? `${runner} renders ${source} inside a quoted SQL literal without escaping; a value containing a quote breaks out of it`
          : `${runner} runs a query built from ${source}, which whoever runs dbt chooses`,
        confidence: quoted ? 'medium' : 'high',
      });
    }
  },
};
