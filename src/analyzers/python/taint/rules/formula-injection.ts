import { taintRule } from './taint-rule.js';

export const formulaInjection = taintRule(
  {
  id: 'py.taint.formula-injection',
  title: "Ingested text written to a spreadsheet file without formula neutralisation",
  severity: 'medium',
  cwe: ["CWE-1236"],
  what: "Follows ingested data into DataFrame.to_csv/to_excel and csv.writer rows.",
  why: "Cells that begin with =, +, - or @ run as formulas when an analyst opens the export in a spreadsheet, which can exfiltrate data or run commands.",
  remediation: "Prefix cells starting with = + - @ with a quote (a neutralise function), or export to a format that is not opened in spreadsheets.",
  bad: [
    {
      file: "jobs/export.py",
      code: "import pandas as pd\n\nleads = pd.read_json(\"https://crm.example.com/leads.json\")\nleads.to_csv(\"leads.csv\")\n",
    },
  ],
  good: [
    {
      file: "jobs/export.py",
      code: "import pandas as pd\n\nsummary = pd.DataFrame({\"region\": [\"north\", \"south\"], \"total\": [1, 2]})\nsummary.to_csv(\"summary.csv\")\n",
    },
  ],
  references: ["https://cwe.mitre.org/data/definitions/1236.html"],
  },
  'formula-injection',
  [],
);
