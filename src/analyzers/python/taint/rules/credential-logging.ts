import { taintRule } from './taint-rule.js';

export const credentialLogging = taintRule(
  {
  id: 'py.taint.credential-logging',
  title: "Credential written to a log",
  severity: 'medium',
  cwe: ["CWE-532"],
  what: "Follows values read from environment variables, Airflow Variables or parameters named like password, token, secret or API key into logging calls.",
  why: "Logs are shipped to shared systems and kept for long; a logged database password or token is readable by everyone with log access.",
  remediation: "Log that a credential was loaded, never its value; mask it if it must appear.",
  bad: [
    {
      file: "jobs/connect.py",
      code: "import logging\nimport os\n\nlog = logging.getLogger(__name__)\npassword = os.environ[\"WAREHOUSE_PASSWORD\"]\nlog.info(\"connecting with %s\", password)\n",
    },
  ],
  good: [
    {
      file: "jobs/connect.py",
      code: "import logging\nimport os\n\nlog = logging.getLogger(__name__)\nuser = os.environ[\"WAREHOUSE_USER\"]\nlog.info(\"connecting as %s\", user)\n",
    },
  ],
  references: ["https://cwe.mitre.org/data/definitions/532.html"],
  },
  'credential-logging',
  [],
);
