import { taintRule } from './taint-rule.js';

export const ssrf = taintRule(
  {
  id: 'py.taint.ssrf',
  title: "Untrusted data chooses the URL fetched",
  severity: 'high',
  cwe: ["CWE-918"],
  what: "Follows ingested data into the URL of requests, httpx and urllib calls.",
  why: "A URL taken from a record or a run parameter lets its author make the worker call internal services such as the cloud metadata endpoint.",
  remediation: "Build URLs from a fixed base and check hosts against an allow-list before fetching.",
  bad: [
    {
      file: "jobs/enrich.py",
      code: "import requests\nfrom airflow.models import Variable\n\nendpoint = Variable.get(\"enrich_url\")\nrequests.get(endpoint, timeout=10)\n",
    },
  ],
  good: [
    {
      file: "jobs/enrich.py",
      code: "import requests\n\nrequests.get(\"https://api.example.com/enrich\", timeout=10)\n",
    },
  ],
  bandit: ['B310'],
  references: ["https://cwe.mitre.org/data/definitions/918.html"],
  },
  'ssrf',
  ['py.urllib.urlopen-any-scheme'],
);
