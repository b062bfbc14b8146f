import { exampleNotebook } from '../example-notebook.js';
import { interpolations, sqlAsIPython } from '../interpolation.js';
import { cellPlace } from '../notebook.js';
import type { NotebookRule } from '../notebook-rule.js';

export const sqlMagicInjection: NotebookRule = {
  id: 'nb.sql-magic-injection',
  title: 'Python value spliced into a %sql query',
  category: 'sast',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-89'],
  what:
    'Finds jupysql and ipython-sql queries — `%sql` lines, `x = %sql …`, `%%sql` cells — that splice a Python value into ' +
    'the SQL text with `{{ expr }}`, `{expr}` or `$name`. Bound parameters (`:name`) are left alone. Where the value ' +
    'comes from an ingestion point the taint analysis follows, py.taint.sql-injection reports it instead, with the trace.',
  why:
    'The magic renders the value into the statement as text before the database parses it, so a quote or a `;` in a ' +
    'value read from a file, a widget or an API response rewrites the query, with the notebook connection\'s rights.',
  remediation:
    'Pass values as bound parameters (`WHERE id = :order_id` in ipython-sql, or run the query with the driver and a ' +
    'parameter tuple); for table and column names, check the value against a list of the allowed names first.',
  bad: [
    { file: 'explore.ipynb', code: exampleNotebook(['%load_ext sql\n', 'region = listing[0]\n', "%sql SELECT * FROM orders WHERE region = '{{ region }}'\n"]) },
    { file: 'purge.ipynb', code: exampleNotebook(['table = widgets["table"]\n', '%%sql\nDELETE FROM {{table}}\n']) },
  ],
  good: [
    { file: 'explore.ipynb', code: exampleNotebook(['%load_ext sql\n', 'region = listing[0]\n', '%sql SELECT * FROM orders WHERE region = :region\n']) },
    { file: 'count.ipynb', code: exampleNotebook(['%%sql\nSELECT count(*) FROM orders\n']) },
  ],
  references: ['https://jupysql.ploomber.io/en/latest/user-guide/template.html', 'https://cwe.mitre.org/data/definitions/89.html'],
  check(ctx) {
    for (const query of ctx.queries) {
      const spliced = interpolations(sqlAsIPython(query.command));
      if (spliced.length === 0) continue;
      ctx.report(query.at, query.snippet, {
        message: `${spliced.join(', ')} ${spliced.length > 1 ? 'are' : 'is'} spliced into a %sql query as text (${cellPlace(query.cell, query.line)})`,
      });
    }
  },
};
