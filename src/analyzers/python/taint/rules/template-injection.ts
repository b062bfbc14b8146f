import { taintRule } from './taint-rule.js';

export const templateInjection = taintRule(
  {
  id: 'py.taint.template-injection',
  title: "Untrusted data reaches a template",
  severity: 'high',
  cwe: ["CWE-1336", "CWE-79"],
  what: "Follows ingested data into jinja2.Template / Environment.from_string (template text) and into render() of templates that do not escape.",
  why: "Template text from outside runs Jinja expressions that reach Python objects; unescaped values in generated HTML reports run script in readers' browsers.",
  remediation: "Keep templates in files you ship, render with an Environment(autoescape=True), and pass data only as render arguments.",
  bad: [
    {
      file: "jobs/report.py",
      code: "import jinja2\nimport pandas as pd\n\ncfg = pd.read_json(\"report.json\")\ntemplate = jinja2.Template(cfg[\"template\"][0])\n",
    },
  ],
  good: [
    {
      file: "jobs/report.py",
      code: "import jinja2\n\nenv = jinja2.Environment(loader=jinja2.FileSystemLoader(\"templates\"), autoescape=True)\ntemplate = env.get_template(\"report.html\")\n",
    },
  ],
  references: ["https://cwe.mitre.org/data/definitions/1336.html"],
  },
  'template-injection',
  [],
);
