import type { SqlRule } from '../sql-rule.js';
import { unsafeSplices } from '../unsafe-splices.js';

export const jinjaUnsafeSplice: SqlRule = {
  id: 'sql.jinja-unsafe-splice',
  title: 'dbt/Jinja variable spliced into raw SQL',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-89'],
  what:
    'Finds {{ … }} blocks that render var(…), env_var(…), params… or dag_run.conf… (directly or through a {% set %} ' +
    'variable) into the SQL text. Not reported: values passed through a casting filter (| int, | float, | round), ' +
    'wrapped in ref()/source()/adapter.quote()/dbt.string_literal(), or in SQL comments. Inside a quoted literal ' +
    "('{{ var(\"day\") }}') the splice is still reported, at medium confidence, unless its quotes are escaped " +
    '(| replace("\'", "\'\'") or escape_single_quotes): a value containing a quote ends the literal.',
  why:
    'dbt variables, environment variables and Airflow params are set by whoever triggers the run — a CLI flag, an ' +
    'orchestrator’s trigger form, a REST call with conf. Jinja renders them into the SQL text before the warehouse ' +
    'parses it, so a crafted value such as `2024-01-01\' OR 1=1 --` or `x; DROP TABLE …` becomes part of the ' +
    'statement run with the transformation role’s rights.',
  remediation:
    'Cast values that must be numbers or dates ({{ var("days") | int }}, cast(… as date) of a quoted, escaped ' +
    'literal), quote identifiers with adapter.quote(), resolve models with ref()/source(), and check enumerated ' +
    'choices in a macro ({% if var("mode") not in ["full", "incremental"] %}{{ exceptions.raise_compiler_error(…) }}).',
  bad: [
    {
      file: 'models/staging/stg_orders.sql',
      code: "select *\nfrom {{ source('shop', 'orders') }}\nwhere {{ var('order_filter') }}\n",
    },
    {
      file: 'models/marts/daily_revenue.sql',
      code: "{% set day = var('run_date') %}\nselect sum(amount) from {{ ref('stg_orders') }}\nwhere order_date = '{{ day }}'\n",
    },
    { file: 'dags/sql/export.sql', code: 'COPY (SELECT * FROM exports WHERE batch = {{ dag_run.conf["batch"] }}) TO STDOUT;\n' },
  ],
  good: [
    {
      file: 'models/marts/daily_revenue.sql',
      code:
        "select *\nfrom {{ ref(var('orders_model', 'stg_orders')) }}\n" +
        "where order_date >= current_date - {{ var('lookback_days', 7) | int }}\n" +
        "  and region = {{ dbt.string_literal(var('region')) }}\n" +
        "  and channel = '{{ var(\"channel\") | replace(\"'\", \"''\") }}'\n" +
        "-- lookback was {{ var('old_lookback') }}\n",
    },
  ],
  references: [
    'https://docs.getdbt.com/reference/dbt-jinja-functions/var',
    'https://docs.getdbt.com/reference/dbt-jinja-functions/env_var',
    'https://cwe.mitre.org/data/definitions/89.html',
  ],
  check(ctx) {
    for (const { block, source, quoted } of unsafeSplices(ctx.jinja, ctx.splices)) {
      ctx.report(block.start, block.end, {
        message: quoted
          ? `${source} is rendered inside a quoted SQL literal without escaping; a value containing a quote breaks out of it`
          : `${source} is rendered into the SQL text unquoted; whoever sets it can change the statement`,
        confidence: quoted ? 'medium' : 'high',
      });
    }
  },
};
