import { taintRule } from './taint-rule.js';

export const regexInjection = taintRule(
  {
  id: 'py.taint.regex-injection',
  title: "Untrusted data compiled as a regular expression",
  severity: 'medium',
  cwe: ["CWE-1333", "CWE-625"],
  what: "Follows ingested data into the pattern argument of re.compile, re.match, re.search, re.sub and friends.",
  why: "A pattern from outside can backtrack catastrophically and stall the job on every row, or match far more than intended.",
  remediation: "Escape the value with re.escape, or match it literally with str methods.",
  bad: [
    {
      file: "jobs/filter.py",
      code: "import sys\nimport re\n\nmatcher = re.compile(sys.argv[1])\n",
    },
  ],
  good: [
    {
      file: "jobs/filter.py",
      code: "import sys\nimport re\n\nmatcher = re.compile(re.escape(sys.argv[1]))\n",
    },
  ],
  references: ["https://cwe.mitre.org/data/definitions/1333.html"],
  },
  'regex-injection',
  [],
);
