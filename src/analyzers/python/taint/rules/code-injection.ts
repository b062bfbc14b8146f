import { taintRule } from './taint-rule.js';

export const codeInjection = taintRule(
  {
  id: 'py.taint.code-injection',
  title: "Untrusted data is evaluated as code",
  severity: 'critical',
  cwe: ["CWE-95"],
  what: "Follows ingested data into eval, exec, compile, pandas.eval and DataFrame.eval/query.",
  why: "Expressions kept in config rows or request fields and evaluated by the job run arbitrary Python; pandas eval/query accept expressions that can reach Python too.",
  remediation: "Map allowed operations to functions, or parse with ast.literal_eval; never evaluate text that arrives with the data.",
  bad: [
    {
      file: "jobs/derive.py",
      code: "import pandas as pd\n\nrules = pd.read_csv(\"rules.csv\")\nfor expression in rules[\"expr\"]:\n    eval(expression)\n",
    },
  ],
  good: [
    {
      file: "jobs/derive.py",
      code: "import pandas as pd\n\ndf = pd.read_csv(\"orders.csv\")\nmargin = df.eval(\"revenue - cost\")\n",
    },
  ],
  bandit: ['B307', 'B102'],
  references: ["https://cwe.mitre.org/data/definitions/95.html"],
  },
  'code-injection',
  ["py.code-injection.eval-exec"],
);
